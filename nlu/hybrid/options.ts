import type { SoftmaxTrainingOptions } from '../softmax-regression.js';
import type { TfidfFeatureOptions } from '../tfidf-vectorizer.js';

/** Settings of {@link HybridIntentClassifier}. */
export interface HybridOptions extends TfidfFeatureOptions, SoftmaxTrainingOptions {
  /** Scale of the encoder's unit vector next to the unit TF-IDF vector in the head's input. */
  embeddingWeight: number;
  /** Weight of the nearest-neighbour vote mixed into the head's probabilities (0: off). */
  knnWeight: number;
  knnNeighbours: number;
  knnTemperature: number;
  /** Epochs without a better validation loss before training stops. */
  patience: number;
  /** Share of each intent held back for early stopping and calibration when no validation set is given. */
  validationFraction: number;
  /**
   * Expected share of off-topic messages; weights the validation out-of-scope examples when
   * the rejection threshold is tuned (see `oos-threshold.ts`).
   */
  outOfScopeShare: number;
  /** Intent name of out-of-scope examples in the training data, and of rejected messages. */
  outOfScopeIntent: string;
}

/**
 * Defaults, chosen on validation data only (Banking77's held-out tenth, CLINC150 `val`):
 * see the README's results table for what they give.
 */
export const HYBRID_DEFAULTS: Readonly<HybridOptions> = Object.freeze({
  charNgramMin: 2,
  charNgramMax: 5,
  charBlockWeight: 1,
  epochs: 20,
  batchSize: 32,
  learningRate: 0.05,
  l2: 0.00003,
  seed: 42,
  embeddingWeight: 3,
  knnWeight: 0.25,
  knnNeighbours: 10,
  knnTemperature: 0.05,
  patience: 5,
  validationFraction: 0.1,
  outOfScopeShare: 0.05,
  outOfScopeIntent: 'out_of_scope',
});
