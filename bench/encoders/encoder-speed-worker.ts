/**
 * Measures one encoder variant in this process and prints one JSON line (`WorkerResult`).
 * Started by `encoder-speed.ts`, one process per variant and round, because the USE-lite
 * runtimes cannot share a process and a fresh process gives honest load time and memory.
 *
 * Usage: node --import tsx bench/encoders/encoder-speed-worker.ts <variant> <round> [--quick] [--max-batch N]
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { batchOf, createVariant, PARITY_TEXTS, SENTENCES, VARIANTS, type WorkerResult } from './speed-variants.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false }, 'max-batch': { type: 'string' } },
});
const [variant, roundText] = z.tuple([z.enum(VARIANTS), z.string().regex(/^\d+$/)]).parse(positionals);
const round = Number(roundText);
const maxBatchSize = values['max-batch'] === undefined ? undefined : z.coerce.number().int().min(1).parse(values['max-batch']);
const quick = values.quick === true;
const MB = 1024 * 1024;

const started = performance.now();
const encoder = await createVariant({ variant, maxBatchSize });
await encoder.encode(['warm up']);
const loadMs = performance.now() - started;
const rssAfterLoadMb = process.memoryUsage().rss / MB;

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Single-sentence latency: runs until `budgetMs` is spent (at least `minRuns`, at most `maxRuns`). */
async function measureSingle(options: { budgetMs: number; minRuns: number; maxRuns: number }) {
  for (const text of SENTENCES.slice(0, 3)) await encoder.encode([`${text} warm`]);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const begin = performance.now();
  for (let i = 0; times.length < options.maxRuns && (times.length < options.minRuns || performance.now() - begin < options.budgetMs); i++) {
    const text = `${SENTENCES[i % SENTENCES.length] ?? ''} #${round}-${i}`;
    const cpu = process.cpuUsage();
    const t = performance.now();
    await encoder.encode([text]);
    times.push(performance.now() - t);
    cpuTimes.push(cpuMs(process.cpuUsage(cpu)));
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), cpuP50: percentile(cpuTimes, 0.5), runs: times.length };
}

/** Milliseconds of CPU (user + system) in a `process.cpuUsage` difference. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * Sentences per second of wall time and per second of CPU time for batches of `size`: medians
 * over the repetitions that fit in `budgetMs`.
 */
async function measureBatch(options: { size: number; budgetMs: number; minReps: number }) {
  await encoder.encode(batchOf(Math.min(options.size, 8), -1));
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const begin = performance.now();
  for (let rep = 0; rates.length < options.minReps || performance.now() - begin < options.budgetMs; rep++) {
    const batch = batchOf(options.size, round * 1000 + rep);
    const cpu = process.cpuUsage();
    const t = performance.now();
    await encoder.encode(batch);
    rates.push((options.size * 1000) / (performance.now() - t));
    cpuRates.push((options.size * 1000) / cpuMs(process.cpuUsage(cpu)));
    if (rates.length >= 50) break;
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  return { perSecond: percentile(rates, 0.5), perCpuSecond: percentile(cpuRates, 0.5) };
}

const scale = quick ? 0.3 : 1;
const single = await measureSingle({ budgetMs: 6000 * scale, minRuns: quick ? 10 : 25, maxRuns: 300 });
// One repetition at least: a slow runtime (tfjs-cpu: ~1 sentence/s) must not take minutes.
const batch32 = await measureBatch({ size: 32, budgetMs: 6000 * scale, minReps: 1 });
const batch128 = await measureBatch({ size: 128, budgetMs: 8000 * scale, minReps: 1 });
// Only USE-lite variants are compared with the reference (same model, same 512 dimensions).
const parity = variant.startsWith('use-lite/') ? await encoder.encode(PARITY_TEXTS) : [];
await encoder.dispose?.();

const result: WorkerResult = {
  variant,
  loadMs,
  rssAfterLoadMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  singleP50Ms: single.p50,
  singleP95Ms: single.p95,
  singleCpuP50Ms: single.cpuP50,
  singleRuns: single.runs,
  batch32PerSecond: batch32.perSecond,
  batch32PerCpuSecond: batch32.perCpuSecond,
  batch128PerSecond: batch128.perSecond,
  batch128PerCpuSecond: batch128.perCpuSecond,
  parityVectors: parity.map((v) => Array.from(v)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
