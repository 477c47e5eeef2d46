/**
 * Temperature scaling of probability vectors: `p_i^(1/T)` renormalised, which is softmax
 * temperature scaling applied to log-probabilities.
 *
 * @remarks T > 1 softens over-confident outputs. One scalar cannot change which intent
 * ranks first, so accuracy is untouched; only the confidences the dialogue thresholds on move.
 */
export function applyTemperature(probabilities: Float64Array, temperature: number): Float64Array {
  if (temperature === 1) return probabilities;
  const out = new Float64Array(probabilities.length);
  let max = -Infinity;
  for (const p of probabilities) max = Math.max(max, Math.log(Math.max(p, 1e-300)));
  let total = 0;
  for (let i = 0; i < probabilities.length; i += 1) {
    const value = Math.exp((Math.log(Math.max(probabilities[i] ?? 0, 1e-300)) - max) / temperature);
    out[i] = value;
    total += value;
  }
  for (let i = 0; i < out.length; i += 1) out[i] = (out[i] ?? 0) / total;
  return out;
}

/**
 * The temperature in [0.05, 20] that minimises the validation log-loss (golden-section
 * search on log T; the loss is unimodal in T for a fixed set of predictions).
 * Returns 1 for an empty validation set.
 */
export function fitTemperature(predictions: ReadonlyArray<{ probabilities: Float64Array; label: number }>): number {
  if (predictions.length === 0) return 1;
  const loss = (logT: number) => {
    const t = Math.exp(logT);
    let total = 0;
    for (const { probabilities, label } of predictions) total -= Math.log(Math.max(applyTemperature(probabilities, t)[label] ?? 0, 1e-12));
    return total / predictions.length;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [Math.log(0.05), Math.log(20)];
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let [fa, fb] = [loss(a), loss(b)];
  for (let i = 0; i < 40; i += 1) {
    if (fa < fb) {
      hi = b; b = a; fb = fa; a = hi - ratio * (hi - lo); fa = loss(a);
    } else {
      lo = a; a = b; fa = fb; b = lo + ratio * (hi - lo); fb = loss(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
