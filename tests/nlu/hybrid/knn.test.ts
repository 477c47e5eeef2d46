import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/random.js';
import { KnnScorer } from '../../../nlu/hybrid/knn.js';

function unitVectors(count: number, dimension: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const out = new Float32Array(count * dimension);
  for (let i = 0; i < count; i += 1) {
    let norm = 0;
    for (let j = 0; j < dimension; j += 1) {
      const x = random() - 0.5;
      out[i * dimension + j] = x;
      norm += x * x;
    }
    for (let j = 0; j < dimension; j += 1) out[i * dimension + j] = (out[i * dimension + j] ?? 0) / Math.sqrt(norm);
  }
  return out;
}

describe('KnnScorer', () => {
  it('votes for the class of the nearest examples and reports the best similarity', () => {
    const dimension = 32;
    const vectors = unitVectors(600, dimension, 1);
    const labels = Int32Array.from({ length: 600 }, (_, i) => i % 3);
    const scorer = new KnnScorer(vectors, labels, dimension, 3, { neighbours: 5, temperature: 0.01 });
    for (const i of [0, 7, 123, 599]) {
      const query = vectors.slice(i * dimension, (i + 1) * dimension);
      const { probabilities, nearest } = scorer.score(query);
      // The example itself is its own nearest neighbour (similarity 1) and dominates at a low temperature.
      expect(nearest).toBeCloseTo(1, 5);
      expect(probabilities.indexOf(Math.max(...probabilities))).toBe(i % 3);
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });

  it('finds the same neighbours as an exact scan', () => {
    const dimension = 64;
    const count = 2000;
    const vectors = unitVectors(count, dimension, 2);
    const labels = Int32Array.from({ length: count }, (_, i) => i);
    const scorer = new KnnScorer(vectors, labels, dimension, count, { neighbours: 1, temperature: 0.05 });
    const queries = unitVectors(50, dimension, 3);
    let agree = 0;
    for (let q = 0; q < 50; q += 1) {
      const query = queries.slice(q * dimension, (q + 1) * dimension);
      let best = -1;
      let bestSim = -Infinity;
      for (let i = 0; i < count; i += 1) {
        let s = 0;
        for (let j = 0; j < dimension; j += 1) s += (vectors[i * dimension + j] ?? 0) * (query[j] ?? 0);
        if (s > bestSim) [best, bestSim] = [i, s];
      }
      if (scorer.score(query).probabilities[best] === 1) agree += 1;
    }
    expect(agree).toBeGreaterThanOrEqual(48);
  });
});
