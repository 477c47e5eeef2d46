import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';

/** Identifies the persisted format; bump the version when the layout changes. */
export const HYBRID_FORMAT = 'counterpart.hybrid-intent';
export const HYBRID_FORMAT_VERSION = 1;

const positiveInt = z.number().int().positive();

export const hybridOptionsSchema = z.object({
  charNgramMin: positiveInt,
  charNgramMax: positiveInt,
  charBlockWeight: z.number().nonnegative(),
  epochs: positiveInt,
  batchSize: positiveInt,
  learningRate: z.number().positive(),
  l2: z.number().nonnegative(),
  seed: z.number().int(),
  embeddingWeight: z.number().nonnegative(),
  knnWeight: z.number().nonnegative(),
  knnNeighbours: positiveInt,
  knnTemperature: z.number().positive(),
  patience: positiveInt,
  validationFraction: z.number().min(0).max(0.5),
  outOfScopeShare: z.number().min(0).max(0.9),
  outOfScopeIntent: z.string().min(1),
});

/** Shape of `HybridIntentClassifier.persist()`'s output, checked again on load. */
export const persistedHybridSchema = z.object({
  format: z.literal(HYBRID_FORMAT),
  version: z.literal(HYBRID_FORMAT_VERSION),
  options: hybridOptionsSchema,
  labels: z.array(z.string().min(1)).min(2),
  vectorizer: z.object({
    features: z.array(z.string()),
    documentFrequency: z.array(z.number().int().nonnegative()),
    documentCount: positiveInt,
  }),
  /** The encoder the dense features and neighbours came from; null when none was used. */
  encoder: z.object({ id: z.string().min(1), dimension: positiveInt }).nullable(),
  /** Float32 little-endian, row-major by feature (TF-IDF features, then encoder dimensions), base64. */
  weights: z.string(),
  bias: z.array(z.number()),
  /** Neighbour vectors (float32 base64, row-major) and their label indices; absent without an encoder. */
  neighbours: z.object({ vectors: z.string(), labels: z.array(z.number().int().nonnegative()) }).nullable(),
  temperature: z.number().positive(),
  outOfScopeThreshold: z.number().min(0).max(1),
  /** What training measured, for the model manifest. */
  training: z.object({
    examples: z.number().int().nonnegative(),
    validationExamples: z.number().int().nonnegative(),
    bestEpoch: z.number().int().nonnegative(),
    validationAccuracy: z.number().nullable(),
  }),
});

/** The JSON form of a trained hybrid intent classifier. */
export type PersistedHybrid = z.infer<typeof persistedHybridSchema>;

/**
 * Validates persisted classifier JSON, including that the array sizes agree.
 *
 * @throws {@link InvalidInputError} naming the first problem found.
 */
export function parsePersistedHybrid(json: unknown): PersistedHybrid {
  const parsed = persistedHybridSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new InvalidInputError(`Persisted hybrid intent model is invalid at ${where}: ${issue?.message ?? 'unknown problem'}`);
  }
  const model = parsed.data;
  const dense = model.encoder?.dimension ?? 0;
  const featureCount = model.vectorizer.features.length + dense;
  const problems = [
    model.vectorizer.documentFrequency.length !== model.vectorizer.features.length && 'vectorizer arrays differ in length',
    model.bias.length !== model.labels.length && 'bias and labels differ in length',
    new Set(model.labels).size !== model.labels.length && 'labels contain duplicates',
    Buffer.byteLength(model.weights, 'base64') !== featureCount * model.labels.length * 4 && 'weights do not match features × labels',
    model.neighbours !== null && Buffer.byteLength(model.neighbours.vectors, 'base64') !== model.neighbours.labels.length * dense * 4 && 'neighbour vectors do not match their labels',
    model.neighbours?.labels.some((label) => label >= model.labels.length) && 'a neighbour label is out of range',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new InvalidInputError(`Persisted hybrid intent model is inconsistent: ${problems.join('; ')}`);
  return model;
}
