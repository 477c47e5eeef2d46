import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLowStock, listStockOuts, readStock } from '../../../ops/inventory/index.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

describe('inventory on the demo shop (small)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('lists exactly the stock below its reorder point, most urgent first', async () => {
    const report = await listLowStock({ db: store.db, now: NOW });
    const stock = await readStock({ db: store.db });
    const expected = stock.filter((s) => s.onHand - s.reserved < s.reorderPoint).map((s) => `${s.sku}@${s.warehouse}`);
    expect(report.demand).toBe('trailing-average');
    expect(report.items.length).toBeGreaterThan(0);
    expect(report.items.map((i) => `${i.sku}@${i.warehouse}`).sort()).toEqual(expected.sort());
    const covers = report.items.map((i) => i.daysOfCover).filter((c): c is number => c !== null);
    expect(covers).toEqual([...covers].sort((a, b) => a - b));
    for (const item of report.items) expect(item.available).toBeGreaterThanOrEqual(0);
  });

  it('filters by warehouse and takes given forecasts', async () => {
    const stock = await readStock({ db: store.db, warehouses: ['LDS'] });
    const forecasts = stock.map((s) => ({ sku: s.sku, warehouse: s.warehouse, forecast: 1 }));
    const report = await listLowStock({ db: store.db, now: NOW, warehouses: ['LDS'], forecasts });
    expect(report.demand).toBe('forecast');
    expect(report.items.every((i) => i.warehouse === 'LDS' && i.daysOfCover === i.available)).toBe(true);
  });

  it('reports stock-outs from sales history, ongoing ones matching zero stock now', async () => {
    const events = await listStockOuts({ db: store.db, now: NOW, lastDays: 30 });
    const stock = await readStock({ db: store.db });
    for (const event of events.filter((e) => e.ongoing)) {
      const row = stock.find((s) => s.sku === event.sku && s.warehouse === event.warehouse);
      expect(event.evidence.includes('zero-sales-out-now') ? row!.onHand - row!.reserved : 0).toBe(0);
    }
    for (const event of events) expect(event.end >= '2026-10-25').toBe(true);
  });
});
