/**
 * Recommendations: "customers who bought this also bought", "something like this" and
 * per-customer picks, by item-based collaborative filtering over order history.
 *
 * @remarks The algorithms take plain data (order baskets, a catalogue with stock) so they can
 * be tested and evaluated without a database; `read.ts` is the thin store reader.
 */
export type { CatalogItem, Neighbour, OrderBasket, Recommendation, RecommendationReason, SimilarityMeasure } from './types.js';
export { CoOccurrence, type NeighbourOptions } from './co-occurrence.js';
export {
  alsoBought,
  popularProducts,
  recommendForCustomer,
  similarProducts,
  type CustomerRecommendOptions,
  type ProductRecommendOptions,
  type RecommendTuning,
  type RecommenderData,
  type SimilarOptions,
} from './recommend.js';
export { evaluateHoldout, type HoldoutOptions, type HoldoutResult } from './evaluate.js';
export { readCatalog, readOrderBaskets, type ReadBasketsOptions } from './read.js';
