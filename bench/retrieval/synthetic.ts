import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../core/random.js';
import { exactTopK } from './exact.js';
import { writeVecs } from './texmex.js';

/** Seeded PRNG (mulberry32) with Gaussian draws (Box–Muller), so every run writes the same set. */
class Rng {
  private spare: number | undefined;
  readonly next: () => number;
  constructor(seed: number) { this.next = createRandom(seed); }
  gaussian(): number {
    if (this.spare !== undefined) { const s = this.spare; this.spare = undefined; return s; }
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i += 1) v[i] = (v[i] ?? 0) / n;
  return v;
}

function gaussianVector(rng: Rng, dim: number, scale: number): Float32Array {
  const v = new Float32Array(dim);
  for (let i = 0; i < dim; i += 1) v[i] = rng.gaussian() * scale;
  return v;
}

interface Cluster { center: Float32Array; basis: Float32Array; spread: number }

/** Mixture parameters, documented where they are used. */
const TOPICS = 64;
const RANK = 24;
const NOISE = 0.25;

/**
 * A seeded Gaussian mixture shaped like sentence embeddings, not uniform noise:
 * - a shared mean direction (sentence encoders are anisotropic: unrelated sentences still
 *   have a cosine around 0.1–0.3);
 * - 64 topics, each with clusters (about one per 1,000 vectors) whose centres lie near the topic;
 * - cluster sizes following a Zipf-like law (a few big intents, a long tail);
 * - within a cluster, variation along 24 cluster-specific directions (paraphrase: low
 *   intrinsic dimension) plus a little isotropic noise, giving a point–centre cosine of
 *   about 0.7–0.85, like paraphrases;
 * - every vector L2-normalised.
 * Queries are drawn from the same mixture, so they are new points near existing ones.
 */
function makeClusters(rng: Rng, dim: number, count: number): { clusters: Cluster[]; cumulative: Float64Array } {
  const mean = normalise(gaussianVector(rng, dim, 1));
  const topics = Array.from({ length: TOPICS }, () => normalise(gaussianVector(rng, dim, 1)));
  const clusters: Cluster[] = [];
  const weights = new Float64Array(count);
  for (let c = 0; c < count; c += 1) {
    const topic = topics[Math.floor(rng.next() * TOPICS)] as Float32Array;
    const own = normalise(gaussianVector(rng, dim, 1));
    const center = new Float32Array(dim);
    for (let i = 0; i < dim; i += 1) center[i] = 0.45 * (mean[i] ?? 0) + (topic[i] ?? 0) + 0.8 * (own[i] ?? 0);
    clusters.push({ center: normalise(center), basis: gaussianVector(rng, RANK * dim, 1 / Math.sqrt(dim)), spread: 0.45 + 0.3 * rng.next() });
    weights[c] = 1 / (1 + c) ** 0.8;
  }
  // Shuffle the Zipf weights so cluster size does not follow creation order.
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = weights[i] ?? 0; weights[i] = weights[j] ?? 0; weights[j] = t;
  }
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let c = 0; c < count; c += 1) { sum += weights[c] ?? 0; cumulative[c] = sum; }
  for (let c = 0; c < count; c += 1) cumulative[c] = (cumulative[c] ?? 0) / sum;
  return { clusters, cumulative };
}

function pick(cumulative: Float64Array, u: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 1) < u) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function drawInto(rng: Rng, cluster: Cluster, out: Float32Array): void {
  const dim = out.length;
  out.set(cluster.center);
  for (let r = 0; r < RANK; r += 1) {
    const z = rng.gaussian() * cluster.spread * Math.sqrt(dim / RANK);
    const row = cluster.basis.subarray(r * dim, (r + 1) * dim);
    for (let i = 0; i < dim; i += 1) out[i] = (out[i] ?? 0) + z * (row[i] ?? 0);
  }
  const iso = NOISE / Math.sqrt(dim);
  for (let i = 0; i < dim; i += 1) out[i] = (out[i] ?? 0) + rng.gaussian() * iso;
  normalise(out);
}

/** Writes `base.fvecs`, `query.fvecs` and the exact top-100 `groundtruth.ivecs` to `dir`. */
export function writeSyntheticSet(options: { dir: string; count: number; queries?: number; dim?: number; seed: number; progress: (line: string) => void }): { base: string; queries: string; groundtruth: string } {
  const dim = options.dim ?? 512;
  const queryCount = options.queries ?? 1000;
  const rng = new Rng(options.seed);
  const { clusters, cumulative } = makeClusters(rng, dim, Math.max(10, Math.round(options.count / 1000)));
  const draw = (n: number, label: string): Float32Array => {
    const data = new Float32Array(n * dim);
    const step = Math.max(1, Math.floor(n / 20));
    for (let i = 0; i < n; i += 1) {
      drawInto(rng, clusters[pick(cumulative, rng.next())] as Cluster, data.subarray(i * dim, (i + 1) * dim));
      if (i % step === 0 && n >= 10_000) options.progress(`  generating ${label}: ${Math.round((100 * i) / n)}%`);
    }
    return data;
  };
  mkdirSync(options.dir, { recursive: true });
  const base = draw(options.count, 'base vectors');
  const queries = draw(queryCount, 'queries');
  const paths = { base: join(options.dir, 'base.fvecs'), queries: join(options.dir, 'query.fvecs'), groundtruth: join(options.dir, 'groundtruth.ivecs') };
  writeVecs(paths.base, { count: options.count, dim, data: base });
  writeVecs(paths.queries, { count: queryCount, dim, data: queries });
  options.progress('  exact search for the ground truth ...');
  const truth = exactTopK({ base: { count: options.count, dim, data: base }, queries: { count: queryCount, dim, data: queries }, k: 100, progress: options.progress });
  writeVecs(paths.groundtruth, { count: queryCount, dim: 100, data: truth });
  return paths;
}
