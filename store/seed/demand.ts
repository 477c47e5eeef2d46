import { SEASONS, type Season } from './catalog-types.js';
import { DAY_MS, dayOfYear, weekday } from './time.js';

/** Year-on-year growth of the shop; demand two years ago was 1 / 1.3² of today's. */
const ANNUAL_GROWTH = 1.3;

/** Online shopping peaks on Sunday evening and Monday and dips on Friday and Saturday. */
const WEEKDAY_FACTOR = [1.15, 1.1, 1.0, 0.98, 1.0, 0.9, 0.85] as const;

/** Growth trend: 1 at `nowMs`, smaller in the past. */
export function trendFactor(dayMs: number, nowMs: number): number {
  return Math.pow(ANNUAL_GROWTH, (dayMs - nowMs) / (365 * DAY_MS));
}

/** Weekday multiplier of demand: busiest on Sunday and Monday, quietest on Saturday. */
export function weekdayFactor(dayMs: number): number {
  return WEEKDAY_FACTOR[weekday(dayMs)] ?? 1;
}

/** Yearly cycle: 1 + amplitude at the season's peak, 1 - amplitude half a year later. */
export function seasonFactor(dayMs: number, season: Season): number {
  const { peakDay, amplitude } = SEASONS[season];
  return 1 + amplitude * Math.cos((2 * Math.PI * (dayOfYear(dayMs) - peakDay)) / 365);
}

/** Relative number of web orders on a day: trend, weekday and the Christmas peak. */
export function orderDayWeight(dayMs: number, nowMs: number): number {
  return trendFactor(dayMs, nowMs) * weekdayFactor(dayMs) * seasonFactor(dayMs, 'gift');
}

/** Relative chance an order is placed in each UTC hour: quiet overnight, busy in the evening. */
export const HOUR_WEIGHTS: readonly number[] = [
  0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.8, 1.1, 1.2, 1.2, 1.3,
  1.5, 1.4, 1.2, 1.1, 1.1, 1.2, 1.5, 1.9, 2.2, 2.0, 1.4, 0.7,
];
