import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import type { IntentClassifier, IntentPrediction, TrainingExample } from '../../core/nlu.js';
import { ModelNotTrainedError } from '../errors.js';
import type { SoftmaxModel } from '../softmax-regression.js';
import { decodeFloat32, encodeFloat32 } from '../float32-codec.js';
import { TfidfVectorizer } from '../tfidf-vectorizer.js';
import { applyTemperature } from './calibration.js';
import { KnnScorer } from './knn.js';
import { HYBRID_FORMAT, HYBRID_FORMAT_VERSION, parsePersistedHybrid, type PersistedHybrid } from './model-format.js';
import { HYBRID_DEFAULTS, type HybridOptions } from './options.js';
import { fitHybrid, mixedProbabilities, type HybridState, type HybridTrainOptions } from './training.js';

export { HYBRID_DEFAULTS, type HybridOptions } from './options.js';
export type { HybridTrainOptions } from './training.js';

const examplesSchema = z
  .array(z.object({ text: z.string().trim().min(1, 'example text is empty'), intent: z.string().min(1, 'intent name is empty') }))
  .min(1, 'no training examples');

/**
 * Intent classifier over concatenated features: TF-IDF word and character n-grams plus a
 * sentence encoder's vector, fed to multinomial logistic regression, mixed with a
 * nearest-neighbour vote over the encoder's vectors, temperature-calibrated, with an
 * out-of-scope rejection threshold.
 *
 * @remarks Without an encoder (e.g. Chinese, which USE-lite does not read) it is the TF-IDF
 * head alone. Training is deterministic for a seed. Early stopping and calibration use the
 * validation set; when that was carved out of the training data, the head is refitted on all
 * of it for the chosen number of epochs. A message whose calibrated top confidence falls
 * below the tuned threshold is returned with `outOfScopeIntent` first.
 *
 * @example
 * ```ts
 * const classifier = new HybridIntentClassifier({}, await createUseLiteEncoder());
 * await classifier.train(examples);
 * const [ranked] = await classifier.classify(['where is my parcel']);
 * ```
 */
export class HybridIntentClassifier implements IntentClassifier {
  readonly name = 'hybrid';
  readonly options: Readonly<HybridOptions>;
  private state: HybridState | undefined;

  constructor(
    options: Partial<HybridOptions> = {},
    private readonly encoder?: Encoder,
  ) {
    this.options = Object.freeze({ ...HYBRID_DEFAULTS, ...options });
  }

