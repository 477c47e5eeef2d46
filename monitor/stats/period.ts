import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';

/** How long a period is when the request names no `from`: the last 14 days. */
export const DEFAULT_PERIOD_DAYS = 14;
/** The longest period one summary covers. */
export const MAX_PERIOD_DAYS = 366;
/** Periods up to this long are bucketed by hour, longer ones by day. */
const HOURLY_UP_TO_MS = 2 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** A time as ISO-8601 (with offset) or a calendar date (its midnight UTC). */
const Timestamp = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((value) => new Date(value));

/**
 * The period a dashboard request asks for, as query-string text.
 *
 * @remarks `from` is inclusive and `to` exclusive, compared with stored `created_at` times.
 * @defaultValue to now, from `to` − 14 days, bucket `hour` for periods up to two days, else `day`
 */
export const StatsPeriodSchema = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  bucket: z.enum(['hour', 'day']).optional(),
}).strict();
export type StatsPeriodInput = z.input<typeof StatsPeriodSchema>;

/** A resolved period: ISO-8601 UTC bounds and the size of the time buckets. */
export interface StatsPeriod {
  from: string;
  to: string;
  bucket: 'hour' | 'day';
}

/**
 * Parses a request's period and fills in the defaults, or throws `InvalidInputError`.
 *
 * @example
 * resolvePeriod({ from: '2026-11-01' }, new Date()); // { from: '2026-11-01T00:00:00.000Z', to: now, bucket: 'day' }
 */
export function resolvePeriod(input: unknown, now: Date): StatsPeriod {
  const parsed = parseInput(StatsPeriodSchema, input ?? {}, 'period');
  const to = parsed.to ?? now;
  const from = parsed.from ?? new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  const span = to.getTime() - from.getTime();
  if (span <= 0) throw new InvalidInputError('Invalid period: from must be before to');
  if (span > MAX_PERIOD_DAYS * DAY_MS) throw new InvalidInputError(`Invalid period: at most ${MAX_PERIOD_DAYS} days`);
  return { from: from.toISOString(), to: to.toISOString(), bucket: parsed.bucket ?? (span <= HOURLY_UP_TO_MS ? 'hour' : 'day') };
}
