import type { Neighbour, OrderBasket, SimilarityMeasure } from './types.js';

/** Options of {@link CoOccurrence.neighbours}. */
export interface NeighbourOptions {
  /** @defaultValue 'cosine' */
  measure?: SimilarityMeasure;
  /**
   * Orders two products must share before they count as similar.
   * @defaultValue 2
   */
  minSupport?: number;
}

/**
 * Counts of orders per product and per product pair, grown one order at a time.
 *
 * @remarks Similarities are derived from the counts on demand rather than stored, so the
 * leave-last-out evaluation can add orders in time order and ask at any moment without
 * retraining; a catalogue of a few thousand products keeps the pair map small.
 */
export class CoOccurrence {
  private readonly itemCounts = new Map<number, number>();
  private readonly pairCounts = new Map<number, Map<number, number>>();
  private orders = 0;

  /** Counts from all `baskets`. */
  static from(baskets: readonly OrderBasket[]): CoOccurrence {
    const counts = new CoOccurrence();
    for (const basket of baskets) counts.add(basket.productIds);
    return counts;
  }

  /** Adds one order; a product repeated within it counts once. */
  add(productIds: readonly number[]): void {
    const distinct = [...new Set(productIds)];
    this.orders += 1;
    for (const item of distinct) this.itemCounts.set(item, (this.itemCounts.get(item) ?? 0) + 1);
    for (const a of distinct) {
      let row = this.pairCounts.get(a);
      if (!row) this.pairCounts.set(a, (row = new Map()));
      for (const b of distinct) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }

  /** Orders counted so far. */
  get orderCount(): number {
    return this.orders;
  }

  /** Orders containing `productId`. */
  count(productId: number): number {
    return this.itemCounts.get(productId) ?? 0;
  }

  /** Every counted product with its order count, most ordered first (ties by id). */
  popularity(): { productId: number; orders: number }[] {
    return [...this.itemCounts].map(([productId, orders]) => ({ productId, orders })).sort((a, b) => b.orders - a.orders || a.productId - b.productId);
  }

  /**
   * Products bought with `productId` at least `minSupport` times, most similar first.
   *
   * @remarks Cosine (`c_ab / √(n_a·n_b)`) stays in [0, 1] and damps best sellers that are in
   * every basket; lift (`c_ab·N / (n_a·n_b)`) is > 1 when the pair is bought together more
   * than chance, but rewards rare pairs, hence the minimum support.
   */
  neighbours(productId: number, options: NeighbourOptions = {}): Neighbour[] {
    const measure = options.measure ?? 'cosine';
    const minSupport = options.minSupport ?? 2;
    const row = this.pairCounts.get(productId);
    if (!row) return [];
    const na = this.count(productId);
    const out: Neighbour[] = [];
    for (const [other, support] of row) {
      if (support < minSupport) continue;
      const nb = this.count(other);
      const score = measure === 'cosine' ? support / Math.sqrt(na * nb) : (support * this.orders) / (na * nb);
      out.push({ productId: other, score, support });
    }
    return out.sort((a, b) => b.score - a.score || b.support - a.support || a.productId - b.productId);
  }
}
