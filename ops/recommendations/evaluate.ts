import { z } from 'zod';
import { CoOccurrence } from './co-occurrence.js';
import { popularProducts, recommendForCustomer, type RecommendTuning } from './recommend.js';
import { OrderBasketSchema } from './schemas.js';
import type { CatalogItem, OrderBasket } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Options of {@link evaluateHoldout}. */
export interface HoldoutOptions extends RecommendTuning {
  baskets: readonly OrderBasket[];
  /** Stops the evaluation between customers. */
  signal?: AbortSignal;
}

/** Hit rates of the recommender and of the popularity baseline. */
export interface HoldoutResult {
  /** Customers with at least two orders, whose last order was held out. */
  customers: number;
  /** `k`, the length of each list. */
  k: number;
  /** Share of customers with at least one held-out product in their top k. */
  hitRate: number;
  popularityHitRate: number;
}

/**
 * Leave-last-order-out hit rate@k for {@link recommendForCustomer} and best sellers.
 *
 * @remarks Orders are replayed in time order, and each customer's last order is scored
 * against counts of every order placed strictly before it (any customer's), so nothing
 * from the future leaks in. Every product seen so far counts as in stock: today's stock says
 * nothing about the past. Both lists exclude what the customer had already bought, so a
 * repeat purchase can be a miss for both.
 * @example
 * const { hitRate, popularityHitRate } = evaluateHoldout({ baskets, limit: 10 });
 */
export function evaluateHoldout(options: HoldoutOptions): HoldoutResult {
  const baskets = parseInput(z.array(OrderBasketSchema).max(1_000_000), options.baskets, 'baskets');
  const k = options.limit ?? 10;
  const sorted = baskets.slice().sort((a, b) => a.placedAt.localeCompare(b.placedAt) || a.orderId - b.orderId);
  const lastOrder = new Map<number, number>();
  const orderCount = new Map<number, number>();
  for (const b of sorted) {
    lastOrder.set(b.customerId, b.orderId);
    orderCount.set(b.customerId, (orderCount.get(b.customerId) ?? 0) + 1);
  }
  const counts = new CoOccurrence();
  const history = new Map<number, number[]>();
  const catalog: CatalogItem[] = [];
  const seen = new Set<number>();
  let customers = 0;
  let hits = 0;
  let popularityHits = 0;
  for (const basket of sorted) {
    const isHeldOut = lastOrder.get(basket.customerId) === basket.orderId && (orderCount.get(basket.customerId) ?? 0) >= 2;
    if (isHeldOut) {
      options.signal?.throwIfAborted();
      const purchased = history.get(basket.customerId) ?? [];
      const target = new Set(basket.productIds);
      const tuning = { limit: k, measure: options.measure, minSupport: options.minSupport };
      const ours = recommendForCustomer({ counts, catalog, purchased, ...tuning });
      const baseline = popularProducts({ counts, catalog, exclude: purchased, limit: k });
      customers += 1;
      if (ours.some((r) => target.has(r.productId))) hits += 1;
      if (baseline.some((r) => target.has(r.productId))) popularityHits += 1;
    }
    counts.add(basket.productIds);
    const past = history.get(basket.customerId) ?? [];
    history.set(basket.customerId, [...past, ...basket.productIds]);
    for (const id of basket.productIds) {
      if (!seen.has(id)) catalog.push({ productId: id, category: '', available: 1 }), seen.add(id);
    }
  }
  return { customers, k, hitRate: customers ? hits / customers : 0, popularityHitRate: customers ? popularityHits / customers : 0 };
}
