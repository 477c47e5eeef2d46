/** Milliseconds in an hour; all seed arithmetic is in UTC epoch milliseconds. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a day; days are UTC days, so there are no daylight-saving gaps. */
export const DAY_MS = 86_400_000;

/** ISO-8601 UTC timestamp, the schema's time format. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD` of the UTC day containing `ms`, the schema's date format. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day containing `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Day of the week of `ms` in UTC, 0 = Sunday. */
export function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/** 0-based day of the year of `ms` in UTC. */
export function dayOfYear(ms: number): number {
  const date = new Date(ms);
  return Math.floor((ms - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS);
}

/**
 * Midnight UTC of the day `days` working days (Monday to Friday) after the day of `ms`.
 *
 * @remarks Carriers promise delivery in working days; a parcel sent on Friday with a
 * two-day promise is due on Tuesday, not Sunday.
 */
export function addWorkingDays(ms: number, days: number): number {
  let day = startOfDay(ms);
  let left = days;
  while (left > 0) {
    day += DAY_MS;
    const wd = weekday(day);
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return day;
}

/** Moves `ms` forward to 08:00 UTC of the next working day when it falls on a weekend. */
export function nextWorkingMoment(ms: number): number {
  let moment = ms;
  while (weekday(moment) === 0 || weekday(moment) === 6) moment = startOfDay(moment) + DAY_MS + 8 * HOUR_MS;
  return moment;
}
