import { performance } from 'node:perf_hooks';
import type { BenchDataset } from './datasets/index.js';
import { seededRandom, shuffle } from './datasets/index.js';
import { BenchContractError } from './errors.js';
import { intentScores, percentile, spanF1 } from './metrics.js';
import { round, toPercent, type BenchResult } from './result.js';
import type { BenchInput, BenchParse, BenchProgress, BenchSystem } from './system.js';

/** How parsing is timed. */
export interface TimingOptions {
  /** Test utterances parsed one at a time for the latency percentiles (at most half the test). @defaultValue 1000 */
  latencySamples: number;
  /** Untimed single parses of training texts (then one batch) before timing. @defaultValue 20 */
  warmup: number;
  /** Utterances per {@link BenchSystem.parseBatch} call for throughput. @defaultValue 64 */
  batchSize: number;
}

export const TIMING_DEFAULTS: Readonly<TimingOptions> = Object.freeze({ latencySamples: 1000, warmup: 20, batchSize: 64 });

interface TestItem {
  input: BenchInput;
  intent: string | null;
  tags?: string[];
}

function testItems(dataset: BenchDataset): TestItem[] {
  const inScope = dataset.test.map((e) => ({
    input: e.tokens === undefined ? { text: e.text } : { text: e.text, tokens: e.tokens },
    intent: e.intent,
    ...(e.tags === undefined ? {} : { tags: e.tags }),
  }));
  const oos = (dataset.testOos ?? []).map((text) => ({ input: { text }, intent: null }));
  return [...inScope, ...oos];
}

async function parseBatched(system: BenchSystem, inputs: readonly BenchInput[], batchSize: number) {
  const parses: BenchParse[] = [];
  const started = performance.now();
  for (let i = 0; i < inputs.length; i += batchSize) {
    const batch = inputs.slice(i, i + batchSize);
    const out = await system.parseBatch(batch);
    if (out.length !== batch.length) {
      throw new BenchContractError(`${system.name}.parseBatch returned ${out.length} results for ${batch.length} inputs`);
    }
    parses.push(...out);
  }
  return { parses, seconds: (performance.now() - started) / 1000 };
}

async function parseOneByOne(system: BenchSystem, inputs: readonly BenchInput[]) {
  const parses: BenchParse[] = [];
  const latencies: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    parses.push(await system.parse(input));
    latencies.push(performance.now() - started);
  }
  return { parses, latencies };
}

/**
 * Splits the test items (in a seeded random order) into a part parsed one at a time and a
 * part parsed in batches, so that every test utterance is parsed exactly once while timed:
 * a system that memoises texts (node-nlp caches its preprocessing per text) gains nothing.
 */
function timingPlan(count: number, options: TimingOptions): { single: number[]; batched: number[] } {
  const order = shuffle(
    Array.from({ length: count }, (_, i) => i),
    seededRandom(7),
  );
  const singleCount = Math.min(options.latencySamples, Math.floor(count / 2));
  return { single: order.slice(0, singleCount), batched: order.slice(singleCount) };
}

async function warmUp(system: BenchSystem, train: BenchDataset['train'], options: TimingOptions): Promise<void> {
  // Training texts, never test texts: a warm-up must not pre-parse what is timed later.
  const inputs = train.slice(0, Math.max(options.warmup, options.batchSize)).map((e) =>
    e.tokens === undefined ? { text: e.text } : { text: e.text, tokens: e.tokens },
  );
  for (const input of inputs.slice(0, options.warmup)) await system.parse(input);
  await system.parseBatch(inputs.slice(0, options.batchSize));
}

/** Untimed: the batch path must give the intents that single parses gave. */
async function checkBatchAgreement(
  system: BenchSystem,
  inputs: readonly BenchInput[],
  singles: readonly BenchParse[],
  say: (message: string) => void,
): Promise<void> {
  const again = await system.parseBatch(inputs);
  const mismatches = again.filter((parse, i) => parse.intent !== singles[i]?.intent).length;
  if (mismatches > 0) say(`warning: ${mismatches} of ${inputs.length} batched parses disagree with single parses on the intent`);
}

