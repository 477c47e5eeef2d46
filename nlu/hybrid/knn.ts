/** Settings of {@link KnnScorer}. */
export interface KnnOptions {
  /** Neighbours that vote. @defaultValue 10 */
  neighbours: number;
  /**
   * Softmax temperature over the neighbours' cosine similarities: small values let the
   * nearest neighbour dominate. @defaultValue 0.05
   */
  temperature: number;
}

/** Defaults of {@link KnnOptions}, declared once. */
export const KNN_DEFAULTS: Readonly<KnnOptions> = Object.freeze({ neighbours: 10, temperature: 0.05 });

/**
 * Nearest-neighbour intent votes over unit sentence vectors.
 *
 * @remarks Complements the linear head: a phrasing close to one training example is
 * recognised even when the head has averaged it away. Vectors are stored contiguously
 * (row `i` at `i * dimension`) so a model folder can persist them as one binary block.
 * A brute-force scan is fast enough for the tens of thousands of examples a shop trains on.
 */
export class KnnScorer {
  constructor(
    readonly vectors: Float32Array,
    readonly labels: Int32Array,
    readonly dimension: number,
    readonly classCount: number,
    readonly options: KnnOptions = KNN_DEFAULTS,
  ) {}

  /** Class probabilities for one unit query vector, and the best cosine similarity. */
  score(query: Float32Array): { probabilities: Float64Array; nearest: number } {
    const count = this.labels.length;
    const k = Math.min(this.options.neighbours, count);
    const top = topK(this.similarities(query), k);
    const probabilities = new Float64Array(this.classCount);
    const nearest = top[0]?.similarity ?? 0;
    let total = 0;
    for (const { index, similarity } of top) {
      const weight = Math.exp((similarity - nearest) / this.options.temperature);
      const label = this.labels[index] ?? 0;
      probabilities[label] = (probabilities[label] ?? 0) + weight;
      total += weight;
    }
    if (total > 0) for (let c = 0; c < probabilities.length; c += 1) probabilities[c] = (probabilities[c] ?? 0) / total;
    return { probabilities, nearest };
  }

  private similarities(query: Float32Array): Float64Array {
    const d = this.dimension;
    const sims = new Float64Array(this.labels.length);
    // Hot loop over contiguous rows; indices are in range by construction.
    for (let i = 0; i < sims.length; i += 1) {
      let s = 0;
      const offset = i * d;
      for (let j = 0; j < d; j += 1) s += this.vectors[offset + j]! * query[j]!;
      sims[i] = s;
    }
    return sims;
  }
}

/** The k largest similarities, best first (ties keep the earlier example). */
function topK(similarities: Float64Array, k: number): Array<{ index: number; similarity: number }> {
  const best: Array<{ index: number; similarity: number }> = [];
  for (let i = 0; i < similarities.length; i += 1) {
    const similarity = similarities[i] ?? -Infinity;
    if (best.length === k && similarity <= (best[k - 1]?.similarity ?? -Infinity)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.similarity ?? -Infinity) < similarity) at -= 1;
    best.splice(at, 0, { index: i, similarity });
    if (best.length > k) best.pop();
  }
  return best;
}
