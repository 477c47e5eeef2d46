import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processMetrics, quantile } from '../../../ops/metrics/index.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';
import { insertOrder, insertReference, type OrderSpec } from './metrics-kit.js';

const FROM = '2026-10-01';
const TO = '2026-11-01';

/**
 * October's cohort: four delivered orders (36 h, 71 h, 72 h late, 24 h), one in transit, one
 * cancelled by staff, one by the customer, one still open; two orders just outside the period.
 */
const ORDERS: OrderSpec[] = [
  { id: 1, placedAt: '2026-10-01T00:00:00.000Z', status: 'delivered', lines: [[1, 2]], shipment: { promised: '2026-10-03', deliveredAt: '2026-10-02T12:00:00.000Z' }, returned: { quantity: 1, status: 'received' } },
  { id: 2, placedAt: '2026-10-02T00:00:00.000Z', status: 'delivered', lines: [[1, 1]], shipment: { promised: '2026-10-04', deliveredAt: '2026-10-04T23:00:00.000Z' } },
  { id: 3, placedAt: '2026-10-03T00:00:00.000Z', status: 'delivered', lines: [[1, 1], [2, 2]], shipment: { promised: '2026-10-05', deliveredAt: '2026-10-06T00:00:00.000Z' } },
  { id: 4, placedAt: '2026-10-04T00:00:00.000Z', status: 'delivered', lines: [[2, 1]], shipment: { promised: '2026-10-06', deliveredAt: '2026-10-05T00:00:00.000Z' }, returned: { quantity: 1, status: 'rejected' } },
  { id: 5, placedAt: '2026-10-05T00:00:00.000Z', status: 'shipped', lines: [[1, 2]], shipment: { promised: '2026-10-30', deliveredAt: null } },
  { id: 6, placedAt: '2026-10-06T00:00:00.000Z', status: 'cancelled', lines: [[2, 4]], cancelledBy: 'staff:3' },
  { id: 7, placedAt: '2026-10-07T00:00:00.000Z', status: 'cancelled', lines: [[1, 5]], cancelledBy: 'customer:1' },
  { id: 8, placedAt: '2026-10-08T00:00:00.000Z', status: 'paid', lines: [[1, 1]] },
  { id: 9, placedAt: '2026-09-30T23:59:59.000Z', status: 'delivered', lines: [[1, 10]], shipment: { promised: '2026-10-01', deliveredAt: '2026-10-09T00:00:00.000Z' } },
  { id: 10, placedAt: '2026-11-01T00:00:00.000Z', status: 'delivered', lines: [[1, 10]], shipment: { promised: '2026-11-02', deliveredAt: '2026-11-09T00:00:00.000Z' } },
];

describe('processMetrics on hand-made orders', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
    await insertReference(store.db);
    for (const order of ORDERS) await insertOrder(store.db, order);
    await store.db.insertInto('stock').values([
      { warehouse_id: 1, product_id: 1, on_hand: 10, reserved: 0, reorder_point: 2, updated_at: FROM },
      { warehouse_id: 1, product_id: 2, on_hand: 5, reserved: 5, reorder_point: 2, updated_at: FROM },
      { warehouse_id: 2, product_id: 1, on_hand: 0, reserved: 0, reorder_point: 2, updated_at: FROM },
      { warehouse_id: 1, product_id: 3, on_hand: 100, reserved: 0, reorder_point: 2, updated_at: FROM },
    ]).execute();
    await store.db.insertInto('sales_daily').values([
      { date: '2026-09-30', units: 99 }, { date: '2026-10-05', units: 20 }, { date: '2026-10-31', units: 10 }, { date: '2026-11-01', units: 99 },
    ].map((s) => ({ ...s, product_id: 1, warehouse_id: 1, revenue_minor: 0, promo: 0 }))).execute();
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('computes every metric with its counts', async () => {
    const m = await processMetrics({ db: store.db, from: FROM, to: TO });
    expect(m.from).toBe('2026-10-01T00:00:00.000Z');
    expect(m.cycleTime).toMatchObject({ value: 53.5, medianHours: 53.5, p90Hours: 71.7, medianDays: 2.23, p90Days: 2.99, counts: { deliveredOrders: 4 } });
    expect(m.onTimeDelivery).toMatchObject({ value: 0.75, counts: { delivered: 4, onTime: 3 } });
    expect(m.fillRate).toMatchObject({ value: 0.6923, counts: { unitsOrdered: 13, unitsShipped: 9, ordersDecided: 6, ordersShipped: 5 } });
    expect(m.stockOutRate).toMatchObject({ value: 0.6667, counts: { skuWarehouses: 3, stockedOut: 2 } });
    expect(m.inventoryTurnover).toMatchObject({ value: 2, annualised: 23.5484, counts: { unitsSold: 30, unitsOnHand: 15, days: 31 } });
    expect(m.returnRate).toMatchObject({ value: 0.25, unitRate: 0.1429, counts: { deliveredOrders: 4, returnedOrders: 1, deliveredUnits: 7, returnedUnits: 1 } });
    for (const metric of [m.cycleTime, m.onTimeDelivery, m.fillRate, m.stockOutRate, m.inventoryTurnover, m.returnRate]) {
      expect(metric.definition.length).toBeGreaterThan(20);
    }
  });

  it('returns nulls, not NaN, for a period without orders', async () => {
    const m = await processMetrics({ db: store.db, from: new Date('2025-01-01T00:00:00Z'), to: '2025-02-01T00:00:00Z' });
    expect(m.cycleTime.value).toBeNull();
    expect(m.onTimeDelivery).toMatchObject({ value: null, counts: { delivered: 0, onTime: 0 } });
    expect(m.fillRate.value).toBeNull();
    expect(m.returnRate.value).toBeNull();
    expect(m.inventoryTurnover.value).toBe(0);
  });

  it('rejects a malformed or empty period with a typed error', async () => {
    for (const period of [{ from: '2026-10-01', to: '2026-10-01' }, { from: 'last week', to: TO }, { from: '2026-11-01', to: '2026-10-01' }]) {
      await expect(processMetrics({ db: store.db, ...period })).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });
});

describe('quantile', () => {
  it('interpolates between closest ranks', () => {
    expect(quantile([24, 36, 71, 72], 0.5)).toBe(53.5);
    expect(quantile([24, 36, 71, 72], 0.9)).toBeCloseTo(71.7, 10);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });
});
