import { z } from 'zod';
import { ENTITY_TYPE_PATTERN } from './annotations.js';
import { TRAINING_LANGUAGES } from './types.js';

/** Intent names: snake_case, starting with a letter. */
export const INTENT_NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The keys a training file may have at the top level. */
export const TOP_LEVEL_KEYS = ['version', 'language', 'intents', 'out_of_scope', 'lookups'] as const;

function describe(input: unknown): string {
  if (input === null || input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `${typeof input} ${JSON.stringify(input)}`;
}

// YAML reads `- [Leeds](warehouse)` as a list: the most common mistake, so say how to fix it.
const quoteHint = (input: unknown) => (Array.isArray(input) ? ' (quote an example that starts with "[")' : '');

const exampleSchema = z
  .string({ error: (issue) => `must be a string, got ${describe(issue.input)}${quoteHint(issue.input)}` })
  .refine((text) => text.trim() !== '', 'is empty');

const examplesSchema = z
  .array(exampleSchema, {
    error: (issue) => (issue.input == null ? 'has no examples' : `must be a list of example strings, got ${describe(issue.input)}`),
  })
  .min(1, 'has no examples');

const lookupEntrySchema = z.union(
  [
    z.string().trim().min(1),
    z.strictObject({
      value: z.string().trim().min(1),
      synonyms: z.array(z.string().trim().min(1)).optional(),
    }),
  ],
  { error: 'must be a non-empty string or { value: string, synonyms?: [string, ...] }' },
);

const mappingError = (issue: { code: string; input?: unknown }) =>
  issue.code === 'invalid_type' ? `must be a mapping, got ${describe(issue.input)}` : undefined;

/**
 * Structure of a training file (YAML or JSON) before inline annotations are read.
 *
 * @remarks Structure only: annotations, duplicates and positions are checked by the parser,
 * which walks the document so it can name lines and columns. Messages are predicates
 * ("has no examples") that the parser puts after the thing they are about (`intent "x"`).
 */
export const rawTrainingFileSchema = z.strictObject(
  {
    version: z
      .literal(1, { error: (issue) => `must be 1, got ${describe(issue.input)}` })
      .optional(),
    language: z.enum(TRAINING_LANGUAGES, {
      error: (issue) =>
        issue.input === undefined
          ? 'is missing: add "language: en" or "language: zh"'
          : `must be one of ${TRAINING_LANGUAGES.join(', ')}, got ${describe(issue.input)}`,
    }),
    intents: z
      .record(
        z.string().regex(INTENT_NAME_PATTERN, 'must be snake_case (a-z, 0-9, _), starting with a letter'),
        examplesSchema,
        { error: (issue) => (issue.input === undefined ? 'is missing' : mappingError(issue)) },
      )
      .refine((intents) => Object.keys(intents).length > 0, 'has no intents'),
    out_of_scope: examplesSchema.optional(),
    lookups: z
      .record(
        z.string().regex(ENTITY_TYPE_PATTERN, 'must be an entity type: letters, digits, _, . or -, starting with a letter'),
        z.array(lookupEntrySchema, { error: 'must be a list of values' }).min(1, 'has no values'),
        { error: mappingError },
      )
      .optional(),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? `must be a mapping with language and intents, got ${describe(issue.input)}` : undefined) },
);

/** A training file as written, structurally valid. */
export type RawTrainingFile = z.infer<typeof rawTrainingFileSchema>;
