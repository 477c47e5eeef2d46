import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { SKU_ENTITY } from '../extractors/sku-extractor.js';
import type { TrainingLanguage } from '../training-format/types.js';
import { resolveSameSource } from './merge.js';
import { createPhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher.js';

/** Entity type of catalogue products named by name or synonym; `value` is the SKU. */
export const PRODUCT_ENTITY = 'product';
/** Suffix of the extractor name on matches that needed a typo correction. */
export const FUZZY_SUFFIX = '-fuzzy';

/** A catalogue product as callers pass it (validated, since it comes from the shop's database or files). */
export const catalogueItemSchema = z.object({
  id: z.union([z.string(), z.number()]),
  sku: z.string().trim().min(1),
  name: z.string().trim().min(1),
  synonyms: z.array(z.string().trim().min(1)).optional(),
});

/** A product as the gazetteer needs it. */
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

/** Options of {@link createCatalogueGazetteer}. */
export interface CatalogueGazetteerOptions {
  items: readonly CatalogueItem[];
  /** @defaultValue 'en' */
  language?: TrainingLanguage;
  /** Tolerate one typo per word in names and synonyms (never in SKUs). @defaultValue true */
  fuzzy?: boolean;
  /** Shortest word that may carry a typo. @defaultValue 5 */
  minFuzzyLength?: number;
}

/**
 * Finds catalogue products by name or synonym (type `product`) or by SKU (type `sku`) and
 * resolves them to the SKU.
 *
 * @remarks Names tolerate one typo per word of five letters or more ("kinder waterprof
 * jacket"); SKUs must match exactly, since a code one character off is another product.
 * Exact matches are reported by extractor `catalogue`, typo matches by `catalogue-fuzzy`, so
 * that `mergeEntities` can trust them differently. Items are validated (zod) because they come
 * from the shop's database or files.
 *
 * @throws {@link InvalidInputError} for malformed items.
 * @example
 * ```ts
 * const gazetteer = createCatalogueGazetteer({ items: [{ id: 1, sku: 'KWJ-001', name: 'Kinder Waterproof Jacket' }] });
 * const [[product]] = await gazetteer.extract(['do you have the kinder waterprof jacket?']);
 * // product.value === 'KWJ-001', product.extractor === 'catalogue-fuzzy'
 * ```
 */
export function createCatalogueGazetteer(options: CatalogueGazetteerOptions): EntityExtractor {
  const parsed = z.array(catalogueItemSchema).safeParse(options.items);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `items.${issue.path.join('.')}: ${issue.message}`);
    throw new InvalidInputError(`Invalid catalogue: ${problems.join('; ')}`, { problems });
  }
  const fuzzy = options.fuzzy ?? true;
  const entries: PhraseEntry[] = parsed.data.flatMap((item) => [
    // A code is a `sku`, as the training files annotate it and the SKU pattern finds it.
    { phrase: item.sku, type: SKU_ENTITY, value: item.sku, fuzzy: false },
    ...[item.name, ...(item.synonyms ?? [])].map((phrase) => ({ phrase, type: PRODUCT_ENTITY, value: item.sku, fuzzy })),
  ]);
  return phraseExtractor({ name: 'catalogue', entries, language: options.language ?? 'en', minFuzzyLength: options.minFuzzyLength });
}

/** Wraps a phrase matcher as an entity extractor named `name` (and `name-fuzzy` for typo matches). */
export function phraseExtractor(options: { name: string; entries: readonly PhraseEntry[]; language: TrainingLanguage; minFuzzyLength?: number }): EntityExtractor {
  const match = createPhraseMatcher(options);
  const toEntity = (text: string, m: PhraseMatch): Entity => ({
    type: m.type,
    value: m.value,
    text: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    extractor: m.edits === 0 ? options.name : `${options.name}${FUZZY_SUFFIX}`,
  });
  return {
    name: options.name,
    extract: async (texts) => texts.map((text) => resolveSameSource(match(text).map((m) => toEntity(text, m)))),
  };
}
