import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cancellationRateRule, lowStockRule, negativeSentimentRule, overdueOrdersRule, parseAlertsConfig, staleTrackingRule,
  type AlertsConfig, type AlertsConfigInput,
} from '../../../monitor/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { ago, DAY, HOUR, insertBasics, insertMessages, insertOrder, insertOrders, insertStock, lowStockFrom, NOW } from './fixtures.js';

const MINUTE = 60_000;

describe.each(storeKinds())('alert rules on %s', (kind) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore(kind);
    await insertBasics(store.db);
  });
  afterEach(async () => {
    await store.cleanup();
  });

  const config = (input: AlertsConfigInput = {}): AlertsConfig => parseAlertsConfig(input);
  const context = <K extends keyof AlertsConfig>(rule: K, input: AlertsConfigInput = {}) => ({ db: store.db, now: NOW, config: config(input)[rule] });

  describe('negative_sentiment', () => {
    beforeEach(async () => {
      // Baseline: 10% of 100 scored messages were negative over the week before the window.
      await insertMessages(store.db, { at: ago(2 * DAY), total: 100, negative: 10 });
      await insertMessages(store.db, { at: ago(9 * DAY), total: 50, negative: 50 }); // before the baseline: ignored
    });

    it('fires when the window share is well above the baseline', async () => {
      await insertMessages(store.db, { at: ago(10 * MINUTE), total: 20, negative: 10, unscored: 30 });
      const alerts = await negativeSentimentRule.evaluate(context('negative_sentiment'));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ rule: 'negative_sentiment', key: 'inbound', severity: 'warning' });
      expect(alerts[0]!.data).toMatchObject({ negative: 10, messages: 20, rate: 0.5, baselineRate: 0.1, threshold: 0.3 });
    });

    it('is critical from the critical rate', async () => {
      await insertMessages(store.db, { at: ago(10 * MINUTE), total: 20, negative: 14 });
      const [alert] = await negativeSentimentRule.evaluate(context('negative_sentiment'));
      expect(alert?.severity).toBe('critical');
    });

    it('stays quiet on a calm window', async () => {
      await insertMessages(store.db, { at: ago(10 * MINUTE), total: 20, negative: 4, unscored: 30 });
      expect(await negativeSentimentRule.evaluate(context('negative_sentiment'))).toEqual([]);
    });

    it('stays quiet on too few scored messages to judge', async () => {
      await insertMessages(store.db, { at: ago(10 * MINUTE), total: 5, negative: 5, unscored: 30 });
      expect(await negativeSentimentRule.evaluate(context('negative_sentiment'))).toEqual([]);
    });

    it('measures the spike against the baseline, not only the minimum rate', async () => {
      await insertMessages(store.db, { at: ago(3 * DAY), total: 100, negative: 70 }); // baseline now 80 of 200 = 40%
      await insertMessages(store.db, { at: ago(10 * MINUTE), total: 20, negative: 10 });
      expect(await negativeSentimentRule.evaluate(context('negative_sentiment'))).toEqual([]);
    });
  });

  describe('overdue_orders', () => {
    beforeEach(async () => {
      await insertOrder(store.db, { id: 103, status: 'delivered', placedAt: ago(10 * DAY), shipment: { status: 'delivered', shippedAt: ago(9 * DAY), promisedDate: '2026-11-19', deliveredAt: ago(7 * DAY) } });
      await insertOrder(store.db, { id: 104, status: 'shipped', placedAt: ago(3 * DAY), shipment: { status: 'in_transit', shippedAt: ago(2 * DAY), promisedDate: '2026-11-25' } });
      await insertOrder(store.db, { id: 105, status: 'cancelled', placedAt: ago(20 * DAY), shipment: { status: 'label_created', shippedAt: ago(19 * DAY), promisedDate: '2026-11-10' } });
    });

    it('summarises the open orders past their promised date, worst first', async () => {
      await insertOrder(store.db, { id: 102, status: 'shipped', placedAt: ago(4 * DAY), shipment: { status: 'delayed', shippedAt: ago(3 * DAY), promisedDate: '2026-11-24', carrier: 'Royal Mail' } });
      await insertOrder(store.db, { id: 101, status: 'shipped', placedAt: ago(8 * DAY), shipment: { status: 'in_transit', shippedAt: ago(7 * DAY), promisedDate: '2026-11-20' } });
      const alerts = await overdueOrdersRule.evaluate(context('overdue_orders'));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ rule: 'overdue_orders', key: '2026-11-25', severity: 'warning' });
      expect(alerts[0]!.data).toMatchObject({ count: 2, worst: [{ orderId: 101, daysLate: 5 }, { orderId: 102, daysLate: 1 }] });
      expect(alerts[0]!.table?.rows.map((r) => r[0])).toEqual(['101', '102']);
    });

    it('is critical from the critical count', async () => {
      await insertOrder(store.db, { id: 101, status: 'shipped', placedAt: ago(8 * DAY), shipment: { status: 'in_transit', shippedAt: ago(7 * DAY), promisedDate: '2026-11-20' } });
      const [alert] = await overdueOrdersRule.evaluate(context('overdue_orders', { overdue_orders: { criticalOrders: 1 } }));
      expect(alert?.severity).toBe('critical');
    });

    it('stays quiet when every open order is on time', async () => {
      expect(await overdueOrdersRule.evaluate(context('overdue_orders'))).toEqual([]);
    });
  });

  describe('low_stock', () => {
    const rule = () => lowStockRule(lowStockFrom(store.db));

    it('raises one alert per warehouse below the reorder point, critical when something ran out', async () => {
      await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10], ['MUG-2', 0, 0, 5], ['MUG-3', 50, 0, 10]] });
      await insertStock(store.db, { warehouseId: 2, rows: [['MUG-1', 3, 0, 10], ['MUG-3', 50, 0, 10]] });
      const alerts = await rule().evaluate(context('low_stock'));
      expect(alerts.map((a) => [a.key, a.severity, a.data.count])).toEqual([['BRS', 'warning', 1], ['LDS', 'critical', 2]]);
      expect(alerts[1]!.table?.rows.map((r) => r[0]).sort()).toEqual(['MUG-1', 'MUG-2']);
    });

    it('only watches the configured warehouses', async () => {
      await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10]] });
      await insertStock(store.db, { warehouseId: 2, rows: [['MUG-1', 3, 0, 10]] });
      const alerts = await rule().evaluate(context('low_stock', { low_stock: { warehouses: ['BRS'] } }));
      expect(alerts.map((a) => a.key)).toEqual(['BRS']);
    });

    it('stays quiet when stock is at or above the reorder point', async () => {
      await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 12, 2, 10], ['MUG-2', 40, 0, 5]] });
      expect(await rule().evaluate(context('low_stock'))).toEqual([]);
    });
  });

  describe('stale_tracking', () => {
    beforeEach(async () => {
      // A carrier update a day ago, a label made yesterday, a delivered parcel, a van out today.
      await insertOrder(store.db, {
        id: 202, status: 'shipped', placedAt: ago(6 * DAY), history: [{ status: 'shipped', at: ago(5 * DAY) }, { status: 'delayed', at: ago(DAY) }],
        shipment: { status: 'in_transit', shippedAt: ago(5 * DAY), promisedDate: '2026-11-27' },
      });
      await insertOrder(store.db, { id: 203, status: 'packed', placedAt: ago(2 * DAY), shipment: { status: 'label_created', shippedAt: ago(DAY), promisedDate: '2026-11-28' } });
      await insertOrder(store.db, { id: 204, status: 'delivered', placedAt: ago(12 * DAY), shipment: { status: 'delivered', shippedAt: ago(10 * DAY), promisedDate: '2026-11-18', deliveredAt: ago(8 * DAY) } });
      await insertOrder(store.db, { id: 205, status: 'shipped', placedAt: ago(6 * DAY), shipment: { status: 'out_for_delivery', shippedAt: ago(5 * DAY), promisedDate: '2026-11-25' } });
    });

    it('lists shipments with no update for longer than the threshold', async () => {
      await insertOrder(store.db, {
        id: 201, status: 'shipped', placedAt: ago(6 * DAY), history: [{ status: 'shipped', at: ago(5 * DAY) }],
        shipment: { status: 'in_transit', shippedAt: ago(5 * DAY), promisedDate: '2026-11-27', carrier: 'Evri' },
      });
      const alerts = await staleTrackingRule.evaluate(context('stale_tracking'));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ rule: 'stale_tracking', key: '2026-11-25', severity: 'warning' });
      expect(alerts[0]!.data).toMatchObject({ count: 1, carriers: ['Evri'], shipments: [{ orderId: 201, hoursSilent: 120 }] });
    });

    it('stays quiet when every open shipment moved recently', async () => {
      expect(await staleTrackingRule.evaluate(context('stale_tracking'))).toEqual([]);
      expect(await staleTrackingRule.evaluate(context('stale_tracking', { stale_tracking: { staleAfterHours: 6 * 24 } }))).toEqual([]);
    });
  });

  describe('cancellation_rate', () => {
    beforeEach(async () => {
      // Baseline: 4 of 200 orders cancelled (2%) over the four weeks before the window.
      await insertOrders(store.db, { firstId: 1000, count: 200, placedAt: ago(10 * DAY), cancelled: 4, cancelledAt: ago(10 * DAY - HOUR) });
    });

    it('fires when cancellations per order are well above the baseline', async () => {
      await insertOrders(store.db, { firstId: 2000, count: 30, placedAt: ago(3 * HOUR), cancelled: 6, cancelledAt: ago(2 * HOUR) });
      const alerts = await cancellationRateRule.evaluate(context('cancellation_rate'));
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ rule: 'cancellation_rate', key: 'orders', severity: 'warning' });
      expect(alerts[0]!.data).toMatchObject({ cancellations: 6, orders: 30, rate: 0.2, baselineRate: 0.02, threshold: 0.05 });
    });

    it('stays quiet on a normal day and on too few orders to judge', async () => {
      await insertOrders(store.db, { firstId: 2000, count: 30, placedAt: ago(3 * HOUR), cancelled: 1, cancelledAt: ago(2 * HOUR) });
      expect(await cancellationRateRule.evaluate(context('cancellation_rate'))).toEqual([]);
      expect(await cancellationRateRule.evaluate(context('cancellation_rate', { cancellation_rate: { minOrders: 31, minRate: 0.01 } }))).toEqual([]);
    });
  });
});
