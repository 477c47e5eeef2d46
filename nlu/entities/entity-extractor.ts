import type { Entity, EntityExtractor } from '../../core/nlu.js';
import { ComponentContractError } from '../errors.js';
import { EmailExtractor } from '../extractors/email-extractor.js';
import { OrderIdExtractor } from '../extractors/order-id-extractor.js';
import type { LookupTable, TrainingLanguage } from '../training-format/types.js';
import { createCatalogueGazetteer, FUZZY_SUFFIX, type CatalogueItem } from './catalogue-gazetteer.js';
import { createLookupGazetteer } from './lookup-gazetteer.js';
import { mergeEntities, type EntitySource } from './merge.js';
import { createRecognizerExtractor, type RecognizerExtractorOptions } from './recognizers.js';
import type { SequenceTagger } from './sequence-tagger.js';
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
  /** Recogniser settings, or `false` to leave them out. @defaultValue all kinds, `now` = the clock */
  recognizers?: Omit<RecognizerExtractorOptions, 'language'> | false;
  /** Exact pattern extractors, most trusted. @defaultValue order ids and e-mails from `nlu/extractors` */
  patterns?: readonly EntityExtractor[];
}

interface Part {
  extractor: EntityExtractor;
  source: (entity: Entity) => EntitySource;
}

const gazetteerSource = (entity: Entity): EntitySource => (entity.extractor.endsWith(FUZZY_SUFFIX) ? 'fuzzy-gazetteer' : 'gazetteer');

/**
 * The shop's entity extractor for one language: patterns, gazetteers, recognisers and the
 * tagger run on the same batch, and their entities are merged by `mergeEntities`.
 *
 * @remarks Overlap rule: pattern > exact gazetteer > recogniser > tagger > fuzzy gazetteer, then
 * the longest span, then the leftmost (see `mergeEntities`).
 *
 * @example
 * ```ts
 * const extractor = createShopEntityExtractor({ language: 'en', tagger, lookups: set.lookups, catalogue });
 * const [entities] = await extractor.extract(['is order #100234 the kinder waterprof jacket?']);
 * ```
 */
export function createShopEntityExtractor(options: ShopEntityExtractorOptions): EntityExtractor {
  const { language } = options;
  const parts: Part[] = (options.patterns ?? [new OrderIdExtractor(), new EmailExtractor()]).map((extractor) => ({
    extractor,
    source: () => 'pattern',
  }));
  if (options.catalogue && options.catalogue.length > 0) {
    parts.push({ extractor: createCatalogueGazetteer({ items: options.catalogue, language }), source: gazetteerSource });
  }
  if (options.lookups && options.lookups.length > 0) {
    parts.push({ extractor: createLookupGazetteer({ lookups: options.lookups, language }), source: gazetteerSource });
  }
  if (options.recognizers !== false) {
    parts.push({ extractor: createRecognizerExtractor({ ...options.recognizers, language }), source: () => 'recognizer' });
  }
  if (options.tagger) {
    parts.push({ extractor: createTaggerExtractor({ tagger: options.tagger, lookups: options.lookups }), source: () => 'tagger' });
  }
  return {
    name: `shop-entities-${language}`,
    async extract(texts: readonly string[]): Promise<Entity[][]> {
      const results = await Promise.all(parts.map((part) => part.extractor.extract(texts)));
      results.forEach((result, i) => {
        if (result.length !== texts.length) {
          throw new ComponentContractError(`Extractor "${parts[i]?.extractor.name}" returned ${result.length} results for ${texts.length} texts`);
        }
      });
      return texts.map((_, t) =>
        mergeEntities(results.flatMap((result, i) => (result[t] ?? []).map((entity) => ({ entity, source: (parts[i] as Part).source(entity) })))),
      );
    },
  };
}