  /**
   * Fits features, head, neighbours, temperature and threshold; replaces any previous model.
   *
   * @throws {@link InvalidInputError} for empty examples or fewer than two intents.
   */
  async train(examples: readonly TrainingExample[], options: HybridTrainOptions = {}): Promise<void> {
    const parsed = examplesSchema.safeParse(examples);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidInputError(`Invalid training examples at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
    }
    const intents = new Set(examples.map((e) => e.intent));
    if (intents.size < 2) throw new InvalidInputError(`Training needs at least two intents, got ${intents.size}: ${[...intents].join(', ')}`);
    this.state = await fitHybrid({ examples, encoder: this.encoder, options: this.options, train: options });
  }

  /** Ranks every known intent for each text, best first; rejected texts get `outOfScopeIntent` first. */
  async classify(texts: readonly string[]): Promise<IntentPrediction[][]> {
    const state = this.requireTrained();
    if (texts.length === 0) return [];
    // Vectors exist exactly when the model was trained with an encoder (load insists on it).
    const vectors = state.encoder === undefined ? undefined : await this.encoder?.encode(texts);
    return texts.map((text, i) => rank(state, this.options, predict(state, this.options, text, vectors?.[i])));
  }

  /** The trained intents, in the model's internal order. */
  get labels(): readonly string[] {
    return this.requireTrained().labels;
  }

  /** Threshold below which a message is rejected as out of scope (0: never). */
  get outOfScopeThreshold(): number {
    return this.requireTrained().threshold;
  }

  /** What training measured (examples, validation size, best epoch, validation accuracy). */
  get trainingReport(): PersistedHybrid['training'] {
    return { ...this.requireTrained().report };
  }

  /** What a model manifest records about this classifier, without serialising its weights. */
  get summary(): Pick<PersistedHybrid, 'encoder' | 'temperature' | 'outOfScopeThreshold' | 'training'> & { neighbours: boolean } {
    const state = this.requireTrained();
    return {
      encoder: state.encoder ?? null,
      neighbours: state.knn !== undefined,
      temperature: state.temperature,
      outOfScopeThreshold: state.threshold,
      training: { ...state.report },
    };
  }

  /** JSON-serialisable model state; restore it with {@link HybridIntentClassifier.load}. */
  persist(): PersistedHybrid {
    const state = this.requireTrained();
    return {
      format: HYBRID_FORMAT,
      version: HYBRID_FORMAT_VERSION,
      options: { ...this.options },
      labels: [...state.labels],
      vectorizer: state.vectorizer.toState(),
      encoder: state.encoder ?? null,
      weights: encodeFloat32(state.model.weights),
      bias: Array.from(state.model.bias),
      neighbours: state.knn === undefined ? null : { vectors: encodeFloat32(state.knn.vectors), labels: Array.from(state.knn.labels) },
      temperature: state.temperature,
      outOfScopeThreshold: state.threshold,
      training: { ...state.report },
    };
  }

  /**
   * Restores a classifier from {@link HybridIntentClassifier.persist}'s output.
   *
   * @throws {@link InvalidInputError} when the JSON is invalid, or when the model was trained
   * with an encoder and `encoder` is missing or a different one (its vectors would not match).
   */
  static load(json: unknown, encoder?: Encoder): HybridIntentClassifier {
    const persisted = parsePersistedHybrid(json);
    if (persisted.encoder !== null && (encoder === undefined || encoder.id !== persisted.encoder.id || encoder.dimension !== persisted.encoder.dimension)) {
      throw new InvalidInputError(
        `This intent model was trained with encoder ${persisted.encoder.id} (${persisted.encoder.dimension} dimensions); ` +
          `got ${encoder === undefined ? 'no encoder' : `${encoder.id} (${encoder.dimension})`}`,
      );
    }
    const classifier = new HybridIntentClassifier(persisted.options, persisted.encoder === null ? undefined : encoder);
    const dense = persisted.encoder?.dimension ?? 0;
    const model: SoftmaxModel = {
      featureCount: persisted.vectorizer.features.length + dense,
      classCount: persisted.labels.length,
      weights: decodeFloat32(persisted.weights),
      bias: Float32Array.from(persisted.bias),
    };
    classifier.state = {
      labels: persisted.labels,
      vectorizer: TfidfVectorizer.fromState(persisted.vectorizer, classifier.options),
      model,
      encoder: persisted.encoder ?? undefined,
      knn:
        persisted.neighbours === null
          ? undefined
          : new KnnScorer(decodeFloat32(persisted.neighbours.vectors), Int32Array.from(persisted.neighbours.labels), dense, persisted.labels.length, {
              neighbours: persisted.options.knnNeighbours,
              temperature: persisted.options.knnTemperature,
            }),
      temperature: persisted.temperature,
      threshold: persisted.outOfScopeThreshold,
      report: persisted.training,
    };
    return classifier;
  }

  private requireTrained(): HybridState {
    if (this.state === undefined) throw new ModelNotTrainedError(this.name);
    return this.state;
  }
}

/** Calibrated class probabilities for one text (and its encoder vector, if any). */
function predict(state: HybridState, options: HybridOptions, text: string, vector: Float32Array | undefined): Float64Array {
  return applyTemperature(mixedProbabilities(state, options, text, vector), state.temperature);
}

function rank(state: HybridState, options: HybridOptions, probabilities: Float64Array): IntentPrediction[] {
  // Ties keep label order (sort is stable), so equal scores rank the same every time.
  const ranked = state.labels.map((name, i) => ({ name, confidence: probabilities[i] ?? 0 })).sort((a, b) => b.confidence - a.confidence);
  const top = ranked[0];
  if (top === undefined || top.name === options.outOfScopeIntent || top.confidence >= state.threshold) return ranked;
  // Rejected: out of scope takes the mass the best intent lacked; the in-scope ranking is kept,
  // scaled by the best confidence, so the confidences still sum to at most 1.
  const rest = ranked.filter((r) => r.name !== options.outOfScopeIntent).map((r) => ({ name: r.name, confidence: r.confidence * top.confidence }));
  return [{ name: options.outOfScopeIntent, confidence: 1 - top.confidence }, ...rest];
}
