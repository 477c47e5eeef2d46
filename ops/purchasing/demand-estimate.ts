import { forecastDemand, type MethodName } from '../forecasting/index.js';
import type { DemandForecast } from '../inventory/index.js';
import { forecastErrorSigma } from './policy.js';

/** Days held out to measure the forecast error: four weeks, one reorder cycle. */
export const BACKTEST_DAYS = 28;
/** Fewest days of sales fitted before the held-out weeks for a backtest to mean something. */
const MIN_FIT_DAYS = 28;
/** Below this many days of sales no forecasting method is worth running: the mean stands in. */
const MIN_FORECAST_DAYS = 14;

/** Demand and forecast error for one SKU in one warehouse. */
export interface DemandEstimate {
  /** Units per day from today, `horizonDays` long (a flat mean when history is very short). */
  demand: DemandForecast;
  /** σ of the daily forecast error in units (root mean square, see `forecastErrorSigma`). */
  forecastErrorSigma: number;
  /** Days of sales used, from the first day with a sale. */
  historyDays: number;
  /** The forecasting method, or `mean` for a very short history. */
  method: MethodName | 'combination' | 'mean';
  /** `backtest` when σ comes from held-out weeks, `in-sample` when history was too short for that. */
  errorFrom: 'backtest' | 'in-sample';
}

/**
 * Forecasts demand from daily sales and measures how wrong such a forecast was on recent weeks.
 *
 * @remarks σ is measured by a backtest: the same forecaster is fitted without the last
 * {@link BACKTEST_DAYS} days and its errors on them (actual − forecast) go into
 * `forecastErrorSigma`, so bias counts as error. The forecaster's own interval is not used
 * because its floor is the spread of day-to-day differences, about √2 × the error of a good
 * forecast of noisy daily sales, which would inflate safety stock. Histories too short for a
 * backtest use the spread around their mean. Leading days without sales are dropped (the store
 * zero-fills days before a product first sold). Returns `null` when nothing was ever sold.
 * @example
 * estimateDemand({ dailySales: last364Days, horizonDays: 21 }); // { demand: [...21 values], forecastErrorSigma: 1.8, ... }
 */
export function estimateDemand(options: { dailySales: readonly number[]; horizonDays: number }): DemandEstimate | null {
  const start = options.dailySales.findIndex((units) => units > 0);
  if (start < 0) return null;
  const y = options.dailySales.slice(start);
  const horizon = Math.max(1, Math.ceil(options.horizonDays));
  if (y.length < MIN_FORECAST_DAYS) {
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    return { demand: mean, forecastErrorSigma: forecastErrorSigma(y.map((v) => v - mean)), historyDays: y.length, method: 'mean', errorFrom: 'in-sample' };
  }
  const fitted = forecastDemand({ dailySales: y, horizon, unit: 'day' });
  return {
    demand: fitted.point,
    ...backtestSigma(y),
    historyDays: y.length,
    method: fitted.method,
  };
}

function backtestSigma(y: readonly number[]): Pick<DemandEstimate, 'forecastErrorSigma' | 'errorFrom'> {
  if (y.length < MIN_FIT_DAYS + BACKTEST_DAYS) {
    const mean = y.reduce((s, v) => s + v, 0) / y.length;
    return { forecastErrorSigma: forecastErrorSigma(y.map((v) => v - mean)), errorFrom: 'in-sample' };
  }
  const cut = y.length - BACKTEST_DAYS;
  const past = forecastDemand({ dailySales: y.slice(0, cut), horizon: BACKTEST_DAYS, unit: 'day' });
  const errors = y.slice(cut).map((actual, i) => actual - (past.point[i] ?? 0));
  return { forecastErrorSigma: forecastErrorSigma(errors), errorFrom: 'backtest' };
}
