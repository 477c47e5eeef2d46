import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalog, readOrderBaskets } from '../../../ops/recommendations/index.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

describe('recommendation readers on the demo shop (small)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 7, now: NOW });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('reads every non-cancelled order as a basket of distinct products, oldest first', async () => {
    const baskets = await readOrderBaskets({ db: store.db });
    const kept = await store.db.selectFrom('orders').select('id').where('status', '!=', 'cancelled').execute();
    expect(baskets.map((b) => b.orderId).sort()).toEqual(kept.map((o) => o.id).sort());
    for (const b of baskets) expect(new Set(b.productIds).size).toBe(b.productIds.length);
    expect(baskets.map((b) => b.placedAt)).toEqual(baskets.map((b) => b.placedAt).sort());
    const before = await readOrderBaskets({ db: store.db, before: '2026-11-01T00:00:00.000Z' });
    expect(before.every((b) => b.placedAt < '2026-11-01T00:00:00.000Z')).toBe(true);
    expect(before.length).toBeLessThan(baskets.length);
  });

  it('reads active products with the best warehouse\'s available units', async () => {
    const catalog = await readCatalog({ db: store.db });
    const stock = await store.db.selectFrom('stock').selectAll().execute();
    for (const item of catalog) {
      const rows = stock.filter((s) => s.product_id === item.productId);
      expect(item.available).toBe(rows.length ? Math.max(...rows.map((s) => s.on_hand - s.reserved)) : 0);
    }
  });
});
