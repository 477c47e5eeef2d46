const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

// Building Intl formatters is costly; a plan converts every stop's arrival.
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone this runtime knows (`Europe/London`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(at: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = partsFormatter(timeZone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Minutes `timeZone` is ahead of UTC at the instant `at` (60 for London in summer). */
function offsetMinutes(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / MINUTE_MS);
}

/**
 * The instant that reads `minutes` after midnight of `date` on the wall clocks of `timeZone`.
 *
 * @remarks Shift hours are local ("vans leave at 08:00"), the store keeps UTC. The offset is
 * read twice so a day on which the clocks change still lands on the right hour.
 */
export function zonedInstant(options: { date: string; minutes: number; timeZone: string }): Date {
  const naive = Date.parse(`${options.date}T00:00:00.000Z`) + Math.round(options.minutes) * MINUTE_MS;
  const first = naive - offsetMinutes(naive, options.timeZone) * MINUTE_MS;
  return new Date(naive - offsetMinutes(first, options.timeZone) * MINUTE_MS);
}

/** `YYYY-MM-DD` of an instant on the wall clocks of `timeZone`. */
export function zonedDay(at: Date, timeZone: string): string {
  const w = wallClock(at.getTime(), timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 1440 * MINUTE_MS).toISOString().slice(0, 10);
}

/** `HH:MM` for minutes after midnight (`480` → `08:00`). */
export function clockText(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
