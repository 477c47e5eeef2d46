import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../core/errors.js';
import { estimateDemand, planPurchaseOrdersFromStore, readStock } from '../../../ops/index.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';
import { constantSales } from './purchasing-test-kit.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

describe('estimateDemand', () => {
  it('measures σ on the held-out last four weeks, bias included', () => {
    // 100 days of 4 then 28 days of 6: fitted on the 4s, the backtest forecasts 4 and misses by 2 every day.
    const estimate = estimateDemand({ dailySales: [0, 0, ...Array<number>(100).fill(4), ...Array<number>(28).fill(6)], horizonDays: 14 });
    expect(estimate?.forecastErrorSigma).toBeCloseTo(2, 6);
    expect(estimate).toMatchObject({ historyDays: 128, errorFrom: 'backtest' });
  });

  it('returns nothing for a SKU that never sold', () => {
    expect(estimateDemand({ dailySales: [0, 0, 0], horizonDays: 7 })).toBeNull();
  });
});

describe('planPurchaseOrdersFromStore on the demo shop (small)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('orders a hand-checkable item up to its order-up-to level, in packs and to the MOQ', async () => {
    // APP-1001 comes from Pennine Textiles (lead time 7 days). Constant sales of 4/day forecast 4/day
    // with no error, so: reorder point = 4 × 7 = 28; order-up-to = 4 × (7 + 7) = 56; available 10 →
    // need 46 → 4 packs of 12 = 48 → raised to the MOQ 60 = 5 packs.
    await constantSales(store.db, { sku: 'APP-1001', warehouse: 'LDS', unitsPerDay: 4, days: 120, now: NOW, onHand: 10 });
    await store.db.updateTable('products').set({ attributes: JSON.stringify({ colour: 'Moss', pack_size: 12, moq: 60 }) }).where('sku', '=', 'APP-1001').execute();

    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, sku: 'APP-1001', warehouse: 'LDS' });
    expect(plan.orders).toHaveLength(1);
    const [order] = plan.orders;
    expect(order?.supplier.name).toBe('Pennine Textiles Ltd');
    expect(order?.lines[0]).toMatchObject({
      sku: 'APP-1001', warehouse: 'LDS', position: 10, need: 46, quantity: 60, packs: 5, packSize: 12, moq: 60,
      policy: expect.objectContaining({ leadTimeDays: 7, safetyStockExact: 0, reorderPoint: 28, orderUpTo: 56 }),
    });
    expect(order?.lines[0]?.reasoning.join(' ')).toMatch(/Raised to the minimum order of 60/);
    expect(plan.assumptions).toMatchObject({ serviceLevel: 0.95, reviewPeriodDays: 7, termsRecorded: 1, leadTime: 'supplier' });
  });

  it('orders exactly the pairs at or below their reorder point, each from its own supplier', async () => {
    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW });
    const stock = await readStock({ db: store.db });
    const lines = plan.orders.flatMap((o) => o.lines);
    expect(lines.length).toBeGreaterThan(0);
    expect(plan.considered).toBe(stock.length);
    expect(lines.length + plan.skipped.length).toBe(plan.considered);
    for (const line of lines) {
      expect(line.position).toBeLessThanOrEqual(line.policy.reorderPoint);
      expect(line.quantity).toBeGreaterThanOrEqual(line.need);
    }
    for (const skip of plan.skipped) expect(skip.position > skip.reorderPoint || /No sales|already reaches/.test(skip.reason)).toBe(true);
    const suppliers = new Map((await store.db.selectFrom('products').select(['sku', 'supplier_id']).execute()).map((p) => [p.sku, p.supplier_id]));
    for (const order of plan.orders) for (const line of order.lines) expect(suppliers.get(line.sku)).toBe(order.supplier.id);
  });

  it('narrows to one warehouse, and to a supplier named loosely', async () => {
    const leeds = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, warehouse: 'lds' });
    expect(leeds.orders.flatMap((o) => o.lines).every((l) => l.warehouse === 'LDS')).toBe(true);
    const douro = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, supplier: 'calcado' });
    expect(douro.scope.supplier?.name).toBe('Calçado Douro Lda');
    expect(douro.orders.every((o) => o.supplier.name === 'Calçado Douro Lda')).toBe(true);
    expect(douro.considered).toBeGreaterThan(0);
  });

  it('says which name is wrong: unknown warehouse, unknown or ambiguous supplier', async () => {
    await expect(planPurchaseOrdersFromStore({ db: store.db, now: NOW, warehouse: 'XYZ' })).rejects.toMatchObject({ constructor: NotFoundError, details: { kind: 'warehouse' } });
    await expect(planPurchaseOrdersFromStore({ db: store.db, now: NOW, supplier: 'Acme' })).rejects.toMatchObject({ constructor: NotFoundError, details: { kind: 'supplier' } });
    await expect(planPurchaseOrdersFromStore({ db: store.db, now: NOW, supplier: 'cal' })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('skips a SKU with no sales instead of guessing its demand', async () => {
    await constantSales(store.db, { sku: 'APP-1002', warehouse: 'MAN', unitsPerDay: 0, days: 0, now: NOW, onHand: 0 });
    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, sku: 'APP-1002', warehouse: 'MAN' });
    expect(plan.orders).toEqual([]);
    expect(plan.noSales).toBe(1);
    expect(plan.skipped[0]?.reason).toMatch(/No sales in the last 364 days/);
  });
});
