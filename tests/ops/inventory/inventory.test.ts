import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { daysOfCover, lowStockList, stockBySku, stockPosition } from '../../../ops/inventory/index.js';

describe('stock positions', () => {
  it('available is on hand minus reserved', () => {
    expect(stockPosition({ sku: 'MUG', warehouse: 'LDS', onHand: 10, reserved: 3, reorderPoint: 5 })).toEqual({
      sku: 'MUG', warehouse: 'LDS', onHand: 10, reserved: 3, available: 7, overReserved: 0,
    });
  });

  it('never reports negative available stock, and flags over-reservation', () => {
    const position = stockPosition({ sku: 'MUG', warehouse: 'LDS', onHand: 2, reserved: 5, reorderPoint: 5 });
    expect(position.available).toBe(0);
    expect(position.overReserved).toBe(3);
  });

  it('sums per SKU after flooring each warehouse', () => {
    const [mug] = stockBySku([
      { sku: 'MUG', warehouse: 'MAN', onHand: 1, reserved: 4, reorderPoint: 0 },
      { sku: 'MUG', warehouse: 'LDS', onHand: 6, reserved: 1, reorderPoint: 0 },
    ]);
    expect(mug?.available).toBe(5);
    expect(mug?.warehouses.map((w) => w.warehouse)).toEqual(['LDS', 'MAN']);
  });
});

describe('daysOfCover', () => {
  it('divides by an average', () => expect(daysOfCover(30, 10)).toBe(3));
  it('uses a daily forecast day by day', () => expect(daysOfCover(30, [5, 20, 10, 10])).toBe(2.5));
  it('extrapolates past the horizon at the mean', () => expect(daysOfCover(20, [2, 2])).toBe(2 + 16 / 2));
  it('is null when nothing sells and 0 when nothing is available', () => {
    expect(daysOfCover(5, 0)).toBeNull();
    expect(daysOfCover(0, 3)).toBe(0);
  });
});

describe('lowStockList', () => {
  const stock = [
    { sku: 'A', warehouse: 'LDS', onHand: 8, reserved: 2, reorderPoint: 10 },
    { sku: 'B', warehouse: 'LDS', onHand: 4, reserved: 0, reorderPoint: 10 },
    { sku: 'C', warehouse: 'LDS', onHand: 50, reserved: 0, reorderPoint: 10 },
    { sku: 'D', warehouse: 'MAN', onHand: 1, reserved: 0, reorderPoint: 3 },
  ];

  it('lists stock below the reorder point, fewest days of cover first, unknown demand last', () => {
    const items = lowStockList({
      stock,
      forecasts: [
        { sku: 'A', warehouse: 'LDS', forecast: 1 },
        { sku: 'B', warehouse: 'LDS', forecast: [4, 4] },
        { sku: 'C', warehouse: 'LDS', forecast: 9 },
      ],
    });
    expect(items.map((i) => [i.sku, i.daysOfCover])).toEqual([['B', 1], ['A', 6], ['D', null]]);
    expect(items[0]).toMatchObject({ available: 4, belowBy: 6, demandPerDay: 4 });
  });

  it('refuses malformed records with a clear message', () => {
    expect(() => lowStockList({ stock: [{ ...stock[0]!, onHand: -1 }], forecasts: [] })).toThrow(InvalidInputError);
    expect(() => lowStockList({ stock: [{ ...stock[0]!, onHand: 1.5 }], forecasts: [] })).toThrow(/stock\.0\.onHand: must be a whole number/);
  });
});
