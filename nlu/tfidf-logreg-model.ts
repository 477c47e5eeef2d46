import { z } from 'zod';
import { InvalidInputError } from '../core/errors.js';

/** Identifies the persisted format; bump the version when the layout changes. */
export const TFIDF_LOGREG_FORMAT = 'counterpart.tfidf-logreg';
export const TFIDF_LOGREG_FORMAT_VERSION = 1;

const positiveInt = z.number().int().positive();

/** Shape of {@link TfidfLogRegClassifier.persist}'s output, checked again on load. */
export const persistedTfidfLogRegSchema = z.object({
  format: z.literal(TFIDF_LOGREG_FORMAT),
  version: z.literal(TFIDF_LOGREG_FORMAT_VERSION),
  options: z.object({
    charNgramMin: positiveInt,
    charNgramMax: positiveInt,
    charBlockWeight: z.number().nonnegative(),
    epochs: positiveInt,
    batchSize: positiveInt,
    learningRate: z.number().positive(),
    l2: z.number().nonnegative(),
    seed: z.number().int(),
  }),
  labels: z.array(z.string().min(1)).min(2),
  vectorizer: z.object({
    features: z.array(z.string()),
    documentFrequency: z.array(z.number().int().nonnegative()),
    documentCount: positiveInt,
  }),
  /** Float32 little-endian, row-major by feature, base64. */
  weights: z.string(),
  bias: z.array(z.number()),
});

/** The JSON form of a trained TF-IDF + logistic regression classifier. */
export type PersistedTfidfLogReg = z.infer<typeof persistedTfidfLogRegSchema>;

/**
 * Validates persisted classifier JSON, including that the array sizes agree.
 *
 * @throws {@link InvalidInputError} naming the first problem found.
 */
export function parsePersistedTfidfLogReg(json: unknown): PersistedTfidfLogReg {
  const parsed = persistedTfidfLogRegSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new InvalidInputError(`Persisted tfidf-logreg model is invalid at ${where}: ${issue?.message ?? 'unknown problem'}`, {
      issues: parsed.error.issues,
    });
  }
  const model = parsed.data;
  const features = model.vectorizer.features.length;
  const problems = [
    model.vectorizer.documentFrequency.length !== features && 'vectorizer.documentFrequency and vectorizer.features differ in length',
    model.bias.length !== model.labels.length && 'bias and labels differ in length',
    new Set(model.labels).size !== model.labels.length && 'labels contain duplicates',
    model.options.charNgramMin > model.options.charNgramMax && 'options.charNgramMin is larger than options.charNgramMax',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) throw new InvalidInputError(`Persisted tfidf-logreg model is inconsistent: ${problems.join('; ')}`);
  const expectedBytes = features * model.labels.length * 4;
  const actualBytes = Buffer.byteLength(model.weights, 'base64');
  if (actualBytes !== expectedBytes) {
    throw new InvalidInputError(
      `Persisted tfidf-logreg model is inconsistent: weights hold ${actualBytes} bytes, expected ${expectedBytes} (features × labels × 4)`,
    );
  }
  return model;
}

/** Encodes float32 values as little-endian base64 (compact, and exact for float32). */
export function encodeFloat32(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes.toString('base64');
}

/** Inverse of {@link encodeFloat32}. */
export function decodeFloat32(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  const values = new Float32Array(bytes.length / 4);
  for (let i = 0; i < values.length; i += 1) values[i] = bytes.readFloatLE(i * 4);
  return values;
}
