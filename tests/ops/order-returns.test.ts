import { describe, expect, it } from 'vitest';
import { InvalidInputError, RuleViolationError } from '../../core/errors.js';
import { RETURN_WINDOW_DAYS, getOrder, returnableLines, startReturn } from '../../ops/index.js';
import { storeKinds } from '../helpers/store.js';
import { NOW, caught, daysFromNow, useMiniShop } from './order-test-kit.js';

describe.each(storeKinds())('returns on %s', (kind) => {
  const ctx = useMiniShop(kind);
  const ann = () => ctx().shop.customers.ann.id;
  const delivered = () => ctx().shop.orders.delivered;
  const linesOf = async (orderId: number) => (await getOrder({ db: ctx().store.db, customerId: ann(), orderId })).lines;
  const returnRows = () => ctx().store.db.selectFrom('returns').selectAll().execute();

  it('lists what can still be returned and until when', async () => {
    const result = await returnableLines({ db: ctx().store.db, customerId: ann(), orderId: delivered(), now: NOW });
    // Delivered 5 days before NOW (2026-11-20), so the 30-day window ends on 2026-12-20.
    expect(result).toMatchObject({ orderId: delivered(), currency: 'GBP', returnBy: '2026-12-20' });
    expect(result.lines.map((line) => [line.lineNo, line.name, line.returnableQuantity])).toEqual([[1, 'Blue mug', 2], [2, 'Grey T-shirt (M)', 1]]);
  });

  it('refunds a partial return from the lines only and keeps the order delivered', async () => {
    const [mug] = await linesOf(delivered());
    const result = await ctx().store.db.transaction().execute((trx) =>
      startReturn({ db: trx, customerId: ann(), orderId: delivered(), lines: [{ lineId: mug!.lineId, quantity: 1 }], reason: 'chipped', actor: 'customer:1', now: NOW }),
    );
    expect(result).toMatchObject({ refundMinor: 1200, currency: 'GBP', orderStatus: 'delivered', lines: [{ lineId: mug!.lineId, quantity: 1, refundMinor: 1200 }] });
    const order = await getOrder({ db: ctx().store.db, customerId: ann(), orderId: delivered() });
    expect(order.status).toBe('delivered');
    expect(order.lines.map((line) => line.returnedQuantity)).toEqual([1, 0]);
    expect(order.returns).toEqual([{ id: result.returnId, status: 'requested', refundMinor: 1200, createdAt: NOW.toISOString() }]);
    expect(order.history.at(-1)).toMatchObject({ status: 'delivered', at: NOW.toISOString() });
    const returnLines = await ctx().store.db.selectFrom('return_lines').select(['order_line_id', 'quantity']).where('return_id', '=', result.returnId).execute();
    expect(returnLines).toEqual([{ order_line_id: mug!.lineId, quantity: 1 }]);
    expect((await returnRows())[0]).toMatchObject({ reason: 'chipped', customer_id: ann() });
  });

  it('marks the order returned once every unit is, without refunding shipping', async () => {
    const [mug] = await linesOf(delivered());
    await startReturn({ db: ctx().store.db, customerId: ann(), orderId: delivered(), lines: [{ lineId: mug!.lineId, quantity: 1 }], actor: 'customer:1', now: NOW });
    const rest = await startReturn({ db: ctx().store.db, customerId: ann(), orderId: delivered(), lines: 'all', actor: 'customer:1', now: NOW });
    expect(rest).toMatchObject({ refundMinor: 1200 + 2500, orderStatus: 'returned' });
    const order = await getOrder({ db: ctx().store.db, customerId: ann(), orderId: delivered() });
    expect(order).toMatchObject({ status: 'returned', totalMinor: 2 * 1200 + 2500 + 495 });
    expect(order.returns.reduce((sum, ret) => sum + ret.refundMinor, 0)).toBe(4900);
    const again = await caught(startReturn({ db: ctx().store.db, customerId: ann(), orderId: delivered(), lines: 'all', actor: 'customer:1', now: NOW }));
    expect(again.code).toBe('nothing_to_return');
  });

  it(`keeps the window open on day ${RETURN_WINDOW_DAYS} and closes it on day 31`, async () => {
    const ref = { db: ctx().store.db, customerId: ann(), orderId: delivered() };
    // The order was delivered 5 days before NOW.
    await expect(returnableLines({ ...ref, now: daysFromNow(25) })).resolves.toMatchObject({ returnBy: '2026-12-20' });
    const closed = await caught(startReturn({ ...ref, lines: 'all', actor: 'customer:1', now: daysFromNow(26) }));
    expect(closed).toBeInstanceOf(RuleViolationError);
    expect(closed.code).toBe('return_window_closed');
    expect(closed.userMessage).toContain('20 December 2026');
    expect(await returnRows()).toEqual([]);
  });

  it('refuses an order delivered 40 days ago unless the window is widened', async () => {
    const ref = { db: ctx().store.db, customerId: ann(), orderId: ctx().shop.orders.deliveredLongAgo, actor: 'customer:1' as const, now: NOW };
    expect((await caught(startReturn({ ...ref, lines: 'all' }))).code).toBe('return_window_closed');
    await expect(startReturn({ ...ref, lines: 'all', returnWindowDays: 45 })).resolves.toMatchObject({ orderStatus: 'returned', refundMinor: 3900 });
  });

  it('refuses more units than are left, and changes nothing', async () => {
    const [mug] = await linesOf(delivered());
    const error = await caught(startReturn({ db: ctx().store.db, customerId: ann(), orderId: delivered(), lines: [{ lineId: mug!.lineId, quantity: 3 }], actor: 'customer:1', now: NOW }));
    expect(error).toMatchObject({ code: 'return_quantity_exceeded' });
    expect(error.userMessage).toContain('at most 2 × Blue mug');
    expect((await linesOf(delivered())).map((line) => line.returnedQuantity)).toEqual([0, 0]);
    expect(await returnRows()).toEqual([]);
  });

  it('refuses lines that are not on the order, repeated or of zero units', async () => {
    const [otherLine] = await linesOf(ctx().shop.orders.paid);
    const [mug] = await linesOf(delivered());
    const attempts = [
      [{ lineId: otherLine!.lineId, quantity: 1 }],
      [{ lineId: mug!.lineId, quantity: 1 }, { lineId: mug!.lineId, quantity: 1 }],
      [{ lineId: mug!.lineId, quantity: 0 }],
      [],
    ];
    for (const lines of attempts) {
      const error = await caught(startReturn({ db: ctx().store.db, customerId: ann(), orderId: delivered(), lines, actor: 'customer:1', now: NOW }));
      expect(error).toBeInstanceOf(InvalidInputError);
    }
    expect(await returnRows()).toEqual([]);
  });

  it('refuses orders that have not arrived, suggesting a cancellation while one is possible', async () => {
    const { orders } = ctx().shop;
    const paid = await caught(startReturn({ db: ctx().store.db, customerId: ann(), orderId: orders.paid, lines: 'all', actor: 'customer:1', now: NOW }));
    expect(paid).toMatchObject({ code: 'order_not_delivered', suggestion: 'cancel_order' });
    const shipped = await caught(returnableLines({ db: ctx().store.db, customerId: ann(), orderId: orders.shippedDelayed, now: NOW }));
    expect(shipped).toMatchObject({ code: 'order_not_delivered', suggestion: undefined });
  });

  it('plans without writing on a dry run', async () => {
    const plan = await startReturn({ db: ctx().store.db, customerId: ann(), orderId: delivered(), lines: 'all', actor: 'customer:1', now: NOW, dryRun: true });
    expect(plan).toMatchObject({ refundMinor: 4900, orderStatus: 'returned' });
    expect(plan).not.toHaveProperty('returnId');
    expect(await returnRows()).toEqual([]);
  });

  it('leaves nothing behind when the caller\'s transaction rolls back', async () => {
    const { db } = ctx().store;
    const failing = db.transaction().execute(async (trx) => {
      await startReturn({ db: trx, customerId: ann(), orderId: delivered(), lines: 'all', actor: 'customer:1', now: NOW });
      throw new Error('the turn failed after the tool ran');
    });
    await expect(failing).rejects.toThrow('the turn failed');
    expect(await returnRows()).toEqual([]);
    expect((await linesOf(delivered())).map((line) => line.returnedQuantity)).toEqual([0, 0]);
    expect((await getOrder({ db, customerId: ann(), orderId: delivered() })).status).toBe('delivered');
  });
});
