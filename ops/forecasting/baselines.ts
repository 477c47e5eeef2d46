import { seasonalAdjustment } from './seasonality.js';

/** Repeats the last value. */
export function naiveForecast(y: readonly number[], horizon: number): number[] {
  return new Array<number>(horizon).fill(y[y.length - 1] as number);
}

/** Repeats the last full cycle; the plain naive forecast when the series is shorter than one. */
export function seasonalNaiveForecast(y: readonly number[], options: { horizon: number; period: number }): number[] {
  const { horizon, period } = options;
  if (period <= 1 || y.length < period) return naiveForecast(y, horizon);
  const n = y.length;
  return Array.from({ length: horizon }, (_, h) => y[n - period + (h % period)] as number);
}

/**
 * M4's Naive2: the naive forecast of the seasonally adjusted series, reseasonalised.
 *
 * @remarks Seasonality is removed only when the 90% autocorrelation test finds it.
 */
export function naive2Forecast(y: readonly number[], options: { horizon: number; period: number }): number[] {
  const adjustment = seasonalAdjustment(y, options.period);
  return adjustment.reseasonalise(naiveForecast(adjustment.adjusted, options.horizon));
}
