import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { TRAINING_LANGUAGES } from '../training-format/types.js';
import { catalogueItemSchema } from './catalogue-gazetteer.js';
import { persistedCrfTaggerSchema } from './crf-persist.js';

/**
 * A persisted shop entity extractor (plain JSON), as a model folder stores it.
 *
 * @remarks Only what training produced or was given travels: the tagger (whose state carries
 * the training file's lookups, used again for the gazetteer and for normalising tagged spans)
 * and the catalogue. The clock and the recognisers are runtime parts and are not stored.
 */
export const persistedShopEntitiesSchema = z
  .object({
    kind: z.literal('shop-entity-extractor'),
    version: z.literal(1),
    language: z.enum(TRAINING_LANGUAGES),
    tagger: persistedCrfTaggerSchema,
    catalogue: z.array(catalogueItemSchema),
  })
  .superRefine((m, ctx) => {
    if (m.tagger.language !== m.language) ctx.addIssue({ code: 'custom', path: ['tagger', 'language'], message: `must be the extractor's language "${m.language}"` });
  });

/** A persisted shop entity extractor. */
export type PersistedShopEntities = z.infer<typeof persistedShopEntitiesSchema>;

/**
 * Validates a persisted shop entity extractor.
 *
 * @throws {@link InvalidInputError} naming each problem.
 */
export function parsePersistedShopEntities(json: unknown): PersistedShopEntities {
  const parsed = persistedShopEntitiesSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new InvalidInputError(`Invalid persisted shop entity extractor: ${problems.join('; ')}`, { problems });
}
