/** Small descriptive statistics shared by the forecasting methods. */

export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median; 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Empirical quantile with linear interpolation (type 7, as R's default). */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const frac = pos - lo;
  return (sorted[lo] as number) * (1 - frac) + (sorted[hi] as number) * frac;
}

/** Least-squares line through (t, y) for t = 0 … n−1. */
export function linearTrend(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  if (n < 2) return { intercept: y[0] ?? 0, slope: 0 };
  const tMean = (n - 1) / 2;
  const yMean = mean(y);
  let num = 0;
  let den = 0;
  for (let t = 0; t < n; t += 1) {
    num += (t - tMean) * ((y[t] as number) - yMean);
    den += (t - tMean) ** 2;
  }
  const slope = num / den;
  return { intercept: yMean - slope * tMean, slope };
}

/** Sample autocorrelation at `lag` (biased estimator, as R's `acf`). */
export function autocorrelation(y: readonly number[], lag: number): number {
  const m = mean(y);
  let num = 0;
  let den = 0;
  for (let t = 0; t < y.length; t += 1) {
    const d = (y[t] as number) - m;
    den += d * d;
    if (t + lag < y.length) num += d * ((y[t + lag] as number) - m);
  }
  return den === 0 ? 0 : num / den;
}

/** Mean absolute difference between values `lag` apart (the MASE scale); 0 when too short. */
export function meanAbsoluteLagDifference(y: readonly number[], lag: number): number {
  if (y.length <= lag) return 0;
  let sum = 0;
  for (let t = lag; t < y.length; t += 1) sum += Math.abs((y[t] as number) - (y[t - lag] as number));
  return sum / (y.length - lag);
}

/** Standard deviation of first differences; a scale for random-walk style fallbacks. */
export function differenceStd(y: readonly number[]): number {
  if (y.length < 2) return 0;
  const diffs: number[] = [];
  for (let t = 1; t < y.length; t += 1) diffs.push((y[t] as number) - (y[t - 1] as number));
  const m = mean(diffs);
  let ss = 0;
  for (const d of diffs) ss += (d - m) ** 2;
  return Math.sqrt(ss / Math.max(1, diffs.length - 1));
}
