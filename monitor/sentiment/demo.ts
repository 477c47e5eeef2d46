import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { createHashedNgramEncoder, parseHashedNgramId, SUPPORTED_LANGUAGES, type EncoderFor, type HybridProgress } from '../../nlu/index.js';
import { SentimentAnalyzer } from './analyzer.js';
import { SentimentDataError } from './errors.js';
import { SENTIMENT_MODEL_FILE } from './model-format.js';
import { SentimentModel } from './sentiment-model.js';
import type { SentimentExample, SentimentLanguage } from './types.js';

/** `source` of a model trained on the shipped demo data; {@link openSentiment} retrains only those. */
export const DEMO_SENTIMENT_SOURCE = 'demo';
/** The manifest beside `sentiment.json` in each language folder. */
export const SENTIMENT_MANIFEST_FILE = 'manifest.json';

/** Labelled messages of one language, with where they came from and a hash of their content. */
export interface SentimentTrainingSet {
  language: SentimentLanguage;
  examples: SentimentExample[];
  /** A file path, a data-set name, or {@link DEMO_SENTIMENT_SOURCE}. */
  source: string;
  sha256: string;
}

const messages = z.array(z.string().trim().min(1, 'messages must not be empty'));
const yamlSchema = z.partialRecord(
  z.enum(SUPPORTED_LANGUAGES),
  z.strictObject({ positive: messages.min(1), negative: messages.min(1), neutral: messages.optional() }),
);

/** SHA-256 of what a model learns from: the language and the labelled texts, in order. */
export function hashSentimentExamples(language: SentimentLanguage, examples: readonly SentimentExample[]): string {
  return createHash('sha256').update(JSON.stringify([language, examples.map((e) => [e.label, e.text])])).digest('hex');
}

/**
 * Parses sentiment data in the demo format: a language key, then `positive`, `negative` and
 * optionally `neutral` lists of messages (see `demo-data/en.yaml`).
 *
 * @throws {@link SentimentDataError} naming the file, line and problem.
 */
export function parseSentimentYaml(input: { text: string; file: string; source?: string }): SentimentTrainingSet[] {
  let json: unknown;
  try {
    json = parseYaml(input.text);
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0].line ?? 1) : 1;
    throw new SentimentDataError({ file: input.file, line }, `is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = yamlSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SentimentDataError({ file: input.file, line: 1 }, `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const sets = Object.entries(parsed.data).map(([language, lists]) => {
    const examples: SentimentExample[] = (['negative', 'neutral', 'positive'] as const).flatMap((label) => (lists[label] ?? []).map((text) => ({ text, label })));
    return { language: language as SentimentLanguage, examples, source: input.source ?? input.file, sha256: hashSentimentExamples(language as SentimentLanguage, examples) };
  });
  if (sets.length === 0) throw new SentimentDataError({ file: input.file, line: 1 }, `no language key (expected one of ${SUPPORTED_LANGUAGES.join(', ')})`);
  return sets;
}

/** Reads a file in the demo format ({@link parseSentimentYaml}). */
export async function loadSentimentYaml(file: string): Promise<SentimentTrainingSet[]> {
  return parseSentimentYaml({ text: await readFile(file, 'utf8'), file });
}

/** The shipped demo data (`monitor/sentiment/demo-data/<language>.yaml`) of each language. */
export async function demoSentimentSets(languages: readonly SentimentLanguage[] = SUPPORTED_LANGUAGES): Promise<SentimentTrainingSet[]> {
  return Promise.all(
    languages.map(async (language) => {
      const file = new URL(`./demo-data/${language}.yaml`, import.meta.url).pathname;
      const set = parseSentimentYaml({ text: await readFile(file, 'utf8'), file, source: DEMO_SENTIMENT_SOURCE }).find((s) => s.language === language);
      if (set === undefined) throw new SentimentDataError({ file, line: 1 }, `has no "${language}" key`);
      return set;
    }),
  );
}

/** Progress of training one language's model. */
export type SentimentTrainProgress = HybridProgress & { language: SentimentLanguage };

