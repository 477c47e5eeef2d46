/**
 * Entities for the shop: a trained sequence tagger (linear-chain CRF or averaged perceptron),
 * Microsoft Recognizers-Text for dates, money, quantities and phones (mapped onto the shop's
 * entity types by `RECOGNIZER_TYPE_MAP`), catalogue and lookup gazetteers, and the NLU's one overlap rule that merges them (`mergeEntities`). The served
 * extractor comes from `trainShopEntityExtractor` (or `loadShopEntityExtractor`).
 */
export {
  catalogueItemSchema,
  createCatalogueGazetteer,
  FUZZY_SUFFIX,
  PRODUCT_ENTITY,
  type CatalogueGazetteerOptions,
  type CatalogueItem,
} from './catalogue-gazetteer.js';
export { combineExtractors } from './combine-extractors.js';
export { CRF_TAGGER_DEFAULTS, CrfTagger, type CrfTaggerOptions, type TaggerAlgorithm } from './crf-tagger.js';
export { parsePersistedCrfTagger, persistedCrfTaggerSchema, type PersistedCrfTagger } from './crf-persist.js';
export { findDatePhrases, type DatePhrase } from './date-phrases.js';
export { localStamp, resolveDateTime, type DateTimeCandidate, type ResolvedDateTime } from './datetime-values.js';
export { createShopEntityExtractor, type ShopEntityExtractorOptions } from './entity-extractor.js';
export { TrainingAbortedError } from './errors.js';
export { foldToken, withinOneEdit } from './fuzzy.js';
export { createLookupGazetteer, type LookupGazetteerOptions } from './lookup-gazetteer.js';
export { ENTITY_SOURCES, entitySource, EXTRACTOR_SOURCES, mergeEntities, type EntityCandidate, type EntitySource } from './merge.js';
export { slotF1, slotScores, spansFromTags, type SlotScores, type TagSpan } from './metrics.js';
export { formatMoneyValue, parseMoneyValue, toMinorUnits, type MoneyAmount } from './money.js';
export { createPhraseMatcher, type PhraseEntry, type PhraseMatch, type PhraseMatcherOptions } from './phrase-matcher.js';
export { findQuantities, type FoundNumber } from './quantities.js';
export {
  createRecognizerExtractor,
  DEFAULT_CURRENCY_UNITS,
  findDateTimes,
  RECOGNIZER_KINDS,
  type RecognizerExtractorOptions,
  type RecognizerKind,
} from './recognizers.js';
export type { SequenceTagger, TaggedExample, TrainTaggerOptions } from './sequence-tagger.js';
export {
  loadShopEntityExtractor,
  RULE_ENTITY_TYPES,
  trainShopEntityExtractor,
  type LoadShopEntityExtractorOptions,
  type ShopEntityModel,
  type TrainShopEntityExtractorOptions,
} from './shop-entity-model.js';
export { parsePersistedShopEntities, persistedShopEntitiesSchema, type PersistedShopEntities } from './shop-entity-persist.js';
export { DATE_TYPES, toShopDates } from './shop-dates.js';
export {
  createShopRecognizerExtractor,
  RECOGNIZER_TYPE_MAP,
  SHOP_RECOGNIZER_KINDS,
  type RecognizedShopType,
  type ShopRecognizerOptions,
} from './shop-recognizers.js';
export { createTaggerExtractor, toTaggedExamples, tokenizerFor, type TaggerExtractorOptions } from './tagger-extractor.js';
export type { TrainingProgress } from './training-loop.js';
