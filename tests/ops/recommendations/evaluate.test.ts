import { describe, expect, it } from 'vitest';
import { evaluateHoldout, type OrderBasket } from '../../../ops/recommendations/index.js';

function basket(orderId: number, customerId: number, day: number, productIds: number[]): OrderBasket {
  return { orderId, customerId, placedAt: new Date(Date.UTC(2026, 0, day)).toISOString(), productIds };
}

/** Product 10 is the best seller; 1 and 2 are always bought together. */
const SHOPPERS = [
  ...[1, 2, 3, 4, 5, 6].map((n) => basket(100 + n, 100 + n, n, [10])),
  ...[1, 2, 3].map((n) => basket(200 + n, 200 + n, 10 + n, [1, 2])),
];

describe('evaluateHoldout', () => {
  it('scores each customer\'s last order against what came before it', () => {
    const baskets = [...SHOPPERS, basket(1, 1, 20, [1]), basket(2, 1, 21, [2])];
    const result = evaluateHoldout({ baskets, limit: 1 });
    expect(result).toEqual({ customers: 1, k: 1, hitRate: 1, popularityHitRate: 0 });
  });

  it('does not learn from orders placed after the held-out one', () => {
    const baskets = [...SHOPPERS.slice(0, 6), basket(1, 1, 7, [1]), basket(2, 1, 8, [2]), ...SHOPPERS.slice(6)];
    const result = evaluateHoldout({ baskets, limit: 1 });
    expect(result.hitRate).toBe(0);
  });

  it('counts a hit for popularity when the held-out order has a best seller', () => {
    const baskets = [...SHOPPERS, basket(1, 1, 20, [1]), basket(2, 1, 21, [10])];
    expect(evaluateHoldout({ baskets, limit: 2 })).toMatchObject({ customers: 1, popularityHitRate: 1 });
  });
});
