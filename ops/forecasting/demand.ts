import { aggregateDailyToWeekly } from './aggregate.js';
import { forecast } from './forecast.js';
import type { ForecastOptions } from './options.js';
import type { ForecastResult } from './types.js';

/** Options of {@link forecastDemand}. */
export interface DemandForecastOptions extends Omit<ForecastOptions, 'horizon' | 'seasonality'> {
  /** Daily units sold for one SKU in one warehouse, oldest first, one value per day (0 for no sales). */
  dailySales: readonly number[];
  /** How far ahead, in `unit`s. */
  horizon: number;
  /** Forecast per day or per (7-day) week. @defaultValue 'day' */
  unit?: 'day' | 'week';
}

/**
 * Forecasts one SKU in one warehouse from its daily sales, per day or per week.
 *
 * @remarks Daily data use a weekly cycle (7); weekly totals use a yearly one (52), which only
 * matters once three years of history pass the seasonality test.
 * @example
 * ```ts
 * const next4Weeks = forecastDemand({ dailySales, horizon: 4, unit: 'week', level: 0.8 });
 * ```
 */
export function forecastDemand(options: DemandForecastOptions): ForecastResult {
  const { dailySales, unit = 'day', ...rest } = options;
  if (unit === 'week') return forecast(aggregateDailyToWeekly(dailySales), { ...rest, seasonality: 52 });
  return forecast(dailySales, { ...rest, seasonality: 7 });
}
