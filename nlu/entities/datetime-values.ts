/** One resolution candidate as the Microsoft date-time recogniser reports it. */
export interface DateTimeCandidate {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

/** A date or time entity type with its ISO 8601 value. */
export interface ResolvedDateTime {
  /** `date`, `datetime`, `time`, `daterange`, `datetimerange`, `timerange` or `duration`. */
  type: string;
  value: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `now` as the recogniser writes times: local wall-clock `YYYY-MM-DD HH:mm:ss`. */
export function localStamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

// "now", "recently", "at the moment", 马上: the recogniser gives the current instant, which says nothing.
const DEICTIC = /^(PRESENT|PAST|FUTURE)_REF$/;
const isoDateTime = (stamp: string) => stamp.replace(' ', 'T');
const interval = (a: string | undefined, b: string | undefined) => `${a ?? '..'}/${b ?? '..'}`;

/**
 * Picks one candidate and writes it in ISO 8601: `2024-05-21`, `2024-05-21T15:00:00`,
 * `17:00:00`, intervals as `start/end` (`..` for an open end), durations as their timex (`P3D`).
 *
 * @remarks Ambiguous phrases ("Tuesday", "May 20th") come with a past and a future reading. In
 * a shop conversation dates are mostly about deliveries and collections, so the first reading
 * that is not before today wins; the latest one otherwise. Recurring sets ("every Monday") are
 * not resolved and give `undefined`, as do readings outside the years 1900–2199 and references to
 * the present ("now", "recently", 马上), which the recogniser reads as the current instant.
 */
export function resolveDateTime(options: { candidates: readonly DateTimeCandidate[]; now: Date }): ResolvedDateTime | undefined {
  const usable = options.candidates.filter((c) => c.type !== 'set' && c.value !== 'not resolved' && !DEICTIC.test(c.timex ?? ''));
  if (usable.length === 0) return undefined;
  const today = localStamp(options.now).slice(0, 10);
  const key = (c: DateTimeCandidate) => c.value ?? c.start ?? c.end ?? '';
  // A bare six-digit number reads as a date in year 1002; no shop conversation means that.
  if (usable.some((c) => /^(\d{4})-/.test(key(c)) && !/^(19|2[01])\d\d-/.test(key(c)))) return undefined;
  const pick = usable.find((c) => !/^\d{4}-/.test(key(c)) || key(c).slice(0, 10) >= today) ?? (usable[usable.length - 1] as DateTimeCandidate);
  switch (pick.type) {
    case 'date':
    case 'time':
      return pick.value ? { type: pick.type, value: pick.value } : undefined;
    case 'datetime':
      return pick.value ? { type: 'datetime', value: isoDateTime(pick.value) } : undefined;
    case 'daterange':
    case 'timerange':
      return { type: pick.type, value: interval(pick.start, pick.end) };
    case 'datetimerange':
      return { type: 'datetimerange', value: interval(pick.start && isoDateTime(pick.start), pick.end && isoDateTime(pick.end)) };
    case 'duration':
      return pick.timex ? { type: 'duration', value: pick.timex } : undefined;
    default:
      return undefined;
  }
}
