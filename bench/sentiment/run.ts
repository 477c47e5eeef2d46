import { performance } from 'node:perf_hooks';
import type { Encoder } from '../../core/encoder.js';
import { loadSentimentDataset, SentimentModel, type SentimentExample } from '../../monitor/index.js';
import { createHashedNgramEncoder, createUseLiteEncoder } from '../../nlu/index.js';
import { stratifiedSplit } from '../../nlu/index.js';
import type { SentimentBenchArgs } from './args.js';
import { withDiskCache, type DiskCachedEncoder } from './vector-cache.js';
import { classificationScores, median, type ClassificationScores } from './metrics.js';

/** Share of --train held out as the test when no --test file is given. */
export const HELD_OUT_TEST_FRACTION = 0.15;
/** Share of the training part held out with --validate. */
export const VALIDATION_FRACTION = 0.1;
const SEED = 42;
const CLASSES = ['negative', 'positive'];

/** What one benchmark run measured. */
export interface SentimentBenchResult {
  dataset: string;
  /** Where the evaluated examples came from. */
  evaluatedOn: string;
  encoder: string;
  scores: ClassificationScores;
  /** Median time to score one message on its own, in milliseconds. */
  p50Ms: number;
  train: number;
  test: number;
  trainSeconds: number;
  seconds: number;
  validationAccuracy: number | null;
  /** Share labelled neutral at the model's default neutral band, and accuracy on the rest. */
  band: { width: number; neutralShare: number; accuracyOutside: number };
}

const byLabel = (e: SentimentExample) => e.label;

/** Loads, splits, trains, scores one message at a time; progress goes to `say`. */
export async function runSentimentBench(args: SentimentBenchArgs, say: (line: string) => void): Promise<SentimentBenchResult> {
  const started = performance.now();
  const data = await loadSentimentDataset(args.dataset, args.train);
  say(`loaded ${data.examples.length} examples from ${args.train}` + (data.skipped.length === 0 ? '' : `; skipped ${data.skipped.length} rows without text (lines ${data.skipped.map((s) => s.line).join(', ')})`));
  let trainSet = data.examples;
  let testSet: SentimentExample[];
  let evaluatedOn: string;
  if (args.test !== undefined && !args.validate) {
    testSet = (await loadSentimentDataset(args.dataset, args.test)).examples;
    evaluatedOn = args.test;
  } else {
    const split = stratifiedSplit(trainSet, byLabel, { fraction: HELD_OUT_TEST_FRACTION, seed: SEED });
    trainSet = args.test === undefined ? split.kept : trainSet;
    testSet = split.heldOut;
    evaluatedOn = `stratified ${HELD_OUT_TEST_FRACTION * 100} % of --train held out (seed ${SEED})`;
  }
  if (args.validate) {
    const split = stratifiedSplit(trainSet, byLabel, { fraction: VALIDATION_FRACTION, seed: SEED + 1 });
    trainSet = split.kept;
    testSet = split.heldOut;
    evaluatedOn = `VALIDATION: stratified ${VALIDATION_FRACTION * 100} % of the training part (seed ${SEED + 1}); test not scored`;
  }
  if (args.maxTrain !== undefined && args.maxTrain < trainSet.length) {
    trainSet = stratifiedSplit(trainSet, byLabel, { fraction: args.maxTrain / trainSet.length, seed: SEED }).heldOut;
    say(`sampled ${trainSet.length} training examples (--max-train ${args.maxTrain})`);
  }
  const encoder = await createEncoder(args);
  const model = new SentimentModel(data.language, {
    ...(args.segmentation === undefined ? {} : { segmentation: args.segmentation }),
    classifier: args.classifier,
  }, encoder);
  say(`training on ${trainSet.length} examples (encoder ${encoder?.id ?? 'none'}, segmentation ${model.options.segmentation})`);
  const trainStart = performance.now();
  await model.train(trainSet, { onProgress: ({ message }) => say(message) });
  await (encoder as Partial<DiskCachedEncoder> | undefined)?.save?.();
  const trainSeconds = (performance.now() - trainStart) / 1000;
  say(`trained in ${trainSeconds.toFixed(1)} s; scoring ${testSet.length} messages one at a time`);
  const { predicted, times, scores } = await scoreOneByOne(model, testSet, say);
  await (encoder as Partial<DiskCachedEncoder> | undefined)?.save?.();
  await encoder?.dispose?.();
  const gold = testSet.map(byLabel);
  const band = model.options.neutralBand;
  const outside = scores.flatMap((s, i) => (Math.abs(s) >= band ? [i] : []));
  return {
    dataset: args.dataset,
    evaluatedOn,
    encoder: encoder?.id ?? 'none',
    scores: classificationScores({ gold, predicted, classes: CLASSES }),
    p50Ms: median(times),
    train: trainSet.length,
    test: testSet.length,
    trainSeconds,
    seconds: (performance.now() - started) / 1000,
    validationAccuracy: model.trainingReport.validationAccuracy,
    band: {
      width: band,
      neutralShare: 1 - outside.length / Math.max(1, scores.length),
      accuracyOutside: outside.length === 0 ? 0 : outside.filter((i) => predicted[i] === gold[i]).length / outside.length,
    },
  };
}

async function createEncoder(args: SentimentBenchArgs): Promise<Encoder | undefined> {
  const inner = await createInnerEncoder(args);
  return inner === undefined || args.cacheDir === undefined ? inner : withDiskCache(inner, args.cacheDir);
}

async function createInnerEncoder(args: SentimentBenchArgs): Promise<Encoder | undefined> {
  if (args.encoder === 'use-lite') return createUseLiteEncoder();
  // Small enough that the dense vectors of every training text fit in memory.
  if (args.encoder === 'hashed') return createHashedNgramEncoder({ dimension: 2 ** 12 });
  return undefined;
}

/** Scores each message in its own call (the latency a live message sees); the label ignores the neutral band. */
async function scoreOneByOne(model: SentimentModel, testSet: readonly SentimentExample[], say: (line: string) => void): Promise<{ predicted: string[]; times: number[]; scores: number[] }> {
  const predicted: string[] = [];
  const times: number[] = [];
  const scores: number[] = [];
  for (const [i, example] of testSet.entries()) {
    const start = performance.now();
    const [result] = await model.score([example.text], { neutralBand: 0 });
    times.push(performance.now() - start);
    scores.push(result?.score ?? 0);
    predicted.push(result?.label ?? 'neutral');
    if ((i + 1) % 1000 === 0) say(`scored ${i + 1}/${testSet.length}`);
  }
  return { predicted, times, scores };
}
