import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../core/errors.js';
import {
  createDraftPurchaseOrders, listPurchaseOrders, planPurchaseOrdersFromStore, readOnOrder, type DraftPurchaseOrder,
} from '../../../ops/index.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';
import { constantSales } from './purchasing-test-kit.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const SCOPE = { sku: 'APP-1001', warehouse: 'LDS' } as const;

describe('draft purchase orders on the demo shop (small)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
    // Reorder point 28, order-up-to 56 (see plan-from-store.test.ts): with 10 available, 46 are ordered.
    await constantSales(store.db, { ...SCOPE, unitsPerDay: 4, days: 120, now: NOW, onHand: 10 });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('stores a confirmed suggestion as numbered drafts with lines and reasoning', async () => {
    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, ...SCOPE });
    const created = await createDraftPurchaseOrders({ db: store.db, orders: plan.orders, createdBy: 'staff:7', conversationId: 's-1', now: NOW });
    expect(created).toEqual([expect.objectContaining({ number: expect.stringMatching(/^PO-\d{6}$/), lineCount: 1, totalUnits: 46, totalMinor: null })]);
    const [stored] = await listPurchaseOrders({ db: store.db, status: 'draft' });
    expect(stored).toMatchObject({
      number: created[0]?.number, status: 'draft', supplier: { name: 'Pennine Textiles Ltd' }, createdBy: 'staff:7', conversationId: 's-1',
      createdAt: NOW.toISOString(), lines: [{ sku: 'APP-1001', warehouse: 'LDS', quantity: 46, packSize: 1 }],
    });
    expect(stored?.lines[0]?.reasoning.join(' ')).toMatch(/Reorder point 28/);
  });

  it('does not order the same units again when confirmed twice: drafts count as on order', async () => {
    expect((await readOnOrder({ db: store.db })).get('APP-1001\u0000LDS')).toBe(46);
    const again = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, ...SCOPE });
    expect(again.orders).toEqual([]);
    expect(again.skipped).toEqual([expect.objectContaining({ sku: 'APP-1001', warehouse: 'LDS', position: 56, reorderPoint: 28 })]);
    const created = await createDraftPurchaseOrders({ db: store.db, orders: again.orders, createdBy: 'staff:7', now: NOW });
    expect(created).toEqual([]);
    expect((await readOnOrder({ db: store.db })).get('APP-1001\u0000LDS')).toBe(46);
  });

  it('leaves nothing to order across the shop once every suggestion is a draft', async () => {
    const first = await planPurchaseOrdersFromStore({ db: store.db, now: NOW });
    expect(first.orders.length).toBeGreaterThan(0);
    await createDraftPurchaseOrders({ db: store.db, orders: first.orders, createdBy: 'staff:7', now: NOW });
    const second = await planPurchaseOrdersFromStore({ db: store.db, now: NOW });
    expect(second.orders).toEqual([]);
  });

  it('stops counting a cancelled purchase order, so its units are suggested again', async () => {
    const [draft] = await listPurchaseOrders({ db: store.db, status: 'draft', limit: 500 }).then((all) => all.filter((o) => o.lines.some((l) => l.sku === SCOPE.sku && l.warehouse === SCOPE.warehouse)));
    await store.db.updateTable('purchase_orders').set({ status: 'cancelled' }).where('id', '=', draft!.id).execute();
    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, ...SCOPE });
    expect(plan.orders[0]?.lines[0]).toMatchObject({ sku: 'APP-1001', quantity: 46 });
  });

  it('stores all orders or none, and refuses a line its supplier does not make', async () => {
    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW, ...SCOPE });
    const good = plan.orders[0] as DraftPurchaseOrder;
    const unknown: DraftPurchaseOrder = { ...good, lines: [{ ...good.lines[0]!, sku: 'NOPE-0000' }] };
    const before = await listPurchaseOrders({ db: store.db, limit: 500 });
    await expect(createDraftPurchaseOrders({ db: store.db, orders: [good, unknown], createdBy: 'staff:7', now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    const wrongSupplier: DraftPurchaseOrder = { ...good, supplier: { id: 4, name: 'Brightcell Electronics Co.' } };
    await expect(createDraftPurchaseOrders({ db: store.db, orders: [wrongSupplier], createdBy: 'staff:7', now: NOW })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(createDraftPurchaseOrders({ db: store.db, orders: [good], createdBy: 'someone', now: NOW })).rejects.toThrow(/staff:<id>/);
    expect(await listPurchaseOrders({ db: store.db, limit: 500 })).toHaveLength(before.length);
  });
});
