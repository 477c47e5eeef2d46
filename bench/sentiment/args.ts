import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../core/errors.js';
import type { HybridOptions } from '../../nlu/index.js';
import { isSentimentDatasetName, SENTIMENT_DATASETS, type SentimentDatasetName } from '../../monitor/index.js';

export const USAGE = `Usage:
  npm run bench:sentiment -- --dataset <sst2|cr|chnsenticorp|online-shopping> --train <path> [--test <path>]
                             [--encoder use-lite|hashed|none] [--max-train N] [--validate]
                             [--segmentation jieba|none] [--embedding-weight W] [--knn-weight W]

  --test         labelled test file in the set's format; without it a stratified 15 % of --train
                 (seed 42) is held out as the test
  --encoder      sentence encoder next to the TF-IDF n-grams (default: use-lite for English, none
                 for Chinese; USE-lite reads English only)
  --max-train N  train on a stratified sample of N training examples (seed 42)
  --validate     for tuning: hold a stratified 10 % of the training part out as validation and
                 report on it; the test is not read or scored
  --segmentation Chinese words from jieba (default for Chinese) or runs of letters
  --embedding-weight, --knn-weight, --epochs, --learning-rate, --l2, --char-ngrams MIN-MAX
                 overrides of the sentiment model's classifier settings (defaults: SENTIMENT_DEFAULTS)
  --cache-dir    keep encoder vectors in this folder between runs (tuning only)`;

export type EncoderChoice = 'use-lite' | 'hashed' | 'none';

/** The parsed command line. */
export interface SentimentBenchArgs {
  dataset: SentimentDatasetName;
  train: string;
  test?: string;
  encoder: EncoderChoice;
  maxTrain?: number;
  validate: boolean;
  segmentation?: 'jieba' | 'none';
  cacheDir?: string;
  /** Overrides of the hybrid classifier's settings. */
  classifier: Partial<HybridOptions>;
}

function positive(value: string | undefined, name: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && (!Number.isInteger(n) || n === 0))) throw new InvalidInputError(`--${name} must be a ${integer ? 'positive integer' : 'non-negative number'}`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidInputError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** @throws {@link InvalidInputError} with what is wrong; the caller prints {@link USAGE}. */
export function parseSentimentBenchArgs(argv: readonly string[]): SentimentBenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: 'string' }, train: { type: 'string' }, test: { type: 'string' }, encoder: { type: 'string' },
      'max-train': { type: 'string' }, validate: { type: 'boolean', default: false }, segmentation: { type: 'string' },
      'embedding-weight': { type: 'string' }, 'knn-weight': { type: 'string' }, epochs: { type: 'string' },
      'learning-rate': { type: 'string' }, l2: { type: 'string' }, 'char-ngrams': { type: 'string' }, 'cache-dir': { type: 'string' },
    },
    strict: true,
  });
  const dataset = values.dataset;
  if (dataset === undefined || !isSentimentDatasetName(dataset)) throw new InvalidInputError(`--dataset must be one of ${Object.keys(SENTIMENT_DATASETS).join(', ')}`);
  if (values.train === undefined) throw new InvalidInputError('--train <path> is required');
  const language = SENTIMENT_DATASETS[dataset].language;
  const encoder = oneOf(values.encoder, 'encoder', ['use-lite', 'hashed', 'none'] as const) ?? (language === 'en' ? 'use-lite' : 'none');
  if (encoder === 'use-lite' && language !== 'en') throw new InvalidInputError('--encoder use-lite reads English only');
  const args: SentimentBenchArgs = { dataset, train: values.train, encoder, validate: values.validate, classifier: classifierOverrides(values) };
  if (values.test !== undefined) args.test = values.test;
  if (values['cache-dir'] !== undefined) args.cacheDir = values['cache-dir'];
  const maxTrain = positive(values['max-train'], 'max-train', true);
  if (maxTrain !== undefined) args.maxTrain = maxTrain;
  const segmentation = oneOf(values.segmentation, 'segmentation', ['jieba', 'none'] as const);
  if (segmentation !== undefined) args.segmentation = segmentation;
  return args;
}

function classifierOverrides(values: Record<string, string | boolean | undefined>): Partial<HybridOptions> {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const out: Partial<HybridOptions> = {};
  const set = <K extends keyof HybridOptions>(key: K, value: HybridOptions[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('embeddingWeight', positive(text('embedding-weight'), 'embedding-weight', false));
  set('knnWeight', positive(text('knn-weight'), 'knn-weight', false));
  set('epochs', positive(text('epochs'), 'epochs', true));
  set('learningRate', positive(text('learning-rate'), 'learning-rate', false));
  set('l2', positive(text('l2'), 'l2', false));
  const grams = text('char-ngrams');
  if (grams !== undefined) {
    const match = /^(\d)-(\d)$/.exec(grams);
    if (match === null || Number(match[1]) < 1 || Number(match[1]) > Number(match[2])) throw new InvalidInputError('--char-ngrams must be MIN-MAX, e.g. 2-5');
    set('charNgramMin', Number(match[1]));
    set('charNgramMax', Number(match[2]));
  }
  return out;
}
