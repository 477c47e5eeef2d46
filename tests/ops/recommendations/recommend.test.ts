import { describe, expect, it } from 'vitest';
import { CoOccurrence, alsoBought, popularProducts, recommendForCustomer, similarProducts, type CatalogItem, type OrderBasket } from '../../../ops/recommendations/index.js';

/**
 * Orders per product: 1→4, 2→3, 3→2, 4→2, 5→2 (of 6); pairs: 1+2 ×3, 1+3 ×2, 2+3 ×1, 4+5 ×2.
 * Cosine: 1~2 = 3/√12 ≈ 0.866, 1~3 = 2/√8 ≈ 0.707, 4~5 = 1.
 */
const BASKETS: OrderBasket[] = [
  [1, 2], [1, 2], [1, 2, 3], [1, 3], [4, 5], [4, 5],
].map((productIds, i) => ({ orderId: i + 1, customerId: i + 1, placedAt: `2026-01-0${i + 1}T10:00:00.000Z`, productIds }));

const counts = CoOccurrence.from(BASKETS);

function catalog(outOfStock: number[] = []): CatalogItem[] {
  const categories: Record<number, string> = { 1: 'mugs', 2: 'mugs', 3: 'tees', 4: 'tees', 5: 'mugs', 6: 'tees' };
  return Object.entries(categories).map(([id, category]) => ({ productId: Number(id), category, available: outOfStock.includes(Number(id)) ? 0 : 5 }));
}

const ids = (recs: { productId: number }[]) => recs.map((r) => r.productId);

describe('co-occurrence', () => {
  it('ranks neighbours by cosine and drops pairs below the minimum support', () => {
    const neighbours = counts.neighbours(1);
    expect(neighbours.map((n) => n.productId)).toEqual([2, 3]);
    expect(neighbours[0]!.score).toBeCloseTo(3 / Math.sqrt(12), 10);
    expect(neighbours[1]!.score).toBeCloseTo(2 / Math.sqrt(8), 10);
    expect(counts.neighbours(2).map((n) => n.productId)).toEqual([1]); // 2+3 bought together once only
    expect(counts.neighbours(2, { minSupport: 1 }).map((n) => n.productId)).toEqual([1, 3]);
  });

  it('computes lift, breaking ties by support', () => {
    const neighbours = counts.neighbours(1, { measure: 'lift' });
    expect(neighbours.map((n) => [n.productId, n.score])).toEqual([[2, 1.5], [3, 1.5]]);
  });
});

describe('alsoBought', () => {
  it('lists the products most often in the same orders', () => {
    expect(ids(alsoBought({ counts, catalog: catalog(), productId: 1 }))).toEqual([2, 3]);
    expect(alsoBought({ counts, catalog: catalog(), productId: 4 })).toEqual([{ productId: 5, score: 1, reason: 'co-purchase' }]);
  });

  it('never recommends a product out of stock', () => {
    expect(ids(alsoBought({ counts, catalog: catalog([2]), productId: 1 }))).toEqual([3]);
  });

  it('rejects a malformed limit with a typed error', () => {
    expect(() => alsoBought({ counts, catalog: catalog(), productId: 1, limit: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('similarProducts', () => {
  it('boosts the same category on top of co-purchase similarity', () => {
    const recs = similarProducts({ counts, catalog: catalog(), productId: 1 });
    expect(ids(recs)).toEqual([2, 3, 5]);
    expect(recs[0]!.score).toBeCloseTo(3 / Math.sqrt(12) + 0.05, 10);
    expect(recs.every((r) => r.reason === 'similar')).toBe(true);
  });

  it('falls back to the category for a product nobody ordered yet', () => {
    expect(ids(similarProducts({ counts, catalog: catalog(), productId: 6 }))).toEqual([3, 4]);
    expect(ids(similarProducts({ counts, catalog: catalog([3]), productId: 6 }))).toEqual([4]);
  });
});

describe('recommendForCustomer', () => {
  it('ranks by summed similarity, then tops up with best sellers', () => {
    const recs = recommendForCustomer({ counts, catalog: catalog(), purchased: [1], limit: 4 });
    expect(recs.map((r) => [r.productId, r.reason])).toEqual([[2, 'co-purchase'], [3, 'co-purchase'], [4, 'popular'], [5, 'popular']]);
  });

  it('excludes what the customer already bought', () => {
    const recs = recommendForCustomer({ counts, catalog: catalog(), purchased: [1, 2, 1], limit: 4 });
    expect(ids(recs)).toEqual([3, 4, 5, 6]);
    expect(recs.some((r) => r.productId === 1 || r.productId === 2)).toBe(false);
  });

  it('gives a new customer the in-stock best sellers', () => {
    const recs = recommendForCustomer({ counts, catalog: catalog([2]), purchased: [], limit: 3 });
    expect(recs.map((r) => [r.productId, r.reason])).toEqual([[1, 'popular'], [3, 'popular'], [4, 'popular']]);
    expect(recs[0]!.score).toBeCloseTo(4 / 6, 10);
  });

  it('never recommends out-of-stock products, whatever the signal', () => {
    const recs = recommendForCustomer({ counts, catalog: catalog([2, 4]), purchased: [1], limit: 10 });
    expect(ids(recs)).toEqual([3, 5, 6]);
  });

  it('matches popularProducts when there is no co-purchase signal', () => {
    const recs = recommendForCustomer({ counts, catalog: catalog(), purchased: [6], limit: 3 });
    expect(recs).toEqual(popularProducts({ counts, catalog: catalog(), exclude: [6], limit: 3 }));
  });
});
