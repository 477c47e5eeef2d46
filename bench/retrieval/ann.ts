import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HNSW_DEFAULTS, HNSW_FILES, HnswVectorIndex, type HnswSpace } from '../../retrieval/index.js';
import { exactTopK } from './exact.js';
import { percentile, round } from './metrics.js';
import { writeSyntheticSet } from './synthetic.js';
import { readVecs, writeVecs, type VectorSet } from './texmex.js';

type Log = (line: string) => void;

/** Options of {@link runAnn}, from the command line. */
export interface AnnOptions {
  base?: string;
  queries?: string;
  groundtruth?: string;
  out?: string;
  synthetic?: number;
  dataDir: string;
  ef: number[];
  M?: number;
  efConstruction?: number;
  seed: number;
  log: Log;
  progress: Log;
}

function row(set: VectorSet, i: number): Float32Array {
  return set.data.subarray(i * set.dim, (i + 1) * set.dim) as Float32Array;
}

/** Unit vectors (as sentence encoders give) use the cosine space the knowledge base ships; others (SIFT) L2. */
function spaceOf(set: VectorSet): HnswSpace {
  for (let i = 0; i < Math.min(set.count, 100); i += 1) {
    let n = 0;
    for (const x of row(set, i)) n += x * x;
    if (Math.abs(n - 1) > 1e-3) return 'l2';
  }
  return 'cosine';
}

function build(options: { base: VectorSet; space: HnswSpace; M: number; efConstruction: number; progress: Log }): { index: HnswVectorIndex; seconds: number } {
  const { base } = options;
  const index = HnswVectorIndex.create({ dimension: base.dim, space: options.space, params: { M: options.M, efConstruction: options.efConstruction, efSearch: HNSW_DEFAULTS.efSearch }, initialCapacity: base.count });
  const started = performance.now();
  const batch = 10_000;
  for (let first = 0; first < base.count; first += batch) {
    const items = [];
    for (let i = first; i < Math.min(base.count, first + batch); i += 1) items.push({ id: String(i), vector: row(base, i) });
    index.upsertSync(items);
    const done = Math.min(base.count, first + batch);
    const elapsed = (performance.now() - started) / 1000;
    const eta = (elapsed / done) * (base.count - done);
    options.progress(`  built ${done}/${base.count} (${Math.round((100 * done) / base.count)}%), ${Math.round(done / elapsed)} vectors/s, ETA ${Math.round(eta)} s`);
  }
  return { index, seconds: (performance.now() - started) / 1000 };
}

async function sweep(options: { index: HnswVectorIndex; queries: VectorSet; truth: Int32Array; truthK: number; ef: number }): Promise<{ recall: number; p50: number; p95: number; ids: Int32Array }> {
  const { index, queries, truth, truthK, ef } = options;
  const times: number[] = [];
  const ids = new Int32Array(queries.count * 10).fill(-1);
  let found = 0;
  for (let q = 0; q < queries.count; q += 1) {
    const started = performance.now();
    const hits = await index.search(row(queries, q), { k: 10, efSearch: ef });
    times.push(performance.now() - started);
    const expected = new Set(truth.subarray(q * truthK, q * truthK + 10));
    hits.forEach((hit, i) => {
      const id = Number(hit.id);
      ids[q * 10 + i] = id;
      if (expected.has(id)) found += 1;
    });
  }
  return { recall: found / (queries.count * 10), p50: percentile(times, 50), p95: percentile(times, 95), ids };
}

