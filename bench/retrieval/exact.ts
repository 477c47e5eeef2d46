import { createRequire } from 'node:module';
import type { VectorSet } from './texmex.js';

/**
 * Exact top-k by inner product (vectors are unit length, so this is the cosine order),
 * using hnswlib's brute-force index, whose distance loop is SIMD C++.
 */
export function exactTopK(options: { base: VectorSet; queries: VectorSet; k: number; progress: (line: string) => void }): Int32Array {
  const require = createRequire(import.meta.url);
  const { BruteforceSearch } = require('hnswlib-node') as typeof import('hnswlib-node');
  const { base, queries, k } = options;
  const dim = base.dim;
  const brute = new BruteforceSearch('ip', dim);
  brute.initIndex(base.count);
  for (let i = 0; i < base.count; i += 1) brute.addPoint(Array.from(base.data.subarray(i * dim, (i + 1) * dim)), i);
  const out = new Int32Array(queries.count * k);
  const step = Math.max(1, Math.floor(queries.count / 10));
  for (let q = 0; q < queries.count; q += 1) {
    const { neighbors } = brute.searchKnn(Array.from(queries.data.subarray(q * dim, (q + 1) * dim)), k);
    out.set(neighbors.slice(0, k), q * k);
    if (q % step === 0 && base.count >= 100_000) options.progress(`  exact search: ${q}/${queries.count}`);
  }
  return out;
}
