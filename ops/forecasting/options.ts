import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { METHOD_NAMES, STRATEGY_NAMES } from './types.js';

/** Longest history accepted; about 270 years of daily sales. */
export const MAX_SERIES_LENGTH = 100_000;

/** Options of {@link forecast}, checked at the edge. */
export const ForecastOptionsSchema = z.object({
  /** Steps to forecast, in the series' own period (days or weeks). */
  horizon: z.number().int().min(1, 'horizon must be at least 1').max(10_000),
  /** Season length in periods (7 for daily data with a weekly cycle, 52 for weekly, 12 for monthly). @defaultValue 1 (none) */
  seasonality: z.number().int().min(1).max(1_000).default(1),
  /** @defaultValue 'auto' */
  method: z.enum(['auto', ...METHOD_NAMES]).default('auto'),
  /** Nominal coverage of the interval. @defaultValue 0.95 */
  level: z.union([z.literal(0.8), z.literal(0.95)]).default(0.95),
  /**
   * How `auto` uses the validated candidates: 'adaptive' picks the plan by history length (see
   * `auto.ts`); the others pick or combine the `combine` best. @defaultValue 'adaptive'
   */
  strategy: z.enum(STRATEGY_NAMES).default('adaptive'),
  /** How many of the best candidates a combination takes. @defaultValue set by the strategy (2 or 5; 3 for median/mean) */
  combine: z.number().int().min(1).max(10).optional(),
  /** Rolling-origin validation origins. @defaultValue set by the strategy (4 or 1; 3 for best/median/mean) */
  origins: z.number().int().min(1).max(20).optional(),
  /** Keep forecasts and lower bounds at or above 0 when the history has no negative value (sales). @defaultValue true */
  clampAtZero: z.boolean().default(true),
});

export type ForecastOptions = z.input<typeof ForecastOptionsSchema>;
export type ResolvedForecastOptions = z.output<typeof ForecastOptionsSchema>;

/**
 * Checks the series and the options.
 *
 * @throws {@link InvalidInputError} naming the first problem (empty series, a non-finite value
 * with its index, a horizon below 1, an unknown method).
 */
export function parseForecastInput(series: unknown, options: unknown): { series: number[]; options: ResolvedForecastOptions } {
  if (!Array.isArray(series)) throw new InvalidInputError('series must be an array of numbers');
  if (series.length === 0) throw new InvalidInputError('series is empty: at least one observation is needed');
  if (series.length > MAX_SERIES_LENGTH) throw new InvalidInputError(`series is longer than ${MAX_SERIES_LENGTH} values`);
  const bad = series.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new InvalidInputError(`series[${bad}] is not a finite number (${String(series[bad])})`, { index: bad });
  const parsed = ForecastOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? 'options';
    throw new InvalidInputError(`invalid forecast option ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return { series: series as number[], options: parsed.data };
}
