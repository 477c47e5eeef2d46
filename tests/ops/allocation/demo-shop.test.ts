import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostcodeLocator, distanceShippingCost, explainOrderWarehouse } from '../../../ops/allocation/index.js';
import { FIRST_ORDER_ID } from '../../../store/seed/index.js';
import { TOWNS } from '../../../store/seed/uk-data.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

describe('why an order shipped from its warehouse (demo shop, small)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  const shippingCost = distanceShippingCost({ locate: createPostcodeLocator(TOWNS), tariff: { baseMinor: 250, perKmMinor: 1 } });

  it('explains the warehouse of seeded orders against today\'s stock', async () => {
    for (let orderId = FIRST_ORDER_ID; orderId < FIRST_ORDER_ID + 10; orderId += 1) {
      const answer = await explainOrderWarehouse({ db: store.db, orderId, shippingCost });
      expect(['LDS', 'MAN', 'MKN']).toContain(answer.shippedFrom);
      expect(answer.stockBasis).toBe('now-plus-order');
      expect(answer.explanation).toMatch(/^It shipped from (Leeds|Manchester|Milton Keynes)/);
      // The order's own units are added back, so its warehouse can always fill it.
      expect(answer.plan.assessments.find((a) => a.warehouse === answer.shippedFrom)?.canFillAll).toBe(true);
    }
  });

  it('treats a missing order, or another customer\'s, as not found', async () => {
    await expect(explainOrderWarehouse({ db: store.db, orderId: 1, shippingCost })).rejects.toMatchObject({ code: 'not_found' });
    await expect(explainOrderWarehouse({ db: store.db, orderId: FIRST_ORDER_ID, customerId: 999_999, shippingCost })).rejects.toMatchObject({ code: 'not_found' });
  });
});
