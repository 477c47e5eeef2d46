/**
 * The served intent classifier: TF-IDF n-grams plus sentence-encoder features into a linear
 * head, a nearest-neighbour vote, temperature calibration and out-of-scope rejection.
 */
export { HybridIntentClassifier, HYBRID_DEFAULTS, type HybridOptions, type HybridTrainOptions } from './hybrid-classifier.js';
export type { HybridProgress } from './training.js';
export { parsePersistedHybrid, type PersistedHybrid } from './model-format.js';
export { tuneOosThreshold, weightForShare, type OosThresholdEvidence } from './oos-threshold.js';
export { applyTemperature, fitTemperature } from './calibration.js';
