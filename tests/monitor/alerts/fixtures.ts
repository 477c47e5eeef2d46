import type { Kysely } from 'kysely';
import { listLowStock } from '../../../ops/inventory/index.js';
import type { LowStockSource } from '../../../monitor/index.js';
import type { Database, OrderStatus, ShipmentStatus } from '../../../store/schema.js';

/** The moment every alerts test stands at. */
export const NOW = new Date('2026-11-25T12:00:00.000Z');

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** ISO time `ms` before {@link NOW}. */
export function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString();
}

/** A clock tests move by hand. */
export function manualClock(start: Date = NOW) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) { now += ms; },
  };
}

const ADDRESS = JSON.stringify({ name: 'Ada', line1: '1 High St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' });

/** One warehouse (LDS), one supplier, one customer and one conversation: what the other rows refer to. */
export async function insertBasics(db: Kysely<Database>): Promise<void> {
  await db.insertInto('warehouses').values([
    { id: 1, code: 'LDS', name: 'Leeds', city: 'Leeds', lat: 53.8, lng: -1.55 },
    { id: 2, code: 'BRS', name: 'Bristol', city: 'Bristol', lat: 51.45, lng: -2.59 },
  ]).execute();
  await db.insertInto('suppliers').values({ id: 1, name: 'Acme', email: 'acme@example.com', country: 'GB', lead_time_days: 7 }).execute();
  await db.insertInto('customers').values({
    id: 1, email: 'ada@example.com', name: 'Ada', phone: null, default_address: ADDRESS, locale: 'en', created_at: ago(400 * DAY),
  }).execute();
  await db.insertInto('conversations').values({
    id: 'conv-1', channel: 'webchat', customer_id: 1, staff_user_id: null, state: '{}', version: 1, created_at: ago(30 * DAY), updated_at: ago(0),
  }).execute();
}

let messageSeq = 0;

/** Inbound scored messages at `at`, `negative` of them at −0.8 and the rest at +0.5. */
export async function insertMessages(db: Kysely<Database>, options: { at: string; total: number; negative: number; unscored?: number }): Promise<void> {
  const rows = Array.from({ length: options.total + (options.unscored ?? 0) }, (_, i) => {
    messageSeq += 1;
    const sentiment = i >= options.total ? null : i < options.negative ? -0.8 : 0.5;
    return {
      activity_id: `act-${messageSeq}`, conversation_id: 'conv-1', direction: 'in' as const, channel: 'webchat', user_id: 'customer:1',
      role: 'customer', text: 'hello', intent: null, entities: null, confidence: null, sentiment, client_message_id: null,
      reply_to_id: null, payload: null, created_at: options.at,
    };
  });
  if (rows.length > 0) await db.insertInto('messages').values(rows).execute();
}

/** An order with an optional shipment and status-history rows. */
export async function insertOrder(db: Kysely<Database>, order: {
  id: number;
  status: OrderStatus;
  placedAt: string;
  /** Any status text: the stale-tracking proxy counts every row. */
  history?: { status: string; at: string; actor?: string }[];
  shipment?: { status: ShipmentStatus; shippedAt: string; promisedDate: string; deliveredAt?: string; carrier?: string };
}): Promise<void> {
  await db.insertInto('orders').values({
    id: order.id, customer_id: 1, status: order.status, placed_at: order.placedAt, updated_at: order.placedAt, currency: 'GBP',
    subtotal_minor: 1000, shipping_minor: 0, total_minor: 1000, delivery_address: ADDRESS, warehouse_id: 1,
  }).execute();
  const history = order.history ?? [];
  if (history.length > 0) {
    await db.insertInto('order_status_history').values(history.map((h) => ({
      order_id: order.id, status: h.status, at: h.at, actor: h.actor ?? 'system', note: null,
    }))).execute();
  }
  if (order.shipment) {
    const s = order.shipment;
    await db.insertInto('shipments').values({
      order_id: order.id, carrier: s.carrier ?? 'DPD', tracking_number: `TRK${order.id}`, status: s.status, shipped_at: s.shippedAt,
      promised_date: s.promisedDate, estimated_date: s.promisedDate, delivered_at: s.deliveredAt ?? null,
    }).execute();
  }
}

/** `count` orders numbered from `firstId`, placed at `placedAt`; the first `cancelled` of them cancelled at `cancelledAt`. */
export async function insertOrders(db: Kysely<Database>, options: {
  firstId: number; count: number; placedAt: string; cancelled?: number; cancelledAt?: string;
}): Promise<void> {
  const cancelled = options.cancelled ?? 0;
  const ids = Array.from({ length: options.count }, (_, i) => options.firstId + i);
  await db.insertInto('orders').values(ids.map((id, i) => ({
    id, customer_id: 1, status: i < cancelled ? 'cancelled' as const : 'paid' as const, placed_at: options.placedAt, updated_at: options.placedAt,
    currency: 'GBP', subtotal_minor: 1000, shipping_minor: 0, total_minor: 1000, delivery_address: ADDRESS, warehouse_id: 1,
  }))).execute();
  if (cancelled > 0) {
    await db.insertInto('order_status_history').values(ids.slice(0, cancelled).map((id) => ({
      order_id: id, status: 'cancelled', at: options.cancelledAt ?? options.placedAt, actor: 'customer:1', note: null,
    }))).execute();
  }
}

/** Products with stock in a warehouse: `[sku, onHand, reserved, reorderPoint]`. */
export async function insertStock(db: Kysely<Database>, options: { warehouseId: number; rows: [string, number, number, number][] }): Promise<void> {
  for (const [sku, onHand, reserved, reorderPoint] of options.rows) {
    let product = await db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
    if (!product) {
      const id = Number((await db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) + 1;
      await db.insertInto('products').values({
        id, sku, name: `Product ${sku}`, description: '', category: 'mugs', price_minor: 900, currency: 'GBP', supplier_id: 1, attributes: '{}', active: 1,
      }).execute();
      product = { id };
    }
    await db.insertInto('stock').values({
      warehouse_id: options.warehouseId, product_id: product.id, on_hand: onHand, reserved, reorder_point: reorderPoint, updated_at: ago(HOUR),
    }).execute();
  }
}

/** The production low-stock source: `ops/inventory`'s `listLowStock` over this database. */
export function lowStockFrom(db: Kysely<Database>): LowStockSource {
  return async ({ now, warehouses }) => (await listLowStock({ db, now, ...(warehouses ? { warehouses } : {}) })).items;
}