/** hnswlib-node called directly on the saved file, without the wrapper: what the wrapper adds is the difference. */
async function rawSearchTimes(options: { file: string; space: HnswSpace; queries: VectorSet; ef: number }): Promise<{ p50: number; p95: number }> {
  const require = createRequire(import.meta.url);
  const { HierarchicalNSW } = require('hnswlib-node') as typeof import('hnswlib-node');
  const raw = new HierarchicalNSW(options.space, options.queries.dim);
  await raw.readIndex(options.file, true);
  raw.setEf(options.ef);
  const arrays = Array.from({ length: options.queries.count }, (_, q) => Array.from(row(options.queries, q)));
  const times = arrays.map((query) => {
    const started = performance.now();
    raw.searchKnn(query, 10);
    return performance.now() - started;
  });
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * The vector-index benchmark: build an HNSW index over `--base`, save and reload it, then run
 * the queries one at a time for several efSearch values and report recall@10 and latency.
 */
export async function runAnn(options: AnnOptions): Promise<Record<string, unknown>> {
  const { log, progress } = options;
  let paths = { base: options.base ?? '', queries: options.queries ?? '', groundtruth: options.groundtruth };
  if (options.synthetic !== undefined) {
    progress(`writing a synthetic set of ${options.synthetic} vectors to ${options.dataDir} ...`);
    paths = writeSyntheticSet({ dir: options.dataDir, count: options.synthetic, seed: options.seed, progress });
  }
  const base = readVecs(paths.base, 'f');
  const queries = readVecs(paths.queries, 'f');
  const space = spaceOf(base);
  const M = options.M ?? HNSW_DEFAULTS.M;
  const efConstruction = options.efConstruction ?? HNSW_DEFAULTS.efConstruction;
  progress(`${base.count} × ${base.dim} base vectors, ${queries.count} queries, space ${space}, M ${M}, efConstruction ${efConstruction}`);
  let truthK = 10;
  let truth: Int32Array;
  if (paths.groundtruth !== undefined) {
    const gt = readVecs(paths.groundtruth, 'i');
    truth = gt.data as Int32Array;
    truthK = gt.dim;
  } else {
    progress('no ground truth given: computing it by exact search ...');
    truth = exactTopK({ base, queries, k: 10, progress });
  }
  const built = build({ base, space, M, efConstruction, progress });
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const dir = mkdtempSync(join(tmpdir(), 'bench-ann-'));
  await built.index.saveTo(dir);
  const indexMb = statSync(join(dir, HNSW_FILES.index)).size / 2 ** 20;
  const loadStarted = performance.now();
  const index = await HnswVectorIndex.load(dir);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const efs = [...new Set([...options.ef, HNSW_DEFAULTS.efSearch])].sort((a, b) => a - b);
  log(`build ${built.seconds.toFixed(1)} s, RSS ${rssMb.toFixed(0)} MB, index file ${indexMb.toFixed(0)} MB, load ${loadSeconds.toFixed(2)} s`);
  log('efSearch  recall@10   p50 ms   p95 ms');
  let shipped: { recall: number; p50: number; p95: number; ids: Int32Array } | undefined;
  for (const ef of efs) {
    const result = await sweep({ index, queries, truth, truthK, ef });
    if (ef === HNSW_DEFAULTS.efSearch) shipped = result;
    log(`${String(ef).padStart(8)}  ${result.recall.toFixed(4).padStart(9)}  ${result.p50.toFixed(3).padStart(7)}  ${result.p95.toFixed(3).padStart(7)}${ef === HNSW_DEFAULTS.efSearch ? '   (shipped)' : ''}`);
  }
  const raw = await rawSearchTimes({ file: join(dir, HNSW_FILES.index), space, queries, ef: HNSW_DEFAULTS.efSearch });
  log(`hnswlib-node without the wrapper at efSearch ${HNSW_DEFAULTS.efSearch}: p50 ${raw.p50.toFixed(3)} ms, p95 ${raw.p95.toFixed(3)} ms`);
  if (options.out !== undefined && shipped !== undefined) writeVecs(options.out, { count: queries.count, dim: 10, data: shipped.ids });
  rmSync(dir, { recursive: true, force: true });
  return {
    vectors: base.count, dim: base.dim, build_seconds: round(built.seconds, 1), rss_mb: Math.round(rssMb), index_mb: Math.round(indexMb),
    load_seconds: round(loadSeconds, 2), M, ef_construction: efConstruction, ef_search: HNSW_DEFAULTS.efSearch,
    recall_at_10: round(shipped?.recall ?? Number.NaN, 4), p50_ms: round(shipped?.p50 ?? Number.NaN, 3), p95_ms: round(shipped?.p95 ?? Number.NaN, 3),
    raw_p50_ms: round(raw.p50, 3),
  };
}
