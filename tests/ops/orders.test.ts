import { describe, expect, it } from 'vitest';
import { NotFoundError, RuleViolationError } from '../../core/errors.js';
import { cancelOrder, changeDeliveryAddress, getOrder, listRecentOrders, returnableLines, startReturn, verifyOrderEmail } from '../../ops/index.js';
import { ANN_ADDRESS } from '../fixtures/mini-shop.js';
import { storeKinds } from '../helpers/store.js';
import { NOW, caught, useMiniShop, visible } from './order-test-kit.js';

describe.each(storeKinds())('orders on %s', (kind) => {
  const ctx = useMiniShop(kind);
  const ann = () => ctx().shop.customers.ann.id;
  const historyOf = (orderId: number) =>
    ctx().store.db.selectFrom('order_status_history').selectAll().where('order_id', '=', orderId).orderBy('id').execute();

  describe('reading', () => {
    it('shows an order with its lines, a delayed shipment and its history', async () => {
      const { orders } = ctx().shop;
      const order = await getOrder({ db: ctx().store.db, customerId: ann(), orderId: orders.shippedDelayed });
      expect(order).toMatchObject({ id: orders.shippedDelayed, status: 'shipped', currency: 'GBP', totalMinor: 2500 + 495, deliveryAddress: ANN_ADDRESS });
      expect(order.lines).toEqual([expect.objectContaining({ lineNo: 1, sku: 'TEE-GREY-M', quantity: 1, unitPriceMinor: 2500, returnedQuantity: 0 })]);
      expect(order.shipment).toMatchObject({ carrier: 'Royal Mail', status: 'delayed', delayed: true, deliveredAt: null });
      expect(order.history.map((entry) => entry.status)).toEqual(['paid', 'packed', 'shipped']);
      expect(order.returns).toEqual([]);
    });

    it('does not call a delivery that arrived before its promised date delayed', async () => {
      const order = await getOrder({ db: ctx().store.db, customerId: ann(), orderId: ctx().shop.orders.delivered });
      expect(order.shipment).toMatchObject({ status: 'delivered', delayed: false });
      expect(order.lines.map((line) => line.quantity)).toEqual([2, 1]);
    });

    it('lists only the customer\'s own orders, newest first, up to the limit', async () => {
      const { orders } = ctx().shop;
      const all = await listRecentOrders({ db: ctx().store.db, customerId: ann(), limit: 10 });
      expect(all.map((order) => order.id)).toEqual([orders.paid, orders.packed, orders.shippedDelayed, orders.delivered, orders.cancelled, orders.deliveredLongAgo]);
      expect(all[3]).toMatchObject({ itemCount: 3, items: [{ name: 'Blue mug', quantity: 2 }, { name: 'Grey T-shirt (M)', quantity: 1 }] });
      expect(await listRecentOrders({ db: ctx().store.db, customerId: ann() })).toHaveLength(5);
    });
  });

  describe('ownership', () => {
    it('treats another customer\'s order exactly like a missing one, for every action', async () => {
      const { db } = ctx().store;
      const theirs = { db, customerId: ann(), orderId: ctx().shop.orders.othersPaid };
      const missing = { db, customerId: ann(), orderId: 999_999 };
      const actions = [
        (ref: typeof theirs) => getOrder(ref),
        (ref: typeof theirs) => cancelOrder({ ...ref, actor: 'customer:1', now: NOW }),
        (ref: typeof theirs) => changeDeliveryAddress({ ...ref, address: ANN_ADDRESS, actor: 'customer:1', now: NOW }),
        (ref: typeof theirs) => returnableLines({ ...ref, now: NOW }),
        (ref: typeof theirs) => startReturn({ ...ref, lines: 'all', actor: 'customer:1', now: NOW }),
      ];
      for (const action of actions) {
        const other = await caught(action(theirs));
        expect(other).toBeInstanceOf(NotFoundError);
        expect(visible(other)).toEqual(visible(await caught(action(missing))));
      }
      expect(await getOrder({ db, customerId: ctx().shop.customers.bob.id, orderId: theirs.orderId })).toMatchObject({ status: 'paid' });
    });
  });

  describe('cancelling', () => {
    it('cancels a paid order inside the caller\'s transaction, records who did it and refunds the full total', async () => {
      const { db } = ctx().store;
      const orderId = ctx().shop.orders.paid;
      const result = await db.transaction().execute((trx) => cancelOrder({ db: trx, customerId: ann(), orderId, actor: 'customer:1', now: NOW }));
      expect(result).toMatchObject({ orderId, refundMinor: 2 * 1200 + 495, currency: 'GBP', order: { status: 'cancelled' } });
      const row = await db.selectFrom('orders').select(['status', 'updated_at']).where('id', '=', orderId).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'cancelled', updated_at: NOW.toISOString() });
      expect((await historyOf(orderId)).at(-1)).toMatchObject({ status: 'cancelled', actor: 'customer:1', at: NOW.toISOString() });
    });

    it('cancels a packed order', async () => {
      const result = await cancelOrder({ db: ctx().store.db, customerId: ann(), orderId: ctx().shop.orders.packed, actor: 'customer:1', now: NOW });
      expect(result.order.status).toBe('cancelled');
    });

    it('checks without writing on a dry run', async () => {
      const orderId = ctx().shop.orders.paid;
      const plan = await cancelOrder({ db: ctx().store.db, customerId: ann(), orderId, actor: 'customer:1', now: NOW, dryRun: true });
      expect(plan).toEqual({ orderId, refundMinor: 2895, currency: 'GBP' });
      expect((await getOrder({ db: ctx().store.db, customerId: ann(), orderId })).status).toBe('paid');
    });

    it('refuses a dispatched order and points to a return instead, changing nothing', async () => {
      const orderId = ctx().shop.orders.shippedDelayed;
      const before = await historyOf(orderId);
      const error = await caught(cancelOrder({ db: ctx().store.db, customerId: ann(), orderId, actor: 'customer:1', now: NOW }));
      expect(error).toBeInstanceOf(RuleViolationError);
      expect(error).toMatchObject({ code: 'order_dispatched', suggestion: 'start_return' });
      expect(error.userMessage).toContain(`Order ${orderId} has already been dispatched`);
      expect((await getOrder({ db: ctx().store.db, customerId: ann(), orderId })).status).toBe('shipped');
      expect(await historyOf(orderId)).toEqual(before);
    });

    it.each([
      ['delivered', 'order_dispatched'],
      ['cancelled', 'order_already_cancelled'],
    ] as const)('refuses a %s order with %s', async (which, code) => {
      const orderId = ctx().shop.orders[which];
      const error = await caught(cancelOrder({ db: ctx().store.db, customerId: ann(), orderId, actor: 'customer:1', now: NOW }));
      expect(error.code).toBe(code);
    });

    it('refuses a returned order as not cancellable', async () => {
      const orderId = ctx().shop.orders.delivered;
      await startReturn({ db: ctx().store.db, customerId: ann(), orderId, lines: 'all', actor: 'customer:1', now: NOW });
      const error = await caught(cancelOrder({ db: ctx().store.db, customerId: ann(), orderId, actor: 'customer:1', now: NOW }));
      expect(error.code).toBe('order_not_cancellable');
    });
  });

  describe('changing the delivery address', () => {
    const newAddress = { name: 'Ann Lee', line1: '3 Park Row', line2: 'Flat 4', city: 'Leeds', postcode: 'ls1 5hd', country: 'gb' };

    it('changes it before dispatch, normalised, with a history note', async () => {
      const orderId = ctx().shop.orders.packed;
      const result = await changeDeliveryAddress({ db: ctx().store.db, customerId: ann(), orderId, address: newAddress, actor: 'customer:1', now: NOW });
      expect(result.order.deliveryAddress).toEqual({ ...newAddress, postcode: 'LS1 5HD', country: 'GB' });
      expect(result.previousAddress).toEqual(ANN_ADDRESS);
      expect(result.order.status).toBe('packed');
      expect((await historyOf(orderId)).at(-1)).toMatchObject({ status: 'packed', actor: 'customer:1', note: 'delivery address changed' });
    });

    it.each([
      ['a postcode of the wrong shape', { postcode: '12345' }, /postcode in the UK/],
      ['a country we do not deliver to', { country: 'US' }, /don't deliver to "US"/],
      ['a missing town', { city: '  ' }, /town or city/],
    ])('refuses %s with a readable reason', async (_name, change, reason) => {
      const orderId = ctx().shop.orders.paid;
      const error = await caught(changeDeliveryAddress({ db: ctx().store.db, customerId: ann(), orderId, address: { ...newAddress, ...change }, actor: 'customer:1', now: NOW }));
      expect(error.code).toBe('invalid_input');
      expect(error.userMessage).toMatch(reason);
      expect((await getOrder({ db: ctx().store.db, customerId: ann(), orderId })).deliveryAddress).toEqual(ANN_ADDRESS);
    });

    it('accepts a Norwegian address and refuses a change after dispatch', async () => {
      const oslo = { name: 'Ann Lee', line1: 'Karl Johans gate 5', city: 'Oslo', postcode: '0154', country: 'NO' };
      await changeDeliveryAddress({ db: ctx().store.db, customerId: ann(), orderId: ctx().shop.orders.paid, address: oslo, actor: 'customer:1', now: NOW });
      const error = await caught(changeDeliveryAddress({ db: ctx().store.db, customerId: ann(), orderId: ctx().shop.orders.shippedDelayed, address: oslo, actor: 'customer:1', now: NOW }));
      expect(error).toMatchObject({ code: 'order_dispatched' });
    });
  });

  describe('verifying an order by e-mail', () => {
    it('matches the order\'s customer ignoring case and spaces', async () => {
      const { db } = ctx().store;
      const { orders, customers } = ctx().shop;
      expect(await verifyOrderEmail({ db, orderId: orders.delivered, email: ' ANN@Example.com ' })).toBe(customers.ann.id);
      expect(await verifyOrderEmail({ db, orderId: orders.othersPaid, email: 'bob.berg@example.NO' })).toBe(customers.bob.id);
    });

    it('returns null for a wrong pair or an unknown order alike', async () => {
      const { db } = ctx().store;
      const { orders, customers } = ctx().shop;
      expect(await verifyOrderEmail({ db, orderId: orders.paid, email: customers.bob.email })).toBeNull();
      expect(await verifyOrderEmail({ db, orderId: orders.paid, email: '' })).toBeNull();
      expect(await verifyOrderEmail({ db, orderId: 999_999, email: customers.ann.email })).toBeNull();
      expect(await verifyOrderEmail({ db, orderId: -3, email: customers.ann.email })).toBeNull();
    });
  });
});
