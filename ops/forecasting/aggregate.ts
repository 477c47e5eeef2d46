import { InvalidInputError } from '../../core/errors.js';

/** Options of {@link aggregateDailyToWeekly}. */
export interface AggregateOptions {
  /**
   * Which end of the history a partial week is dropped from.
   * @defaultValue 'start' — the newest week stays complete, which is the one forecasts start from
   */
  dropPartial?: 'start' | 'end';
}

/**
 * Sums daily sales into 7-day totals.
 *
 * @remarks Weeks are counted back from the last day so the latest week is whole; a partial
 * oldest week would look like a sales dip and bias the level. Fewer than 7 days gives no weeks.
 * @throws {@link InvalidInputError} when a value is not a finite number.
 */
export function aggregateDailyToWeekly(daily: readonly number[], options: AggregateOptions = {}): number[] {
  const bad = daily.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InvalidInputError(`daily[${bad}] is not a finite number`);
  const weeks = Math.floor(daily.length / 7);
  const offset = (options.dropPartial ?? 'start') === 'start' ? daily.length - weeks * 7 : 0;
  return Array.from({ length: weeks }, (_, w) => {
    let sum = 0;
    for (let d = 0; d < 7; d += 1) sum += daily[offset + w * 7 + d] as number;
    return sum;
  });
}
