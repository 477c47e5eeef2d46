/**
 * Encoder speed: single-sentence latency (p50/p95), throughput for batches of 32 and 128,
 * load time and memory, for each USE-lite runtime (and the hashed n-gram encoder as a
 * floor), plus the cosine of each USE-lite runtime's vectors against the bundled
 * `@energetic-ai/embeddings` engine.
 *
 * Each variant runs in its own process (`encoder-speed-worker.ts`), one after the other, for
 * `--rounds` rounds interleaving the variants; a metric's best round is reported, since on a
 * shared machine the slow rounds measure the neighbours, not the encoder. The `cpu` columns are
 * this process's CPU time (user + system): every USE-lite runtime computes on one thread, so
 * CPU time is the work itself and stays comparable when other jobs compete for the cores.
 *
 * Usage: npx tsx bench/encoders/encoder-speed.ts [--rounds 2] [--quick] [--variant use-lite/tfjs-wasm ...] [--max-batch N]
 * Prints a table, then one JSON line with everything.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { cosineSimilarity } from '../../nlu/encoders/index.js';
import { REFERENCE_VARIANT, VARIANTS, workerResultSchema, type Variant, type WorkerResult } from './speed-variants.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '2' },
    quick: { type: 'boolean', default: false },
    variant: { type: 'string', multiple: true },
    'max-batch': { type: 'string' },
  },
});
const rounds = z.coerce.number().int().min(1).max(10).parse(values.rounds);
const variants: Variant[] = values.variant === undefined ? [...VARIANTS] : z.array(z.enum(VARIANTS)).parse(values.variant);

const worker = fileURLToPath(new URL('./encoder-speed-worker.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

async function runWorker(variant: Variant, round: number): Promise<WorkerResult> {
  const args = ['--import', tsx, worker, variant, String(round)];
  if (values.quick === true) args.push('--quick');
  if (values['max-batch'] !== undefined) args.push('--max-batch', values['max-batch']);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  return workerResultSchema.parse(JSON.parse(stdout.trim().split('\n').at(-1) ?? ''));
}

/** Best round per metric: lowest latency and memory, highest throughput. */
function best(results: readonly WorkerResult[]): WorkerResult {
  const pick = (key: keyof WorkerResult, lower: boolean) =>
    results.map((r) => r[key] as number).reduce((a, b) => (lower ? Math.min(a, b) : Math.max(a, b)));
  const first = results[0];
  if (first === undefined) throw new InvalidInputError('no results to summarise');
  return {
    ...first,
    loadMs: pick('loadMs', true),
    rssAfterLoadMb: pick('rssAfterLoadMb', true),
    peakRssMb: pick('peakRssMb', true),
    singleP50Ms: pick('singleP50Ms', true),
    singleP95Ms: pick('singleP95Ms', true),
    singleCpuP50Ms: pick('singleCpuP50Ms', true),
    batch32PerSecond: pick('batch32PerSecond', false),
    batch32PerCpuSecond: pick('batch32PerCpuSecond', false),
    batch128PerSecond: pick('batch128PerSecond', false),
    batch128PerCpuSecond: pick('batch128PerCpuSecond', false),
  };
}

/** Lowest cosine over the parity texts between a variant and the reference; null if not comparable. */
function minCosine(result: WorkerResult, reference: WorkerResult | undefined): number | null {
  if (reference === undefined || result.parityVectors.length === 0) return null;
  const cosines = result.parityVectors.map((vector, i) =>
    cosineSimilarity(Float32Array.from(vector), Float32Array.from(reference.parityVectors[i] ?? [])),
  );
  return Math.min(...cosines);
}

const perVariant = new Map<Variant, WorkerResult[]>(variants.map((v) => [v, []]));
const loadAverages: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const variant of variants) {
    process.stderr.write(`round ${round + 1}/${rounds}: ${variant}…\n`);
    loadAverages.push(os.loadavg()[0] ?? 0);
    perVariant.get(variant)?.push(await runWorker(variant, round));
  }
}

const summary = variants.map((variant) => best(perVariant.get(variant) ?? []));
const reference = summary.find((r) => r.variant === REFERENCE_VARIANT);
const rows = summary.map((r) => ({
  variant: r.variant,
  'load ms': r.loadMs.toFixed(0),
  'RSS MB': r.rssAfterLoadMb.toFixed(0),
  'single p50 ms': r.singleP50Ms.toFixed(1),
  'single p95 ms': r.singleP95Ms.toFixed(1),
  'single cpu-ms': r.singleCpuP50Ms.toFixed(1),
  'batch32 /s': r.batch32PerSecond.toFixed(1),
  'batch128 /s': r.batch128PerSecond.toFixed(1),
  'batch128 /cpu-s': r.batch128PerCpuSecond.toFixed(1),
  'min cos vs ref': minCosine(r, reference)?.toFixed(5) ?? 'n/a',
}));
console.table(rows);
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverageDuringRun: Math.max(...loadAverages),
};
console.log(`${machine.cpus} × ${machine.cpuModel}, ${machine.node}; 1-min load average up to ${machine.loadAverageDuringRun.toFixed(2)}; best of ${rounds} round(s)`);
console.log(
  JSON.stringify({
    benchmark: 'encoder-speed',
    machine,
    rounds,
    results: summary.map(({ parityVectors, ...rest }) => ({ ...rest, minCosineVsReference: minCosine({ ...rest, parityVectors }, reference) })),
    rawRounds: Object.fromEntries([...perVariant].map(([v, rs]) => [v, rs.map(({ parityVectors: _, ...rest }) => rest)])),
  }),
);
