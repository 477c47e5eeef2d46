/**
 * `npm run sentiment -- <command>`: train and try sentiment models from the command line.
 *
 *   train --dataset <sst2|cr|chnsenticorp|online-shopping|demo> [--train <path>] --out <dir> [--encoder use-lite|hashed|none] [--language en|zh]
 *   score --model <dir> <text...>
 *
 * `train` writes `<out>/<language>/` (`sentiment.json` and `manifest.json`), the layout the server
 * loads from `SENTIMENT_MODEL_DIR`; other languages already in `<out>` are kept, so one folder can
 * hold an English model from SST-2 and a Chinese one from ChnSentiCorp. Progress goes to stderr,
 * results to stdout. Exit codes: 0 done, 1 failed (bad data, missing model), 2 bad command line.
 *
 * @example
 * ```sh
 * npm run sentiment -- train --dataset sst2 --train shared/data/sst2/stsa.binary.train --out data/sentiment-model
 * npm run sentiment -- train --dataset demo --out data/sentiment-model --encoder none
 * npm run sentiment -- score --model data/sentiment-model the parcel arrived broken
 * ```
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliUsageError, reportCliFailure } from '../../core/cli.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { encodersForTraining, SUPPORTED_LANGUAGES } from '../../nlu/index.js';
import { SentimentAnalyzer } from './analyzer.js';
import { isSentimentDatasetName, loadSentimentDataset, SENTIMENT_DATASETS } from './datasets.js';
import { demoSentimentSets, encoderForSaved, hashSentimentExamples, loadSentimentYaml, readSentimentManifest, saveSentimentModel, trainSentimentModels, type SentimentTrainingSet } from './demo.js';
import type { SentimentLanguage } from './types.js';

const DATASETS = [...Object.keys(SENTIMENT_DATASETS), 'demo'] as const;
const ENCODERS = ['use-lite', 'hashed', 'none'] as const;

const USAGE = `Usage: npm run sentiment -- train --dataset <${DATASETS.join('|')}> [--train <path>] --out <dir> [--encoder ${ENCODERS.join('|')}] [--language ${SUPPORTED_LANGUAGES.join('|')}]
       npm run sentiment -- score --model <dir> <text...>

  train   trains one model per language of the data and saves it into <dir>/<language>/
          --train    the data file in the set's own format (required except for demo; for demo,
                     a YAML file in the format of monitor/sentiment/demo-data/en.yaml)
          --encoder  sentence encoder beside the n-gram features (default use-lite, which reads
                     English only: Chinese models get none; hashed: 512-d hashed n-grams)
          --language train only this language of the data (default: every language in it)
  score   prints the sentiment a saved model gives one message`;

/** A command line that names no command, an unknown one, or misses an argument: exit code 2. */

type Command =
  | { command: 'help' }
  | { command: 'train'; dataset: (typeof DATASETS)[number]; train?: string; out: string; encoder: (typeof ENCODERS)[number]; language?: SentimentLanguage }
  | { command: 'score'; model: string; text: string };

function strictParse(args: readonly string[], options: NonNullable<Parameters<typeof parseArgs>[0]>['options'], allowPositionals = false) {
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals });
    return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliUsageError('Missing command');
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'train') {
    const { values } = strictParse(rest, { dataset: { type: 'string' }, train: { type: 'string' }, out: { type: 'string' }, encoder: { type: 'string', default: 'use-lite' }, language: { type: 'string' } });
    const { dataset, train, out, encoder, language } = values as Record<string, string | undefined>;
    if (dataset === undefined || !(DATASETS as readonly string[]).includes(dataset)) throw new CliUsageError(`--dataset must be one of ${DATASETS.join(', ')}`);
    if (train === undefined && dataset !== 'demo') throw new CliUsageError(`--dataset ${dataset} needs --train <path>`);
    if (out === undefined) throw new CliUsageError('train needs --out <dir>');
    if (!(ENCODERS as readonly string[]).includes(encoder ?? '')) throw new CliUsageError(`--encoder must be one of ${ENCODERS.join(', ')}`);
    if (language !== undefined && !(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) throw new CliUsageError(`--language must be one of ${SUPPORTED_LANGUAGES.join(', ')}`);
    if (language !== undefined && isSentimentDatasetName(dataset) && SENTIMENT_DATASETS[dataset].language !== language) {
      throw new CliUsageError(`--dataset ${dataset} is ${SENTIMENT_DATASETS[dataset].language}, not ${language}`);
    }
    return {
      command: 'train',
      dataset: dataset as (typeof DATASETS)[number],
      out,
      encoder: encoder as (typeof ENCODERS)[number],
      ...(train === undefined ? {} : { train }),
      ...(language === undefined ? {} : { language: language as SentimentLanguage }),
    };
  }
  if (command === 'score') {
    const { values, positionals } = strictParse(rest, { model: { type: 'string' } }, true);
    if (typeof values.model !== 'string') throw new CliUsageError('score needs --model <dir>');
    const text = positionals.join(' ').trim();
    if (text.length === 0) throw new CliUsageError('score needs the text to score');
    return { command: 'score', model: values.model, text };
  }
  throw new CliUsageError(`Unknown command "${command}"`);
}

