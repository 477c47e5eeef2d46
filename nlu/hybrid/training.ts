import type { Encoder } from '../../core/encoder.js';
import type { TrainingExample } from '../../core/nlu.js';
import { predictProbabilities, trainSoftmaxRegression, type SoftmaxModel } from '../softmax-regression.js';
import { stratifiedSplit } from '../stratified-split.js';
import { TfidfVectorizer } from '../tfidf-vectorizer.js';
import { applyTemperature, fitTemperature } from './calibration.js';
import { concatFeatures, mixProbabilities } from './features.js';
import type { HybridOptions } from './options.js';
import { KnnScorer } from './knn.js';
import { tuneOosThreshold, weightForShare } from './oos-threshold.js';

/** Progress of training, for CLIs and logs. */
export interface HybridProgress {
  message: string;
  /** Completed share of the current stage in [0, 1], when known. */
  fraction?: number;
}

/** Everything a trained hybrid classifier predicts with. */
export interface HybridState {
  labels: string[];
  vectorizer: TfidfVectorizer;
  model: SoftmaxModel;
  encoder: { id: string; dimension: number } | undefined;
  knn: KnnScorer | undefined;
  temperature: number;
  threshold: number;
  report: { examples: number; validationExamples: number; bestEpoch: number; validationAccuracy: number | null };
}

interface FitInput {
  examples: readonly TrainingExample[];
  encoder: Encoder | undefined;
  options: HybridOptions;
  train: HybridTrainOptions;
}

/** Options of `HybridIntentClassifier.train`. */
export interface HybridTrainOptions {
  signal?: AbortSignal;
  /** Labelled validation examples; when absent, `validationFraction` of the training data is held back. */
  validation?: readonly TrainingExample[];
  /** Extra out-of-scope validation utterances (e.g. CLINC150 `oos_val`) for tuning the rejection threshold. */
  outOfScopeValidation?: readonly string[];
  onProgress?: (progress: HybridProgress) => void;
}

type Vectors = Map<string, Float32Array>;

const ENCODE_CHUNK = 256;

/**
 * The training procedure of `HybridIntentClassifier`: split (when needed), encode, fit the
 * head with early stopping, calibrate, tune the rejection threshold, refit on everything.
 */
export async function fitHybrid(input: FitInput): Promise<HybridState> {
  const { options, train } = input;
  const say = (message: string, fraction?: number) => train.onProgress?.(fraction === undefined ? { message } : { message, fraction });
  const split = splitForValidation(input);
  const labels = [...new Set(input.examples.map((e) => e.intent))].sort();
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const validation = split.validation.filter((e) => labelIndex.has(e.intent));
  const extraOos = train.outOfScopeValidation ?? [];
  const vectors = input.encoder === undefined ? undefined : await encodeAll(input.encoder, [...input.examples, ...validation].map((e) => e.text).concat(extraOos), say, train.signal);
  const head = await fitHead({ ...input, labelIndex, trainSet: split.trainSet, validation, vectors, say });
  const knn = vectors === undefined ? undefined : buildKnn(split.trainSet, vectors, labelIndex, options);
  const state: HybridState = {
    labels,
    vectorizer: head.vectorizer,
    model: head.model,
    encoder: input.encoder === undefined ? undefined : { id: input.encoder.id, dimension: input.encoder.dimension },
    knn,
    temperature: 1,
    threshold: 0,
    report: { examples: input.examples.length, validationExamples: validation.length + extraOos.length, bestEpoch: head.bestEpoch, validationAccuracy: null },
  };
  calibrate(state, { validation, extraOos, vectors, labelIndex, options, say });
  if (!split.carved) return state;
  say(`refitting on all ${input.examples.length} examples for ${head.bestEpoch} epochs`);
  const full = await fitHead({ ...input, options: { ...options, epochs: Math.max(1, head.bestEpoch) }, labelIndex, trainSet: input.examples, validation: [], vectors, say });
  return { ...state, vectorizer: full.vectorizer, model: full.model, knn: vectors === undefined ? undefined : buildKnn(input.examples, vectors, labelIndex, options) };
}

/** The given validation set, or a stratified share of the examples (`carved`: then refit later). */
function splitForValidation(input: FitInput): { trainSet: readonly TrainingExample[]; validation: readonly TrainingExample[]; carved: boolean } {
  if (input.train.validation !== undefined) return { trainSet: input.examples, validation: input.train.validation, carved: false };
  if (input.options.validationFraction === 0) return { trainSet: input.examples, validation: [], carved: false };
  const { kept, heldOut } = stratifiedSplit(input.examples, (e) => e.intent, { fraction: input.options.validationFraction, seed: input.options.seed });
  return { trainSet: kept, validation: heldOut, carved: heldOut.length > 0 };
}

async function encodeAll(encoder: Encoder, texts: readonly string[], say: (m: string, f?: number) => void, signal?: AbortSignal): Promise<Vectors> {
  const unique = [...new Set(texts)];
  const vectors: Vectors = new Map();
  const started = Date.now();
  for (let start = 0; start < unique.length; start += ENCODE_CHUNK) {
    const chunk = unique.slice(start, start + ENCODE_CHUNK);
    const encoded = await encoder.encode(chunk, signal === undefined ? {} : { signal });
    chunk.forEach((text, i) => vectors.set(text, encoded[i] as Float32Array));
    const done = start + chunk.length;
    say(`encoding with ${encoder.id}: ${done}/${unique.length} texts (${((Date.now() - started) / 1000).toFixed(0)} s)`, done / unique.length);
  }
  return vectors;
}

