import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { TRAINING_LANGUAGES } from '../training-format/types.js';

/** Identifies a model folder's manifest; bump the version when the layout changes. */
export const NLU_MODEL_FORMAT = 'counterpart.nlu-model';
export const NLU_MODEL_FORMAT_VERSION = 1;
/** The manifest's file name inside a model folder. */
export const MANIFEST_FILE = 'manifest.json';

const languageEntrySchema = z.object({
  language: z.enum(TRAINING_LANGUAGES),
  /** Where the training data came from (a path, or `demo` for the shipped demo data). */
  data: z.object({ source: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), examples: z.number().int().nonnegative(), outOfScopeExamples: z.number().int().nonnegative() }),
  intents: z.array(z.string()),
  entityTypes: z.array(z.string()),
  featureSet: z.object({
    tfidf: z.object({ wordNgrams: z.tuple([z.number(), z.number()]), charNgrams: z.tuple([z.number(), z.number()]) }),
    encoder: z.object({ id: z.string(), dimension: z.number().int().positive() }).nullable(),
    embeddingWeight: z.number(),
    knnWeight: z.number(),
    entityTagger: z.string(),
  }),
  metrics: z.object({
    validationExamples: z.number().int().nonnegative(),
    validationAccuracy: z.number().nullable(),
    bestEpoch: z.number().int().nonnegative(),
    temperature: z.number(),
    outOfScopeThreshold: z.number(),
    trainSeconds: z.number().nonnegative(),
  }),
  files: z.object({ intents: z.string(), entities: z.string() }),
});

/** `manifest.json` of a model folder: what was trained, on which data, with what, and how well. */
export const nluManifestSchema = z.object({
  format: z.literal(NLU_MODEL_FORMAT),
  version: z.literal(NLU_MODEL_FORMAT_VERSION),
  createdAt: z.string(),
  versions: z.object({ counterpart: z.string(), node: z.string(), intentModel: z.string(), entityModel: z.string() }),
  languages: z.array(languageEntrySchema).min(1),
});

export type NluManifest = z.infer<typeof nluManifestSchema>;
export type NluManifestLanguage = z.infer<typeof languageEntrySchema>;

/**
 * Validates a manifest read from disk.
 *
 * @throws {@link InvalidInputError} naming the file and the first problem.
 */
export function parseNluManifest(json: unknown, file: string): NluManifest {
  const parsed = nluManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${file} is not a Counterpart NLU model manifest: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