async function trainingSets(options: { dataset: string; train?: string }): Promise<SentimentTrainingSet[]> {
  if (options.dataset === 'demo') return options.train === undefined ? demoSentimentSets() : loadSentimentYaml(options.train);
  if (!isSentimentDatasetName(options.dataset) || options.train === undefined) throw new CliUsageError(`--dataset ${options.dataset} needs --train <path>`);
  const loaded = await loadSentimentDataset(options.dataset, options.train);
  if (loaded.skipped.length > 0) progress(`skipped ${loaded.skipped.length} rows without text`);
  const source = `${options.dataset}:${path.resolve(options.train)}`;
  return [{ language: loaded.language, examples: loaded.examples, source, sha256: hashSentimentExamples(loaded.language, loaded.examples) }];
}

async function runTrain(options: Extract<Command, { command: 'train' }>, signal: AbortSignal): Promise<string> {
  const sets = (await trainingSets(options)).filter((set) => options.language === undefined || set.language === options.language);
  if (sets.length === 0) throw new InvalidInputError(`The ${options.dataset} data has no "${options.language}" messages`);
  const pool = encodersForTraining(options.encoder);
  const summaries = [];
  try {
    for (const set of sets) {
      const started = Date.now();
      const encoder = await pool.encoderFor(set.language);
      progress(`training ${set.language} on ${set.examples.length} examples from ${set.source} (encoder ${encoder?.id ?? 'none'})`);
      const [model] = await trainSentimentModels([set], { encoderFor: async () => encoder, signal, onProgress: (p) => progress(`[${p.language}] ${p.message}`) });
      if (model === undefined) continue;
      const manifest = await saveSentimentModel({ dir: options.out, model, set, ...(encoder === undefined ? {} : { encoder }) });
      summaries.push({ dir: path.resolve(options.out, set.language), seconds: (Date.now() - started) / 1000, ...manifest });
    }
  } finally {
    await pool.dispose();
  }
  return JSON.stringify(summaries, null, 2);
}

async function runScore(options: Extract<Command, { command: 'score' }>): Promise<string> {
  const present = await readdir(options.model).catch(() => {
    throw new NotFoundError(`Sentiment model folder ${path.resolve(options.model)}`);
  });
  const encoders: Partial<Record<SentimentLanguage, NonNullable<Awaited<ReturnType<typeof encoderForSaved>>>>> = {};
  const languages = SUPPORTED_LANGUAGES.filter((language) => present.includes(language));
  if (languages.length === 0) throw new NotFoundError(`A sentiment model (${SUPPORTED_LANGUAGES.join(' or ')} sub-folder) in ${path.resolve(options.model)}`);
  for (const language of languages) {
    const manifest = await readSentimentManifest(options.model, language);
    const encoder = typeof manifest === 'object' ? await encoderForSaved(manifest.encoder, undefined) : undefined;
    if (encoder !== undefined) encoders[language] = encoder;
  }
  const analyzer = await SentimentAnalyzer.load(options.model, { encoders, fallback: languages.includes('en') ? 'en' : (languages[0] as SentimentLanguage) });
  const [result] = await analyzer.score([options.text]);
  return JSON.stringify(result === undefined ? null : { ...result, score: round(result.score), confidence: round(result.confidence) }, null, 2);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

function progress(message: string): void {
  process.stderr.write(`[sentiment] ${message}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  const command = parseCommand(argv);
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  let output: string;
  if (command.command === 'help') output = USAGE;
  else if (command.command === 'train') output = await runTrain(command, controller.signal);
  else output = await runScore(command);
  process.stdout.write(`${output}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => reportCliFailure(error, USAGE));
