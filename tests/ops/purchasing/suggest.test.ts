import { describe, expect, it } from 'vitest';
import { roundOrderQuantity, suggestPurchaseOrders, type ReplenishmentItem } from '../../../ops/purchasing/index.js';

describe('roundOrderQuantity', () => {
  it.each([
    [183, { packSize: 10 }, 190, 19],
    [183, { packSize: 10, moq: 250 }, 250, 25],
    [183, { packSize: 12, moq: 200 }, 204, 17],
    [3, { moq: 20 }, 20, 20],
    [40, { packSize: 6, moq: 20 }, 42, 7],
    [0, { packSize: 10, moq: 50 }, 0, 0],
  ])('need %s with %o → %s units', (need, terms, quantity, packs) => {
    expect(roundOrderQuantity(need, terms)).toMatchObject({ quantity, packs });
  });
});

const base: Omit<ReplenishmentItem, 'sku' | 'supplier' | 'available'> = { demand: 20, forecastErrorSigma: 5, leadTimeDays: 7 };
const potter = { id: 1, name: 'Potter & Co' };
const douro = { id: 2, name: 'Calçado Douro' };

describe('suggestPurchaseOrders', () => {
  const plan = suggestPurchaseOrders({
    serviceLevel: 0.95,
    reviewPeriodDays: 0,
    items: [
      { ...base, sku: 'MUG', supplier: potter, available: 100, onOrder: 20, packSize: 12, moq: 100, unitCostMinor: 250 },
      { ...base, sku: 'BOWL', supplier: potter, available: 162, packSize: 6 },
      { ...base, sku: 'BOOT', supplier: douro, available: 300 },
      { ...base, sku: 'SOCK', supplier: douro, available: 0, moq: 200 },
    ],
  });

  it('groups lines by supplier and skips items above the reorder point', () => {
    expect(plan.orders.map((o) => [o.supplier.name, o.lines.map((l) => l.sku)])).toEqual([
      ['Potter & Co', ['MUG', 'BOWL']],
      ['Calçado Douro', ['SOCK']],
    ]);
    expect(plan.skipped).toEqual([expect.objectContaining({ sku: 'BOOT', position: 300, reorderPoint: 162 })]);
  });

  it('orders up to the level, rounded to packs then the MOQ, with reasoning', () => {
    const [mug, bowl] = plan.orders[0]!.lines;
    // Position 120 ≤ 162: need 42 → 4 packs of 12 = 48 → MOQ 100 → 9 packs = 108.
    expect(mug).toMatchObject({ position: 120, need: 42, quantity: 108, packs: 9, lineTotalMinor: 27_000 });
    expect(mug!.reasoning.join(' ')).toMatch(/z = 1\.645.*rounded up to 22.*Reorder point 162.*Position 120.*Raised to the minimum order of 100/);
    // At exactly the reorder point with no review period the need is 0: one pack is ordered.
    expect(bowl).toMatchObject({ position: 162, need: 0, quantity: 6 });
    expect(plan.orders[0]!.totalMinor).toBeNull();
    expect(plan.orders[1]).toMatchObject({ status: 'draft', totalUnits: 200, currency: 'GBP' });
  });

  it('refuses a negative stock figure', () => {
    expect(() => suggestPurchaseOrders({ serviceLevel: 0.95, items: [{ ...base, sku: 'X', supplier: potter, available: -3 }] })).toThrow(/items\.0\.available: must not be negative/);
  });
});
