import { fitEts, forecastEts } from './ets.js';
import { seasonalAdjustment } from './seasonality.js';
import { linearTrend } from './stats.js';

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000) as benchmarked in M3 and M4.
 *
 * @remarks Equivalent to SES with drift equal to half the slope of the fitted linear trend
 * (Hyndman & Billah 2003), i.e. R's `forecast::thetaf`: the forecast adds
 * b/2 · (h − 1 + (1 − (1−α)^n)/α) to SES. Multiplicative seasonality is removed first by classical
 * decomposition when the 90% autocorrelation test says the series is seasonal.
 */
export function thetaForecast(y: readonly number[], options: { horizon: number; period: number }): number[] {
  const { horizon, period } = options;
  const adjustment = seasonalAdjustment(y, period);
  const x = adjustment.adjusted;
  const n = x.length;
  const fit = fitEts(x, { trend: 'none', season: 'none', period: 1 });
  const ses = forecastEts(fit, horizon);
  const halfSlope = linearTrend(x).slope / 2;
  const alpha = Math.max(1e-10, fit.alpha);
  const offset = (1 - (1 - alpha) ** n) / alpha;
  return adjustment.reseasonalise(ses.map((v, h) => v + halfSlope * (h + offset)));
}