/** Options of {@link trainDemoSentiment}. */
export interface TrainDemoSentimentOptions {
  /** Sentence encoder per language. @defaultValue none: n-gram features only */
  encoderFor?: EncoderFor;
  /** @defaultValue every language with demo data (`en`, `zh`) */
  languages?: readonly SentimentLanguage[];
  signal?: AbortSignal;
  onProgress?: (progress: SentimentTrainProgress) => void;
}

/** Trains one model per set, in order. */
export async function trainSentimentModels(sets: readonly SentimentTrainingSet[], options: Omit<TrainDemoSentimentOptions, 'languages'> = {}): Promise<SentimentModel[]> {
  const models: SentimentModel[] = [];
  for (const set of sets) {
    const model = new SentimentModel(set.language, {}, await options.encoderFor?.(set.language));
    const onProgress = options.onProgress;
    await model.train(set.examples, {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(onProgress === undefined ? {} : { onProgress: (p: HybridProgress) => onProgress({ ...p, language: set.language }) }),
    });
    models.push(model);
  }
  return models;
}

/**
 * Trains the demo sentiment analyzer from the shipped demo data, one model per language.
 *
 * @example
 * ```ts
 * const analyzer = await trainDemoSentiment();
 * const [a, b] = await analyzer.score(['still waiting for my refund', '快递很快，谢谢']); // negative, positive
 * ```
 */
export async function trainDemoSentiment(options: TrainDemoSentimentOptions = {}): Promise<SentimentAnalyzer> {
  const sets = await demoSentimentSets(options.languages);
  const models = await trainSentimentModels(sets, options);
  return new SentimentAnalyzer({ models: Object.fromEntries(models.map((m) => [m.language, m])), fallback: sets[0]?.language ?? 'en' });
}

const manifestSchema = z.object({
  format: z.literal('counterpart.sentiment-manifest'),
  version: z.literal(1),
  createdAt: z.string(),
  language: z.enum(SUPPORTED_LANGUAGES),
  data: z.object({ source: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), examples: z.number().int().nonnegative() }),
  encoder: z.object({ id: z.string(), dimension: z.number().int().positive() }).nullable(),
  labels: z.array(z.string()),
  metrics: z.object({ validationExamples: z.number().int().nonnegative(), validationAccuracy: z.number().nullable(), bestEpoch: z.number().int().nonnegative() }),
});

/** `<language>/manifest.json`: what a saved sentiment model was trained on, with what, and how well. */
export type SentimentManifest = z.infer<typeof manifestSchema>;

/**
 * Writes one language's model into `dir/<language>/` (`sentiment.json` and `manifest.json`),
 * the folder layout {@link SentimentAnalyzer.load} reads; other languages' folders are kept.
 *
 * @remarks Written to a sibling temporary folder and renamed into place, so a crash never leaves
 * a half-written model where the server would load it.
 */
