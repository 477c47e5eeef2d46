import type { EntityExtractor } from '../../core/nlu.js';
import { EmailExtractor } from '../extractors/email-extractor.js';
import { OrderIdExtractor } from '../extractors/order-id-extractor.js';
import { SkuExtractor } from '../extractors/sku-extractor.js';
import type { LookupTable, TrainingLanguage } from '../training-format/types.js';
import { createCatalogueGazetteer, type CatalogueItem } from './catalogue-gazetteer.js';
import { combineExtractors } from './combine-extractors.js';
import { createLookupGazetteer } from './lookup-gazetteer.js';
import type { SequenceTagger } from './sequence-tagger.js';
import { createShopRecognizerExtractor, type ShopRecognizerOptions } from './shop-recognizers.js';
import { createTaggerExtractor } from './tagger-extractor.js';

/** Options of {@link createShopEntityExtractor}. */
export interface ShopEntityExtractorOptions {
  language: TrainingLanguage;
  /** A trained sequence tagger for the shop's slots; none by default. */
  tagger?: SequenceTagger;
  /** The training file's lookup tables (gazetteer, and normalisation of tagged spans). @defaultValue [] */
  lookups?: readonly LookupTable[];
  /** Products to find by name, synonym or SKU. @defaultValue [] */
  catalogue?: readonly CatalogueItem[];
  /**
   * Recogniser settings, or `false` to leave them out. Their types are mapped onto the shop's
   * (`RECOGNIZER_TYPE_MAP`). @defaultValue `now` = the clock
   */
  recognizers?: Omit<ShopRecognizerOptions, 'language'> | false;
  /**
   * Exact pattern extractors, ranked by the name on their entities (`entitySource`; names it
   * does not know count as patterns, the most trusted source).
   * @defaultValue order ids, e-mails and SKUs from `nlu/extractors`
   */
  patterns?: readonly EntityExtractor[];
}

/**
 * The shop's entity extractor for one language: patterns, gazetteers, recognisers and the
 * tagger run on the same batch, and their entities are merged by `combineExtractors`.
 *
 * @remarks Overlap rule (defined in `mergeEntities`): pattern > exact gazetteer > recogniser >
 * fuzzy gazetteer > tagger, then the longest span, then the leftmost.
 *
 * @example
 * ```ts
 * const extractor = createShopEntityExtractor({ language: 'en', tagger, lookups: set.lookups, catalogue });
 * const [entities] = await extractor.extract(['is order #100234 the kinder waterprof jacket?']);
 * ```
 */
export function createShopEntityExtractor(options: ShopEntityExtractorOptions): EntityExtractor {
  const { language } = options;
  const lookups = options.lookups ?? [];
  const catalogue = options.catalogue ?? [];
  const extractors: EntityExtractor[] = [...(options.patterns ?? [new OrderIdExtractor(), new EmailExtractor(), new SkuExtractor()])];
  if (catalogue.length > 0) extractors.push(createCatalogueGazetteer({ items: catalogue, language }));
  if (lookups.length > 0) extractors.push(createLookupGazetteer({ lookups, language }));
  if (options.recognizers !== false) extractors.push(createShopRecognizerExtractor({ ...options.recognizers, language }));
  if (options.tagger) extractors.push(createTaggerExtractor({ tagger: options.tagger, lookups }));
  return combineExtractors(extractors, `shop-entities-${language}`);
}
