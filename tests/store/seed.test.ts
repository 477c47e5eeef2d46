import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { isCounterpartError } from '../../core/errors.js';
import type { Database } from '../../store/schema.js';
import { DEMO_CUSTOMER, isDatabaseEmpty, seedDemoShop, type SeedSummary } from '../../store/seed/index.js';
import { openTestStore, storeKinds, type TestStore } from '../helpers/store.js';

// A Tuesday afternoon; every seeded date is derived from it.
const NOW = new Date('2026-03-10T14:30:00.000Z');
const YESTERDAY = '2026-03-09';
const DAY_MS = 86_400_000;
const SALES_DAYS = 90;

async function digest(db: Kysely<Database>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(await db.selectFrom('orders').selectAll().orderBy('id').execute()));
  hash.update(JSON.stringify(await db.selectFrom('order_lines').selectAll().orderBy('id').execute()));
  hash.update(JSON.stringify(await db.selectFrom('shipments').selectAll().orderBy('id').execute()));
  hash.update(JSON.stringify(await db.selectFrom('sales_daily').selectAll().orderBy('product_id').orderBy('warehouse_id').orderBy('date').execute()));
  return hash.digest('hex');
}

describe.each(storeKinds())('seedDemoShop at small scale on %s', (kind) => {
  let store: TestStore;
  let summary: SeedSummary;

  beforeAll(async () => {
    store = await openTestStore(kind);
    expect(await isDatabaseEmpty(store.db)).toBe(true);
    const started = performance.now();
    summary = await seedDemoShop(store.db, { scale: 'small', now: NOW });
    console.info(`[seed] small scale on ${kind}: ${Math.round(performance.now() - started)} ms`);
  });

  afterAll(async () => {
    await store?.cleanup();
  });

  it('leaves a non-empty shop whose counts match the summary', async () => {
    expect(await isDatabaseEmpty(store.db)).toBe(false);
    const orders = await store.db.selectFrom('orders').select('id').execute();
    const products = await store.db.selectFrom('products').select('id').execute();
    const warehouses = await store.db.selectFrom('warehouses').select('code').execute();
    expect(orders).toHaveLength(summary.counts.orders);
    expect(products).toHaveLength(summary.counts.products);
    expect(summary.counts.orders).toBeGreaterThanOrEqual(150);
    expect(summary.counts.customers).toBeGreaterThanOrEqual(20);
    expect(warehouses.map((w) => w.code).sort()).toEqual(['LDS', 'MAN', 'MKN']);
    expect(Math.min(...orders.map((o) => o.id))).toBe(100001);
  });

  it('contains the products the demo shop page shows, at its prices', async () => {
    const featured = await store.db.selectFrom('products').select(['name', 'price_minor'])
      .where('name', 'in', ['Borrowdale Waterproof Jacket', 'Langdale Walking Boots', 'Coniston Merino Base Layer', 'Swaledale Wool Throw'])
      .orderBy('name').execute();
    expect(featured).toEqual([
      { name: 'Borrowdale Waterproof Jacket', price_minor: 14900 },
      { name: 'Coniston Merino Base Layer', price_minor: 5500 },
      { name: 'Langdale Walking Boots', price_minor: 11900 },
      { name: 'Swaledale Wool Throw', price_minor: 8500 },
    ]);
  });

  it('refuses to seed a shop that already has products', async () => {
    const error = await seedDemoShop(store.db, { scale: 'small', now: NOW }).catch((e: unknown) => e);
    expect(isCounterpartError(error) && error.code).toBe('seed_target_not_empty');
  });

  it('gives the demo customer one order for every case the bot demo needs', async () => {
    const customer = await store.db.selectFrom('customers').selectAll().where('id', '=', DEMO_CUSTOMER.id).executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ email: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name });
    const orders = await store.db.selectFrom('orders')
      .leftJoin('shipments', 'shipments.order_id', 'orders.id')
      .select(['orders.id', 'orders.status', 'shipments.status as shipment', 'shipments.promised_date', 'shipments.estimated_date', 'shipments.delivered_at'])
      .where('orders.customer_id', '=', DEMO_CUSTOMER.id)
      .execute();
    const byId = new Map(orders.map((o) => [o.id, o]));
    const ids = summary.demoOrders;
    expect(byId.get(ids.paid)?.status).toBe('paid');
    expect(byId.get(ids.packed)?.status).toBe('packed');
    expect(byId.get(ids.cancelled)?.status).toBe('cancelled');
    expect(byId.get(ids.returned)?.status).toBe('returned');

    const delayed = byId.get(ids.shippedDelayed)!;
    expect(delayed).toMatchObject({ status: 'shipped', shipment: 'delayed' });
    expect(delayed.estimated_date! > delayed.promised_date!).toBe(true);
    const onTime = byId.get(ids.shippedOnTime)!;
    expect(onTime.status).toBe('shipped');
    expect(onTime.shipment).not.toBe('delayed');
    expect(onTime.estimated_date).toBe(onTime.promised_date);
    expect(onTime.promised_date! > YESTERDAY).toBe(true);

    const recent = byId.get(ids.deliveredRecent)!;
    expect(recent.status).toBe('delivered');
    expect(Date.parse(recent.delivered_at!)).toBeGreaterThan(NOW.getTime() - 10 * DAY_MS);
    const old = byId.get(ids.deliveredOld)!;
    expect(old.status).toBe('delivered');
    expect(Date.parse(old.delivered_at!)).toBeLessThan(NOW.getTime() - 60 * DAY_MS);

    const recentReturns = await store.db.selectFrom('returns').select('id').where('order_id', '=', ids.deliveredRecent).execute();
    expect(recentReturns).toHaveLength(0);
  });

  it('gives plenty of other customers paid, cancellable orders', async () => {
    const paid = await store.db.selectFrom('orders').select('customer_id').distinct()
      .where('status', '=', 'paid').where('customer_id', '<>', DEMO_CUSTOMER.id).execute();
    expect(paid.length).toBeGreaterThanOrEqual(3);
  });

  it('prices every order as its lines plus shipping, copying SKU, name and price from the product', async () => {
    const orders = await store.db.selectFrom('orders').selectAll().execute();
    const lines = await store.db.selectFrom('order_lines').innerJoin('products', 'products.id', 'order_lines.product_id')
      .select(['order_lines.order_id', 'order_lines.quantity', 'order_lines.unit_price_minor', 'order_lines.sku', 'order_lines.name',
        'products.sku as product_sku', 'products.name as product_name', 'products.price_minor'])
      .execute();
    const sums = new Map<number, { sum: number; count: number }>();
    for (const line of lines) {
      expect([line.sku, line.name, line.unit_price_minor]).toEqual([line.product_sku, line.product_name, line.price_minor]);
      const entry = sums.get(line.order_id) ?? { sum: 0, count: 0 };
      sums.set(line.order_id, { sum: entry.sum + line.quantity * line.unit_price_minor, count: entry.count + 1 });
    }
    for (const order of orders) {
      const entry = sums.get(order.id);
      expect(entry?.count).toBeGreaterThanOrEqual(1);
      expect(entry!.count).toBeLessThanOrEqual(4);
      expect(order.subtotal_minor).toBe(entry!.sum);
      expect(order.total_minor).toBe(order.subtotal_minor + order.shipping_minor);
    }
  });

  it('ships exactly the orders that left the warehouse; delayed parcels are estimated after the promise', async () => {
    const orders = await store.db.selectFrom('orders').leftJoin('shipments', 'shipments.order_id', 'orders.id')
      .select(['orders.id', 'orders.status', 'shipments.id as shipment_id', 'shipments.status as shipment', 'shipments.promised_date',
        'shipments.estimated_date', 'shipments.delivered_at'])
      .execute();
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    for (const o of orders) {
      const left = o.status === 'shipped' || o.status === 'delivered' || o.status === 'returned';
      expect(o.shipment_id !== null, `order ${o.id} (${o.status})`).toBe(left);
      if (o.status === 'shipped') expect(o.shipment).not.toBe('delivered');
      if (o.status === 'delivered' || o.status === 'returned') expect(o.shipment).toBe('delivered');
      expect(o.delivered_at !== null).toBe(o.shipment === 'delivered');
      if (o.shipment === 'delayed') expect(o.estimated_date! > o.promised_date!).toBe(true);
    }
  });

  it('ends every status history with the order status, starting from paid', async () => {
    const orders = await store.db.selectFrom('orders').select(['id', 'status', 'placed_at', 'updated_at']).execute();
    const history = await store.db.selectFrom('order_status_history').selectAll().orderBy('id').execute();
    const byOrder = new Map<number, typeof history>();
    for (const row of history) byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row]);
    for (const order of orders) {
      const rows = byOrder.get(order.id) ?? [];
      expect(rows[0]).toMatchObject({ status: 'paid', at: order.placed_at });
      expect(rows.at(-1)).toMatchObject({ status: order.status, at: order.updated_at });
      expect(rows.map((r) => r.at)).toEqual(rows.map((r) => r.at).sort());
      expect(Date.parse(order.updated_at)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('records returns priced from their lines; an order is returned once every unit is', async () => {
    const orders = await store.db.selectFrom('orders').select(['id', 'status']).execute();
    const returns = await store.db.selectFrom('returns').selectAll().execute();
    const orderLines = await store.db.selectFrom('order_lines').selectAll().execute();
    const returnLines = await store.db.selectFrom('return_lines').selectAll().execute();
    const returnedIds = orders.filter((o) => o.status === 'returned').map((o) => o.id);
    expect(returnedIds.length).toBeGreaterThan(0);
    expect(returnedIds.every((id) => returns.some((r) => r.order_id === id))).toBe(true);
    for (const ret of returns) {
      const order = orders.find((o) => o.id === ret.order_id)!;
      const lines = orderLines.filter((l) => l.order_id === ret.order_id);
      const own = returnLines.filter((rl) => rl.return_id === ret.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      let refund = 0;
      for (const rl of own) {
        const line = lines.find((l) => l.id === rl.order_line_id)!;
        expect(line.returned_quantity).toBe(rl.quantity);
        refund += rl.quantity * line.unit_price_minor;
      }
      expect(ret.refund_minor).toBe(refund);
      const everything = lines.every((l) => l.returned_quantity === l.quantity);
      expect(order.status).toBe(everything ? 'returned' : 'delivered');
      expect(['requested', 'received', 'refunded']).toContain(ret.status);
    }
    const unreturned = orderLines.filter((l) => !returns.some((r) => r.order_id === l.order_id));
    expect(unreturned.every((l) => l.returned_quantity === 0)).toBe(true);
  });

  it('keeps stock consistent with open orders', async () => {
    const stock = await store.db.selectFrom('stock').selectAll().execute();
    expect(stock).toHaveLength(summary.counts.products * 3);
    expect(stock.every((s) => s.on_hand >= s.reserved && s.reserved >= 0)).toBe(true);
    expect(stock.some((s) => s.on_hand - s.reserved < s.reorder_point)).toBe(true);
  });

  it('has daily sales up to yesterday, with zero days for slow movers and promotion uplift', async () => {
    const sales = await store.db.selectFrom('sales_daily').selectAll().execute();
    const dates = [...new Set(sales.map((s) => s.date))].sort();
    expect(dates).toHaveLength(SALES_DAYS);
    expect(dates.at(-1)).toBe(YESTERDAY);
    expect(dates[0]).toBe(new Date(Date.parse(YESTERDAY) - (SALES_DAYS - 1) * DAY_MS).toISOString().slice(0, 10));
    expect(sales.every((s) => s.units > 0 && s.revenue_minor > 0)).toBe(true);

    const daysSold = new Map<string, number>();
    for (const s of sales) daysSold.set(`${s.product_id}:${s.warehouse_id}`, (daysSold.get(`${s.product_id}:${s.warehouse_id}`) ?? 0) + 1);
    const sparse = [...daysSold.values()].filter((n) => n < SALES_DAYS / 2);
    expect(sparse.length).toBeGreaterThan(0);

    const promo = sales.filter((s) => s.promo === 1);
    const regular = sales.filter((s) => s.promo === 0);
    expect(promo.length).toBeGreaterThan(0);
    const mean = (rows: typeof sales) => rows.reduce((sum, s) => sum + s.units, 0) / rows.length;
    expect(mean(promo)).toBeGreaterThan(mean(regular));
  });
});

describe.each(storeKinds())('seedDemoShop determinism on %s', (kind) => {
  // Stores are opened one after another: each test owns and drops its own database.
  async function seededDigest(seed: number): Promise<string> {
    const store = await openTestStore(kind);
    try {
      await seedDemoShop(store.db, { scale: 'small', seed, now: NOW });
      return await digest(store.db);
    } finally {
      await store.cleanup();
    }
  }

  it('produces identical orders, lines, shipments and sales for the same seed and now', async () => {
    const first = await seededDigest(42);
    const second = await seededDigest(42);
    const other = await seededDigest(43);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });
});
