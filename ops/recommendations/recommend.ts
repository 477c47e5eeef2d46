import type { CoOccurrence } from './co-occurrence.js';
import { RecommendOptionsSchema } from './schemas.js';
import type { CatalogItem, Recommendation, SimilarityMeasure } from './types.js';
import { parseInput } from '../../core/validation.js';

/** What every recommender reads: the order counts and the catalogue with stock. */
export interface RecommenderData {
  counts: CoOccurrence;
  catalog: readonly CatalogItem[];
}

/** Tuning shared by the recommenders. */
export interface RecommendTuning {
  /** @defaultValue 10 */
  limit?: number;
  /** @defaultValue 'cosine' */
  measure?: SimilarityMeasure;
  /** Orders two products must share to count as bought together. @defaultValue 2 */
  minSupport?: number;
}

/** Options of {@link alsoBought} and {@link similarProducts}. */
export interface ProductRecommendOptions extends RecommenderData, RecommendTuning {
  productId: number;
}

/** Options of {@link similarProducts}. */
export interface SimilarOptions extends ProductRecommendOptions {
  /**
   * Added to the score of products in the anchor's category, so that a product with little
   * order history still gets neighbours from its own category.
   * @defaultValue 0.05
   */
  categoryBoost?: number;
}

/** Options of {@link recommendForCustomer}. */
export interface CustomerRecommendOptions extends RecommenderData, RecommendTuning {
  /** Products the customer already bought (repeats allowed); none for a new customer. */
  purchased: readonly number[];
}

/** Products in stock now, by id: nothing else may be recommended. */
function inStock(catalog: readonly CatalogItem[]): Map<number, CatalogItem> {
  return new Map(catalog.filter((item) => item.available > 0).map((item) => [item.productId, item]));
}

function parseTuning(options: RecommendTuning & { categoryBoost?: number }) {
  const { limit, measure, minSupport, categoryBoost } = options;
  return parseInput(RecommendOptionsSchema, { limit, measure, minSupport, categoryBoost }, 'recommendation options');
}

/**
 * "Customers who bought this also bought": in-stock products most often in the same orders.
 *
 * @example
 * alsoBought({ counts: CoOccurrence.from(baskets), catalog, productId: 12, limit: 5 });
 */
export function alsoBought(options: ProductRecommendOptions): Recommendation[] {
  const tuning = parseTuning(options);
  const stocked = inStock(options.catalog);
  return options.counts
    .neighbours(options.productId, tuning)
    .filter((n) => stocked.has(n.productId))
    .slice(0, tuning.limit)
    .map((n) => ({ productId: n.productId, score: n.score, reason: 'co-purchase' }));
}

/**
 * "Something like this": co-purchase similarity plus a boost for the same category.
 *
 * @remarks The catalogue has no content features beyond the category, so similarity is
 * behavioural; the additive boost ranks same-category co-purchases first and lets products
 * without history fall back to their category's best sellers.
 */
export function similarProducts(options: SimilarOptions): Recommendation[] {
  const tuning = parseTuning(options);
  const stocked = inStock(options.catalog);
  const anchor = options.catalog.find((item) => item.productId === options.productId);
  const scores = new Map<number, number>();
  for (const n of options.counts.neighbours(options.productId, tuning)) scores.set(n.productId, n.score);
  if (anchor) {
    for (const item of stocked.values()) {
      if (item.category === anchor.category && item.productId !== anchor.productId) {
        scores.set(item.productId, (scores.get(item.productId) ?? 0) + tuning.categoryBoost);
      }
    }
  }
  return rank(scores, { stocked, counts: options.counts, limit: tuning.limit, reason: 'similar' });
}

/**
 * Products for one customer: the summed similarity to everything they bought, excluding
 * what they already own, topped up with best sellers when co-purchase signal runs short.
 *
 * @remarks A new customer, or one whose products have no neighbours above the minimum
 * support, gets the in-stock best sellers they have not bought (`reason: 'popular'`).
 * @example
 * recommendForCustomer({ counts, catalog, purchased: [3, 7], limit: 10 });
 */
export function recommendForCustomer(options: CustomerRecommendOptions): Recommendation[] {
  const tuning = parseTuning(options);
  const stocked = inStock(options.catalog);
  const owned = new Set(options.purchased);
  const scores = new Map<number, number>();
  for (const item of owned) {
    for (const n of options.counts.neighbours(item, tuning)) {
      if (!owned.has(n.productId)) scores.set(n.productId, (scores.get(n.productId) ?? 0) + n.score);
    }
  }
  const personal = rank(scores, { stocked, counts: options.counts, limit: tuning.limit, reason: 'co-purchase' });
  const taken = new Set([...owned, ...personal.map((r) => r.productId)]);
  return [...personal, ...popular({ counts: options.counts, stocked, exclude: taken, limit: tuning.limit - personal.length })];
}

/**
 * In-stock best sellers (by orders containing them), skipping `exclude`: the fallback for new
 * customers and the baseline the evaluation compares against.
 */
export function popularProducts(options: RecommenderData & { exclude?: readonly number[]; limit?: number }): Recommendation[] {
  const { limit } = parseTuning({ limit: options.limit });
  return popular({ counts: options.counts, stocked: inStock(options.catalog), exclude: new Set(options.exclude ?? []), limit });
}

/** In-stock best sellers not in `exclude`, scored by their share of orders. */
function popular(options: { counts: CoOccurrence; stocked: ReadonlyMap<number, CatalogItem>; exclude: ReadonlySet<number>; limit: number }): Recommendation[] {
  const total = Math.max(1, options.counts.orderCount);
  const counted = options.counts.popularity();
  const seen = new Set(counted.map((p) => p.productId));
  // Products never ordered still fill the list (score 0) so a new shop recommends something.
  const never = [...options.stocked.keys()].filter((id) => !seen.has(id)).sort((a, b) => a - b).map((productId) => ({ productId, orders: 0 }));
  return [...counted, ...never]
    .filter((p) => options.stocked.has(p.productId) && !options.exclude.has(p.productId))
    .slice(0, Math.max(0, options.limit))
    .map((p) => ({ productId: p.productId, score: p.orders / total, reason: 'popular' }));
}

function rank(scores: ReadonlyMap<number, number>, options: { stocked: ReadonlyMap<number, CatalogItem>; counts: CoOccurrence; limit: number; reason: Recommendation['reason'] }): Recommendation[] {
  return [...scores]
    .filter(([id, score]) => score > 0 && options.stocked.has(id))
    .sort(([a, sa], [b, sb]) => sb - sa || options.counts.count(b) - options.counts.count(a) || a - b)
    .slice(0, options.limit)
    .map(([productId, score]) => ({ productId, score, reason: options.reason }));
}
