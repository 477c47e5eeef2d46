import { InvalidInputError } from '../../core/errors.js';
import type { EntityExtractor } from '../../core/nlu.js';
import type { AnnotatedExample, LookupTable, TrainingLanguage, TrainingSet } from '../training-format/types.js';
import type { CatalogueItem } from './catalogue-gazetteer.js';
import { CrfTagger, type CrfTaggerOptions } from './crf-tagger.js';
import { createShopEntityExtractor } from './entity-extractor.js';
import { parsePersistedShopEntities, type PersistedShopEntities } from './shop-entity-persist.js';
import { toTaggedExamples } from './tagger-extractor.js';

/**
 * Annotated entity types that rules find and normalise: order ids, e-mails and SKUs (patterns),
 * phone numbers, dates, money and quantities (recognisers, mapped by `RECOGNIZER_TYPE_MAP`).
 * The tagger is not taught them.
 *
 * @remarks A tagged `next friday` could only keep the words as written, while the recogniser
 * gives `2024-05-24`; and a tagged order number could be a phone number's digits. Spans of these
 * types count as outside any slot for the tagger, which also keeps its label set small.
 */
export const RULE_ENTITY_TYPES: readonly string[] = ['order_id', 'email', 'sku', 'phone', 'date', 'money', 'quantity'];

/** Options of {@link trainShopEntityExtractor}. */
export interface TrainShopEntityExtractorOptions {
  /** The shop's training file: its annotations teach the tagger, its lookups feed the gazetteer. */
  set: TrainingSet;
  /** The language of the engine the extractor serves; must be the set's. @defaultValue the set's language */
  language?: TrainingLanguage;
  /** The shop's products (from the store; `nlu` does not read it itself). @defaultValue [] */
  catalogue?: readonly CatalogueItem[];
  /** Reference time for relative dates, read at each call. @defaultValue () => new Date() */
  now?: () => Date;
  /** Tagger settings. @defaultValue `CRF_TAGGER_DEFAULTS` */
  tagger?: Omit<CrfTaggerOptions, 'language' | 'lookups'>;
  /** Stops training; see `CrfTagger.train`. */
  signal?: AbortSignal;
}

/** Runtime parts of a loaded extractor; the model does not store them. */
export interface LoadShopEntityExtractorOptions {
  /** @defaultValue () => new Date() */
  now?: () => Date;
  /** Replaces the stored catalogue, since products change without retraining. @defaultValue the stored one */
  catalogue?: readonly CatalogueItem[];
}

/** A trained shop entity extractor that can save its state. */
export interface ShopEntityModel extends EntityExtractor {
  readonly language: TrainingLanguage;
  /** JSON-serialisable state; {@link loadShopEntityExtractor} restores it. */
  persist(): PersistedShopEntities;
}

/**
 * Trains the shop's entity extractor for one language: a tagger learnt from the training file's
 * annotations, with the order-id, e-mail and SKU patterns, the catalogue and lookup gazetteers and
 * the recognisers, merged by `mergeEntities`.
 *
 * @remarks Every entity comes in the shop's vocabulary (the annotation types) and normalised:
 * dates in ISO 8601, quantities as counts, money as `54.00 GBP`, SKUs upper-cased, catalogue
 * products as SKUs, lookup values as their canonical value; tagged spans of other types keep the
 * words as written. Training on the demo files takes well under a second per language.
 *
 * @throws {@link InvalidInputError} when `language` is not the set's, or the catalogue is malformed.
 * @throws `TrainingAbortedError` when `signal` fires.
 * @example
 * ```ts
 * const extractor = await trainShopEntityExtractor({ set: await loadTrainingFile('shop.en.yaml'), catalogue });
 * const [entities] = await extractor.extract(['cancel #100234, it was meant to come next friday']);
 * await writeFile('models/entities-en.json', JSON.stringify(extractor.persist()));
 * ```
 */
export async function trainShopEntityExtractor(options: TrainShopEntityExtractorOptions): Promise<ShopEntityModel> {
  const { set } = options;
  if (options.language !== undefined && options.language !== set.language) {
    throw new InvalidInputError(`Training set "${set.fileName}" is in "${set.language}", not "${options.language}"`);
  }
  const tagger = new CrfTagger({ ...options.tagger, language: set.language, lookups: set.lookups });
  await tagger.train(toTaggedExamples(set.examples.map(withoutRuleTypes), set.language), { signal: options.signal });
  return assemble({ tagger, lookups: set.lookups, catalogue: options.catalogue ?? [], now: options.now });
}

/**
 * Restores an extractor from {@link ShopEntityModel.persist} output; with the same catalogue and
 * clock it finds the same entities as the one that was saved.
 *
 * @throws {@link InvalidInputError} naming each problem of a malformed state.
 */
export function loadShopEntityExtractor(json: unknown, options: LoadShopEntityExtractorOptions = {}): ShopEntityModel {
  const persisted = parsePersistedShopEntities(json);
  return assemble({
    tagger: CrfTagger.load(persisted.tagger),
    lookups: persisted.tagger.lookups,
    catalogue: options.catalogue ?? persisted.catalogue,
    now: options.now,
  });
}

function withoutRuleTypes(example: AnnotatedExample): AnnotatedExample {
  return { ...example, entities: example.entities.filter((entity) => !RULE_ENTITY_TYPES.includes(entity.type)) };
}

function assemble(parts: { tagger: CrfTagger; lookups: readonly LookupTable[]; catalogue: readonly CatalogueItem[]; now: (() => Date) | undefined }): ShopEntityModel {
  const { tagger, lookups, catalogue } = parts;
  const extractor = createShopEntityExtractor({
    language: tagger.language,
    tagger,
    lookups,
    catalogue,
    recognizers: parts.now ? { now: parts.now } : {},
  });
  return {
    name: extractor.name,
    language: tagger.language,
    extract: (texts) => extractor.extract(texts),
    persist: () => ({ kind: 'shop-entity-extractor', version: 1, language: tagger.language, tagger: tagger.persist(), catalogue: structuredClone([...catalogue]) }),
  };
}