async function fitHead(input: FitInput & {
  labelIndex: Map<string, number>;
  trainSet: readonly TrainingExample[];
  validation: readonly TrainingExample[];
  vectors: Vectors | undefined;
  say: (m: string, f?: number) => void;
}): Promise<{ vectorizer: TfidfVectorizer; model: SoftmaxModel; bestEpoch: number }> {
  const { options, labelIndex, vectors } = input;
  const vectorizer = TfidfVectorizer.fit(input.trainSet.map((e) => e.text), options);
  const dense = input.encoder?.dimension ?? 0;
  const weight = vectors === undefined ? 0 : options.embeddingWeight;
  const rowOf = (text: string) => concatFeatures(vectorizer.transform(text), vectors?.get(text), vectorizer.size, weight);
  const toSet = (examples: readonly TrainingExample[]) => ({ rows: examples.map((e) => rowOf(e.text)), labels: examples.map((e) => labelIndex.get(e.intent) ?? 0) });
  const validation = input.validation.length > 0 ? toSet(input.validation) : undefined;
  const result = await trainSoftmaxRegression(
    { ...toSet(input.trainSet), featureCount: vectorizer.size + (vectors === undefined ? 0 : dense), classCount: labelIndex.size },
    {
      ...options,
      ...(validation === undefined ? {} : { validation }),
      ...(input.train.signal === undefined ? {} : { signal: input.train.signal }),
      onEpoch: ({ epoch, epochs, validationLoss, validationAccuracy }) =>
        input.say(
          `head epoch ${epoch}/${epochs}` +
            (validationLoss === undefined ? '' : ` validation loss ${validationLoss.toFixed(4)}, accuracy ${(100 * (validationAccuracy ?? 0)).toFixed(2)} %`),
          epoch / epochs,
        ),
    },
  );
  return { vectorizer, model: result.model, bestEpoch: result.bestEpoch };
}

function buildKnn(examples: readonly TrainingExample[], vectors: Vectors, labelIndex: Map<string, number>, options: HybridOptions): KnnScorer | undefined {
  if (options.knnWeight === 0 || examples.length === 0) return undefined;
  const dimension = vectors.get(examples[0]?.text ?? '')?.length ?? 0;
  const flat = new Float32Array(examples.length * dimension);
  examples.forEach((e, i) => flat.set(vectors.get(e.text) ?? new Float32Array(dimension), i * dimension));
  return new KnnScorer(flat, Int32Array.from(examples, (e) => labelIndex.get(e.intent) ?? 0), dimension, labelIndex.size, {
    neighbours: options.knnNeighbours,
    temperature: options.knnTemperature,
  });
}

/**
 * The head's probabilities mixed with the neighbours' vote, before calibration: what
 * calibration fits on and what prediction scales by the temperature.
 */
export function mixedProbabilities(state: HybridState, options: HybridOptions, text: string, vector: Float32Array | undefined): Float64Array {
  const row = concatFeatures(state.vectorizer.transform(text), vector, state.vectorizer.size, vector === undefined ? 0 : options.embeddingWeight);
  const head = predictProbabilities(state.model, row);
  return mixProbabilities(head, vector === undefined ? undefined : state.knn?.score(vector).probabilities, options.knnWeight);
}

/** Sets temperature, out-of-scope threshold and validation accuracy from the validation data. */
function calibrate(
  state: HybridState,
  input: { validation: readonly TrainingExample[]; extraOos: readonly string[]; vectors: Vectors | undefined; labelIndex: Map<string, number>; options: HybridOptions; say: (m: string) => void },
): void {
  const { options, vectors, labelIndex } = input;
  const rawOf = (text: string) => mixedProbabilities(state, options, text, vectors?.get(text));
  const labelled = input.validation.map((e) => ({ probabilities: rawOf(e.text), label: labelIndex.get(e.intent) ?? 0 }));
  if (labelled.length === 0) return;
  state.temperature = fitTemperature(labelled);
  const oosLabel = labelIndex.get(options.outOfScopeIntent);
  const top = (p: Float64Array) => p.reduce((best, value, i) => (value > (p[best] ?? 0) ? i : best), 0);
  const inScope: Array<{ confidence: number; correct: boolean }> = [];
  const outOfScope: number[] = [];
  let oosCount = input.extraOos.length;
  let correct = 0;
  const calibrated = labelled.map(({ probabilities, label }) => ({ p: applyTemperature(probabilities, state.temperature), label }));
  for (const { p, label } of calibrated) {
    const best = top(p);
    if (label === oosLabel) {
      oosCount += 1;
      // Already rejected by the out-of-scope class: right at any threshold.
      if (best !== oosLabel) outOfScope.push(p[best] ?? 0);
      continue;
    }
    if (best === label) correct += 1;
    inScope.push({ confidence: p[best] ?? 0, correct: best === label });
  }
  for (const text of input.extraOos) {
    const p = applyTemperature(rawOf(text), state.temperature);
    const best = top(p);
    if (best !== oosLabel) outOfScope.push(p[best] ?? 0);
  }
  state.report.validationAccuracy = inScope.length === 0 ? null : correct / inScope.length;
  if (oosCount > 0) {
    const outOfScopeWeight = weightForShare(options.outOfScopeShare, { inScope: inScope.length, outOfScope: oosCount });
    state.threshold = Math.min(1, tuneOosThreshold({ inScope, outOfScope, outOfScopeWeight }));
  }
  input.say(`calibrated: temperature ${state.temperature.toFixed(3)}, out-of-scope threshold ${state.threshold.toFixed(3)}, validation accuracy ${state.report.validationAccuracy === null ? 'n/a' : (100 * state.report.validationAccuracy).toFixed(2) + ' %'}`);
}
