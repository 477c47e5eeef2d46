/** Helpers the rules share: time arithmetic on ISO strings, the rate-against-baseline test, number formats. */

const MS_PER_DAY = 86_400_000;

/** ISO-8601 UTC time `ms` milliseconds before `now`. */
export function isoBefore(now: Date, ms: number): string {
  return new Date(now.getTime() - ms).toISOString();
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from calendar day `from` to calendar day `to` (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** `0.256` → `25.6%`. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** `1 order`, `3 orders`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A count read from SQL: PostgreSQL returns `count(*)` as a string, SQLite as a number. */
export function toCount(value: unknown): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Matching and total events in a span of time. */
export interface ShareCounts {
  matching: number;
  total: number;
}

/** The outcome of {@link rateAgainstBaseline}. */
export interface RateCheck {
  rate: number;
  baselineRate: number;
  /** `max(minRate, baselineRate × factor)`. */
  threshold: number;
  fires: boolean;
}

/**
 * Whether the share in the window is high against its baseline.
 *
 * @remarks The baseline is pooled over its whole span (not averaged per window), so quiet
 * windows do not drag it about; an empty baseline counts as 0, leaving `minRate` as the bar.
 * At least one matching event is always required.
 */
export function rateAgainstBaseline(input: {
  window: ShareCounts;
  baseline: ShareCounts;
  minRate: number;
  factor: number;
  /** Fewest events in the window (the denominator). */
  minTotal: number;
  /** Fewest matching events in the window. @defaultValue 1 */
  minMatching?: number;
}): RateCheck {
  const { window, baseline } = input;
  const rate = window.total > 0 ? window.matching / window.total : 0;
  const baselineRate = baseline.total > 0 ? baseline.matching / baseline.total : 0;
  const threshold = Math.max(input.minRate, baselineRate * input.factor);
  const fires = window.total >= input.minTotal && window.matching >= Math.max(1, input.minMatching ?? 1) && rate >= threshold;
  return { rate, baselineRate, threshold, fires };
}
