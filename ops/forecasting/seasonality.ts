import { autocorrelation } from './stats.js';

/**
 * The 90% autocorrelation seasonality test used by the M4 benchmarks (and R's `thetaf`).
 *
 * @remarks Seasonal when |r_m| exceeds 1.645·√((1 + 2·Σ_{k<m} r_k²)/n). Needs at least three
 * full cycles, as in M4; shorter series are treated as non-seasonal.
 */
export function isSeasonal(y: readonly number[], period: number): boolean {
  if (period <= 1 || y.length < 3 * period) return false;
  let sum = 0;
  for (let k = 1; k < period; k += 1) sum += autocorrelation(y, k) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * sum) / y.length);
  return Math.abs(autocorrelation(y, period)) > limit;
}

/** Centred moving average of order `period` (2×m for even m); NaN where it is undefined. */
function centredMovingAverage(y: readonly number[], period: number): number[] {
  const out = new Array<number>(y.length).fill(Number.NaN);
  const half = Math.floor(period / 2);
  const even = period % 2 === 0;
  for (let t = half; t < y.length - half; t += 1) {
    let sum = 0;
    if (even) {
      sum += 0.5 * ((y[t - half] as number) + (y[t + half] as number));
      for (let k = t - half + 1; k < t + half; k += 1) sum += y[k] as number;
    } else {
      for (let k = t - half; k <= t + half; k += 1) sum += y[k] as number;
    }
    out[t] = sum / period;
  }
  return out;
}

/**
 * Classical multiplicative decomposition's seasonal indices (as statsmodels' `seasonal_decompose`).
 *
 * @returns `period` indices averaging 1; index `i` belongs to every time t with t mod period = i.
 */
export function multiplicativeIndices(y: readonly number[], period: number): number[] {
  const trend = centredMovingAverage(y, period);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  trend.forEach((level, t) => {
    if (Number.isNaN(level) || level === 0) return;
    sums[t % period] = (sums[t % period] as number) + (y[t] as number) / level;
    counts[t % period] = (counts[t % period] as number) + 1;
  });
  const raw = sums.map((s, i) => ((counts[i] as number) > 0 ? s / (counts[i] as number) : 1));
  const avg = raw.reduce((a, b) => a + b, 0) / period;
  return raw.map((r) => (avg > 0 && r > 0 ? r / avg : 1));
}

/** A series with its multiplicative seasonality taken out, and the way to put it back. */
export interface SeasonalAdjustment {
  adjusted: number[];
  /** Empty when no seasonality was removed. */
  indices: number[];
  reseasonalise(forecast: readonly number[]): number[];
}

/**
 * Removes multiplicative seasonality when the 90% test finds it (M4's "seasonally adjusted" step).
 *
 * @remarks Needs strictly positive data; otherwise (as for intermittent demand) nothing is removed.
 */
export function seasonalAdjustment(y: readonly number[], period: number): SeasonalAdjustment {
  const positive = y.every((v) => v > 0);
  if (!positive || !isSeasonal(y, period)) {
    return { adjusted: [...y], indices: [], reseasonalise: (f) => [...f] };
  }
  const indices = multiplicativeIndices(y, period);
  const n = y.length;
  return {
    adjusted: y.map((v, t) => v / (indices[t % period] as number)),
    indices,
    reseasonalise: (f) => f.map((v, h) => v * (indices[(n + h) % period] as number)),
  };
}
