import type { SparseVector } from '../tfidf-vectorizer.js';

/**
 * Appends a dense sentence vector, scaled by `weight`, after the TF-IDF features.
 *
 * @remarks Both parts are unit vectors, so `weight` sets how much the encoder's view counts
 * against the n-grams' in the linear head (3 measured best on Banking77 validation data:
 * 90.75 % against 86.67 % for n-grams alone and 89.25 % at weight 1).
 */
export function concatFeatures(tfidf: SparseVector, dense: Float32Array | undefined, offset: number, weight: number): SparseVector {
  if (dense === undefined || weight === 0) return tfidf;
  const n = tfidf.indices.length;
  const indices = new Int32Array(n + dense.length);
  const values = new Float64Array(n + dense.length);
  indices.set(tfidf.indices);
  values.set(tfidf.values);
  for (let j = 0; j < dense.length; j += 1) {
    indices[n + j] = offset + j;
    values[n + j] = (dense[j] ?? 0) * weight;
  }
  return { indices, values };
}

/** Mixes the head's and the neighbours' probabilities: `(head + w · knn) / (1 + w)`. */
export function mixProbabilities(head: Float64Array, knn: Float64Array | undefined, knnWeight: number): Float64Array {
  if (knn === undefined || knnWeight === 0) return head;
  const out = new Float64Array(head.length);
  for (let c = 0; c < head.length; c += 1) out[c] = ((head[c] ?? 0) + knnWeight * (knn[c] ?? 0)) / (1 + knnWeight);
  return out;
}