export async function saveSentimentModel(options: { dir: string; model: SentimentModel; set: SentimentTrainingSet; encoder?: Encoder }): Promise<SentimentManifest> {
  const { model, set } = options;
  const report = model.trainingReport;
  const manifest: SentimentManifest = {
    format: 'counterpart.sentiment-manifest',
    version: 1,
    createdAt: new Date().toISOString(),
    language: model.language,
    data: { source: set.source, sha256: set.sha256, examples: set.examples.length },
    encoder: options.encoder === undefined ? null : { id: options.encoder.id, dimension: options.encoder.dimension },
    labels: [...model.labels],
    metrics: { validationExamples: report.validationExamples, validationAccuracy: report.validationAccuracy, bestEpoch: report.bestEpoch },
  };
  const target = path.resolve(options.dir, model.language);
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  try {
    await model.persist(staging);
    await writeFile(path.join(staging, SENTIMENT_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(target, { recursive: true, force: true });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return manifest;
}

/** The manifest of `dir/<language>/`, `undefined` when there is none, `'invalid'` when it is malformed. */
export async function readSentimentManifest(dir: string, language: SentimentLanguage): Promise<SentimentManifest | 'invalid' | undefined> {
  let text: string;
  try {
    text = await readFile(path.resolve(dir, language, SENTIMENT_MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.language === language ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}

/**
 * The encoder a saved model needs: the caller's when its id matches, otherwise one rebuilt from
 * the id (hashed n-grams; USE-lite is rebuilt by {@link SentimentModel.load} itself).
 */
export async function encoderForSaved(saved: SentimentManifest['encoder'], offered: Encoder | undefined): Promise<Encoder | undefined> {
  if (saved === null) return undefined;
  if (offered?.id === saved.id) return offered;
  const hashed = parseHashedNgramId(saved.id);
  if (hashed !== undefined) return createHashedNgramEncoder(hashed);
  if (saved.id.startsWith('use-lite')) return undefined;
  throw new InvalidInputError(`The saved sentiment model needs encoder ${saved.id}, which was not provided`);
}

/** Options of {@link openSentiment}. */
export interface OpenSentimentOptions {
  /** The analyzer's folder (`<language>/sentiment.json`): loaded when valid, written after training. */
  dir: string;
  /** Encoder per language for models trained from the demo data. @defaultValue none */
  encoderFor?: EncoderFor;
  /** @defaultValue silent */
  logger?: Logger;
  signal?: AbortSignal;
}

/**
 * The server's start-up path: per language, loads the saved model in `dir`, or trains it from
 * the demo data and saves it when missing, invalid, or a demo model whose data or encoder changed.
 *
 * @remarks Models trained on other data (`npm run sentiment -- train`, or a folder without
 * manifest) are loaded as they are and never replaced by demo ones; one that fails to load
 * is an error rather than silently overwritten.
 */
export async function openSentiment(options: OpenSentimentOptions): Promise<SentimentAnalyzer> {
  const logger = options.logger ?? silentLogger;
  const models: Partial<Record<SentimentLanguage, SentimentModel>> = {};
  for (const set of await demoSentimentSets()) {
    const started = Date.now();
    const offered = await options.encoderFor?.(set.language);
    const found = await loadIfCurrent({ dir: options.dir, set, offered });
    if ('model' in found) {
      models[set.language] = found.model;
      logger.info({ language: set.language, dir: options.dir, ms: Date.now() - started }, 'sentiment model loaded');
      continue;
    }
    logger.debug({ language: set.language, reason: found.stale }, 'training the sentiment model');
    const [model] = await trainSentimentModels([set], { ...options, encoderFor: async () => offered });
    const manifest = await saveSentimentModel({ dir: options.dir, model: model as SentimentModel, set, ...(offered === undefined ? {} : { encoder: offered }) });
    models[set.language] = model;
    logger.info({ language: set.language, dir: options.dir, ms: Date.now() - started, trainedBecause: found.stale, validationAccuracy: manifest.metrics.validationAccuracy }, 'sentiment model trained and saved');
  }
  return new SentimentAnalyzer({ models });
}

async function loadIfCurrent(input: { dir: string; set: SentimentTrainingSet; offered: Encoder | undefined }): Promise<{ model: SentimentModel } | { stale: string }> {
  const { set, offered } = input;
  const folder = path.resolve(input.dir, set.language);
  const manifest = await readSentimentManifest(input.dir, set.language);
  const hasModel = await stat(path.join(folder, SENTIMENT_MODEL_FILE)).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!hasModel) return { stale: 'no saved model' };
  if (manifest === 'invalid') return { stale: 'the manifest is invalid' };
  if (manifest === undefined || manifest.data.source !== DEMO_SENTIMENT_SOURCE) {
    // Trained on someone's own data: theirs to replace, not ours.
    const encoder = await encoderForSaved(manifest?.encoder ?? null, offered);
    return { model: await SentimentModel.load(folder, encoder === undefined ? {} : { encoder }) };
  }
  if (manifest.data.sha256 !== set.sha256) return { stale: 'the demo data changed' };
  if ((manifest.encoder?.id ?? null) !== (offered?.id ?? null)) return { stale: `the encoder is now ${offered?.id ?? 'none'}` };
  try {
    return { model: await SentimentModel.load(folder, offered === undefined ? {} : { encoder: offered }) };
  } catch (error) {
    return { stale: `the saved model does not load (${(error as Error).message})` };
  }
}