function slotScore(system: BenchSystem, items: readonly TestItem[], parses: readonly BenchParse[]): number | null {
  if (!system.tagsSlots) return null;
  const gold = items.map((item) => item.tags ?? []);
  const predicted = parses.map((parse, i) => {
    if (parse.tags === undefined) throw new BenchContractError(`${system.name} returned no tags for test item ${i}`);
    return parse.tags;
  });
  return toPercent(spanF1(predicted, gold).f1);
}

async function trainTimed(
  system: BenchSystem,
  dataset: BenchDataset,
  options: { signal: AbortSignal | undefined; onProgress: ((progress: BenchProgress) => void) | undefined },
): Promise<number> {
  const started = performance.now();
  await system.train(
    {
      language: dataset.language,
      train: dataset.train,
      valid: dataset.valid,
      ...(dataset.oosTrain === undefined ? {} : { oosTrain: dataset.oosTrain }),
      ...(dataset.oosValid === undefined ? {} : { oosValid: dataset.oosValid }),
    },
    {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    },
  );
  return (performance.now() - started) / 1000;
}

/** Parses every test item once: a sample one at a time (timed each), the rest in batches. */
async function parseTimed(system: BenchSystem, items: readonly TestItem[], timing: TimingOptions) {
  const plan = timingPlan(items.length, timing);
  const pick = (indices: number[]) => indices.map((i) => (items[i] as TestItem).input);
  const single = await parseOneByOne(system, pick(plan.single));
  const batched = await parseBatched(system, pick(plan.batched), timing.batchSize);
  const parses = new Array<BenchParse>(items.length);
  plan.single.forEach((item, k) => (parses[item] = single.parses[k] as BenchParse));
  plan.batched.forEach((item, k) => (parses[item] = batched.parses[k] as BenchParse));
  return {
    parses,
    latencies: single.latencies,
    throughput: plan.batched.length / Math.max(batched.seconds, 1e-9),
    agreementSample: { inputs: pick(plan.single.slice(0, timing.batchSize)), parses: single.parses },
  };
}

/**
 * Trains a system on a dataset's training side and measures it on the test side.
 *
 * @remarks After a warm-up on training texts, a seeded sample of test utterances (at most
 * `latencySamples`, at most half of them) is parsed one at a time for the latency
 * percentiles and the rest in batches for throughput; each test utterance is parsed once
 * while timed, and the metrics use all of them. Afterwards (untimed) a batch of the sample
 * is parsed again to check that batching does not change intents.
 */
export async function measureSystem(options: {
  system: BenchSystem;
  dataset: BenchDataset;
  timing?: Partial<TimingOptions>;
  signal?: AbortSignal;
  onProgress?: (progress: BenchProgress) => void;
}): Promise<BenchResult> {
  const { system, dataset } = options;
  const timing = { ...TIMING_DEFAULTS, ...options.timing };
  const say = (message: string) => options.onProgress?.({ message });
  const trainSeconds = await trainTimed(system, dataset, { signal: options.signal, onProgress: options.onProgress });
  const items = testItems(dataset);
  say(`trained in ${trainSeconds.toFixed(1)} s; parsing ${items.length} test utterances`);
  options.signal?.throwIfAborted();
  await warmUp(system, dataset.train, timing);
  const run = await parseTimed(system, items, timing);
  await checkBatchAgreement(system, run.agreementSample.inputs, run.agreementSample.parses, say);
  const scores = intentScores(
    run.parses.map((p) => p.intent),
    items.map((item) => item.intent),
  );
  const slotF1 = dataset.hasSlots ? slotScore(system, items, run.parses) : undefined;
  return {
    dataset: dataset.name,
    system: system.name,
    intent_accuracy: toPercent(scores.accuracy),
    ...(dataset.hasOos ? { in_scope_accuracy: toPercent(scores.inScopeAccuracy), oos_recall: toPercent(scores.oosRecall ?? 0) } : {}),
    ...(slotF1 === undefined ? {} : { slot_f1: slotF1 }),
    train_seconds: round(trainSeconds, 2),
    parse_p50_ms: round(percentile(run.latencies, 50), 3),
    parse_p95_ms: round(percentile(run.latencies, 95), 3),
    utterances_per_s: round(run.throughput, 1),
    rss_mb: round(process.memoryUsage().rss / (1024 * 1024), 1),
    split: dataset.testSplit,
    test_utterances: items.length,
  };
}
