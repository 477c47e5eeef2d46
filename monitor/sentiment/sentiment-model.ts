import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { createUseLiteEncoder, HybridIntentClassifier, ModelNotTrainedError, type HybridProgress } from '../../nlu/index.js';
import { parsePersistedSentiment, SENTIMENT_FORMAT, SENTIMENT_FORMAT_VERSION, SENTIMENT_MODEL_FILE, type PersistedSentiment } from './model-format.js';
import { defaultSegmentation, SENTIMENT_DEFAULTS, type SentimentModelOptions } from './options.js';
import { toSentimentScore } from './scoring.js';
import { createTextPreparer, type TextPreparer } from './text-prep.js';
import { SENTIMENT_LABELS, type SentimentExample, type SentimentLanguage, type SentimentScore } from './types.js';

/** Options of {@link SentimentModel.train}. */
export interface SentimentTrainOptions {
  signal?: AbortSignal;
  /** Labelled validation messages for early stopping and calibration; by default a tenth of the examples. */
  validation?: readonly SentimentExample[];
  onProgress?: (progress: HybridProgress) => void;
}

/** Options of {@link SentimentModel.score}. */
export interface SentimentScoreOptions {
  /** Overrides the model's neutral band for this call. */
  neutralBand?: number;
}

/**
 * A trained sentiment classifier for one language: the NLU's hybrid classifier (TF-IDF word and
 * character n-grams, optionally a sentence encoder's vector, softmax regression, temperature
 * calibration) trained on the labels `negative`/`positive` (and `neutral` when the data has it).
 *
 * @remarks The score is `P(positive) − P(negative)` from the calibrated probabilities. Chinese
 * text is segmented with jieba before the n-grams are counted (see `text-prep.ts`).
 *
 * @example
 * ```ts
 * const model = new SentimentModel('zh');
 * await model.train([{ text: '质量很好', label: 'positive' }, { text: '太差了', label: 'negative' }]);
 * const [result] = await model.score(['快递很快，质量很好']); // result.label === 'positive'
 * ```
 */
export class SentimentModel {
  readonly options: Readonly<SentimentModelOptions>;
  private readonly prepare: TextPreparer;
  private classifier: HybridIntentClassifier | undefined;

  constructor(
    readonly language: SentimentLanguage,
    options: Partial<SentimentModelOptions> = {},
    private readonly encoder?: Encoder,
  ) {
    this.options = Object.freeze({
      segmentation: options.segmentation ?? defaultSegmentation(language),
      neutralBand: options.neutralBand ?? SENTIMENT_DEFAULTS.neutralBand,
      classifier: { ...SENTIMENT_DEFAULTS.classifier, ...SENTIMENT_DEFAULTS.languages[language], ...options.classifier },
    });
    this.prepare = createTextPreparer(this.options.segmentation);
  }

  /**
   * Fits the classifier; replaces any previous model.
   *
   * @throws {@link InvalidInputError} for empty texts or fewer than two labels.
   */
  async train(examples: readonly SentimentExample[], options: SentimentTrainOptions = {}): Promise<void> {
    const classifier = new HybridIntentClassifier(this.options.classifier, this.encoder);
    const validation = options.validation === undefined ? undefined : await this.toTraining(options.validation);
    await classifier.train(await this.toTraining(examples), {
      ...(validation === undefined ? {} : { validation }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    this.classifier = classifier;
  }

  /** Scores a batch of messages, in input order. */
  async score(texts: readonly string[], options: SentimentScoreOptions = {}): Promise<SentimentScore[]> {
    const classifier = this.requireTrained();
    if (texts.length === 0) return [];
    const band = options.neutralBand ?? this.options.neutralBand;
    // The hybrid encodes the raw text with its encoder but counts n-grams on what it is given:
    // the prepared text equals the raw one for English, and Chinese models have no encoder.
    const ranked = await classifier.classify(await this.prepare(texts));
    return ranked.map((intents) => toSentimentScore(intents, band));
  }

  /** The labels the model was trained on, sorted. */
  get labels(): readonly string[] {
    return this.requireTrained().labels;
  }

  /** What training measured (examples, validation size, best epoch, validation accuracy). */
  get trainingReport(): ReturnType<HybridIntentClassifier['persist']>['training'] {
    return this.requireTrained().trainingReport;
  }

  /** Writes `sentiment.json` into `dir` (created if missing). */
  async persist(dir: string): Promise<void> {
    const persisted: PersistedSentiment = {
      format: SENTIMENT_FORMAT,
      version: SENTIMENT_FORMAT_VERSION,
      language: this.language,
      segmentation: this.options.segmentation,
      neutralBand: this.options.neutralBand,
      classifier: this.requireTrained().persist(),
    };
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, SENTIMENT_MODEL_FILE), JSON.stringify(persisted));
  }

  /**
   * Reads a model written by {@link SentimentModel.persist}.
   *
   * @remarks A model trained with USE-lite gets a USE-lite encoder created here unless one is
   * passed; any other encoder must be passed.
   * @throws {@link InvalidInputError} for a file that is not a sentiment model or a missing encoder.
   */
  static async load(dir: string, options: { encoder?: Encoder } = {}): Promise<SentimentModel> {
    const file = path.join(dir, SENTIMENT_MODEL_FILE);
    const text = await readFile(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InvalidInputError(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const persisted = parsePersistedSentiment(json, file);
    const encoder = options.encoder ?? (await encoderFor(persisted.classifier));
    const classifier = HybridIntentClassifier.load(persisted.classifier, encoder);
    const model = new SentimentModel(persisted.language, { segmentation: persisted.segmentation, neutralBand: persisted.neutralBand, classifier: classifier.options }, encoder);
    model.classifier = classifier;
    return model;
  }

  private async toTraining(examples: readonly SentimentExample[]): Promise<Array<{ text: string; intent: string }>> {
    for (const [i, e] of examples.entries()) {
      if (!(SENTIMENT_LABELS as readonly string[]).includes(e.label)) throw new InvalidInputError(`Example ${i} has unknown label "${String(e.label)}"`);
    }
    const prepared = await this.prepare(examples.map((e) => e.text));
    return examples.map((e, i) => ({ text: prepared[i] ?? e.text, intent: e.label }));
  }

  private requireTrained(): HybridIntentClassifier {
    if (this.classifier === undefined) throw new ModelNotTrainedError(`sentiment-${this.language}`);
    return this.classifier;
  }
}

/** USE-lite when the persisted classifier names it; otherwise none (the loader insists if one was used). */
async function encoderFor(classifier: unknown): Promise<Encoder | undefined> {
  const id = (classifier as { encoder?: { id?: unknown } } | null)?.encoder?.id;
  return typeof id === 'string' && id.startsWith('use-lite@') ? createUseLiteEncoder() : undefined;
}
