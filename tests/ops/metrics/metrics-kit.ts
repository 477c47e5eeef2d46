import type { Kysely } from 'kysely';
import type { Database, OrderStatus } from '../../../store/index.js';

/** One hand-made order: times are ISO strings; `lines` are [product id, quantity]. */
export interface OrderSpec {
  id: number;
  placedAt: string;
  status: OrderStatus;
  lines: [number, number][];
  shipment?: { promised: string; deliveredAt: string | null };
  cancelledBy?: string;
  /** Units returned from the first line, and the return's status. */
  returned?: { quantity: number; status: 'requested' | 'received' | 'refunded' | 'rejected' };
}

const ADDRESS = JSON.stringify({ name: 'A', line1: '1 St', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' });

/** Two warehouses, three products (the third inactive), one customer. */
export async function insertReference(db: Kysely<Database>): Promise<void> {
  await db.insertInto('warehouses').values([
    { id: 1, code: 'LDS', name: 'Leeds', city: 'Leeds', lat: 53.8, lng: -1.5 },
    { id: 2, code: 'BRS', name: 'Bristol', city: 'Bristol', lat: 51.4, lng: -2.6 },
  ]).execute();
  await db.insertInto('suppliers').values({ id: 1, name: 'S', email: 's@example.com', country: 'GB', lead_time_days: 7 }).execute();
  await db.insertInto('products').values([1, 2, 3].map((id) => ({
    id, sku: `SKU-${id}`, name: `P${id}`, description: '', category: 'mugs', price_minor: 1000, currency: 'GBP', supplier_id: 1, attributes: '{}', active: id === 3 ? 0 : 1,
  }))).execute();
  await db.insertInto('customers').values({ id: 1, email: 'c@example.com', name: 'C', phone: null, default_address: ADDRESS, locale: 'en-GB', created_at: '2026-01-01T00:00:00.000Z' }).execute();
}

/** Writes an order with its lines, shipment, cancellation and return as `spec` says. */
export async function insertOrder(db: Kysely<Database>, spec: OrderSpec): Promise<void> {
  await db.insertInto('orders').values({
    id: spec.id, customer_id: 1, status: spec.status, placed_at: spec.placedAt, updated_at: spec.placedAt, currency: 'GBP',
    subtotal_minor: 0, shipping_minor: 0, total_minor: 0, delivery_address: ADDRESS, warehouse_id: 1,
  }).execute();
  await db.insertInto('order_lines').values(spec.lines.map(([productId, quantity], i) => ({
    order_id: spec.id, line_no: i + 1, product_id: productId, sku: `SKU-${productId}`, name: `P${productId}`, quantity, unit_price_minor: 1000, returned_quantity: 0,
  }))).execute();
  if (spec.shipment) {
    await db.insertInto('shipments').values({
      order_id: spec.id, carrier: 'Royal Mail', tracking_number: `T${spec.id}`, status: spec.shipment.deliveredAt ? 'delivered' : 'in_transit',
      shipped_at: spec.placedAt, promised_date: spec.shipment.promised, estimated_date: spec.shipment.promised, delivered_at: spec.shipment.deliveredAt,
    }).execute();
  }
  if (spec.cancelledBy) {
    await db.insertInto('order_status_history').values({ order_id: spec.id, status: 'cancelled', at: spec.placedAt, actor: spec.cancelledBy, note: null }).execute();
  }
  if (spec.returned) {
    const { id } = await db.insertInto('returns').values({
      order_id: spec.id, customer_id: 1, status: spec.returned.status, reason: null, refund_minor: 0, created_at: spec.placedAt, updated_at: spec.placedAt,
    }).returning('id').executeTakeFirstOrThrow();
    const line = await db.selectFrom('order_lines').select('id').where('order_id', '=', spec.id).where('line_no', '=', 1).executeTakeFirstOrThrow();
    await db.insertInto('return_lines').values({ return_id: id, order_line_id: line.id, quantity: spec.returned.quantity }).execute();
  }
}
