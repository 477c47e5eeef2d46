import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import type { OrderFacts } from './types.js';

/** A period of ISO-8601 UTC times, `from` included and `to` excluded. */
export interface Period {
  db: Kysely<Database>;
  from: string;
  to: string;
}

/**
 * Facts of every order placed in [from, to): units, shipment dates, cancellation, returns.
 *
 * @remarks Each table is read once with the period as a join condition rather than an id
 * list, so a year of orders needs four queries and no parameter limits apply.
 */
export async function readOrderFacts({ db, from, to }: Period): Promise<OrderFacts[]> {
  const inPeriod = db.selectFrom('orders').select('id').where('placed_at', '>=', from).where('placed_at', '<', to);
  const orders = await db
    .selectFrom('orders')
    .leftJoin('order_lines', 'order_lines.order_id', 'orders.id')
    .select(['orders.id', 'orders.placed_at', (eb) => eb.fn.coalesce(eb.fn.sum<number>('order_lines.quantity'), eb.lit(0)).as('units')])
    .where('orders.placed_at', '>=', from)
    .where('orders.placed_at', '<', to)
    .groupBy(['orders.id', 'orders.placed_at'])
    .orderBy('orders.id')
    .execute();
  const shipments = await db.selectFrom('shipments').select(['order_id', 'promised_date', 'delivered_at']).where('order_id', 'in', inPeriod).execute();
  const cancels = await db.selectFrom('order_status_history').select(['order_id', 'actor']).where('status', '=', 'cancelled').where('order_id', 'in', inPeriod).execute();
  const returned = await db
    .selectFrom('return_lines')
    .innerJoin('returns', 'returns.id', 'return_lines.return_id')
    .select(['returns.order_id', 'return_lines.quantity'])
    .where('returns.status', '!=', 'rejected')
    .where('returns.order_id', 'in', inPeriod)
    .execute();
  const byOrder = new Map<number, OrderFacts>(orders.map((o) => [o.id, {
    orderId: o.id, placedAt: o.placed_at, units: Number(o.units), shipped: false, deliveredAt: null, promisedDate: null, cancelledBy: null, returnedUnits: 0,
  }]));
  applyShipments(byOrder, shipments);
  for (const c of cancels) {
    const facts = byOrder.get(c.order_id);
    if (facts) facts.cancelledBy = c.actor.startsWith('customer:') ? 'customer' : 'shop';
  }
  for (const r of returned) {
    const facts = byOrder.get(r.order_id);
    if (facts) facts.returnedUnits += r.quantity;
  }
  return [...byOrder.values()];
}

/** An order counts as delivered only when every one of its shipments is. */
function applyShipments(byOrder: Map<number, OrderFacts>, rows: readonly { order_id: number; promised_date: string; delivered_at: string | null }[]): void {
  const pending = new Set<number>();
  for (const s of rows) {
    const facts = byOrder.get(s.order_id);
    if (!facts) continue;
    facts.shipped = true;
    if (facts.promisedDate === null || s.promised_date < facts.promisedDate) facts.promisedDate = s.promised_date;
    if (s.delivered_at === null) pending.add(s.order_id);
    else if (facts.deliveredAt === null || s.delivered_at > facts.deliveredAt) facts.deliveredAt = s.delivered_at;
  }
  for (const id of pending) byOrder.get(id)!.deliveredAt = null;
}

/** Available units (on hand − reserved) of every active product in every warehouse it is stocked in. */
export async function readStockLevels(db: Kysely<Database>): Promise<{ onHand: number; available: number }[]> {
  const rows = await db
    .selectFrom('stock')
    .innerJoin('products', 'products.id', 'stock.product_id')
    .select(['stock.on_hand', 'stock.reserved'])
    .where('products.active', '=', 1)
    .execute();
  return rows.map((r) => ({ onHand: r.on_hand, available: r.on_hand - r.reserved }));
}

/** Units in `sales_daily` on days from `fromDate` up to, not including, `toDate` (`YYYY-MM-DD`). */
export async function readUnitsSold(options: { db: Kysely<Database>; fromDate: string; toDate: string }): Promise<number> {
  const row = await options.db
    .selectFrom('sales_daily')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('units'), eb.lit(0)).as('units'))
    .where('date', '>=', options.fromDate)
    .where('date', '<', options.toDate)
    .executeTakeFirst();
  return Number(row?.units ?? 0);
}
