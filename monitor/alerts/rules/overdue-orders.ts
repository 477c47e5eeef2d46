import type { Kysely } from 'kysely';
import type { Database, ShipmentStatus } from '../../../store/schema.js';
import type { OverdueOrdersConfig } from '../config.js';
import type { AlertRule, CandidateAlert } from '../types.js';
import { daysBetween, isoDay, plural } from './shared.js';

/** An undelivered shipment whose promised date has passed. */
export interface OverdueShipment {
  orderId: number;
  carrier: string;
  status: ShipmentStatus;
  /** `YYYY-MM-DD`. */
  promisedDate: string;
}

/** An order late against its earliest promised date. */
export interface OverdueOrder extends OverdueShipment {
  daysLate: number;
}

/**
 * Undelivered shipments promised before `today` (`YYYY-MM-DD`), of orders still open.
 *
 * @remarks Dates compare as text: both columns hold `YYYY-MM-DD`, so SQLite and PostgreSQL agree.
 */
export async function readOverdueShipments(db: Kysely<Database>, options: { today: string }): Promise<OverdueShipment[]> {
  const rows = await db.selectFrom('shipments')
    .innerJoin('orders', 'orders.id', 'shipments.order_id')
    .select(['shipments.order_id', 'shipments.carrier', 'shipments.status', 'shipments.promised_date'])
    .where('shipments.delivered_at', 'is', null)
    .where('shipments.status', '!=', 'delivered')
    .where('shipments.promised_date', '<', options.today)
    .where('orders.status', 'not in', ['delivered', 'cancelled', 'returned'])
    .orderBy('shipments.promised_date').orderBy('shipments.order_id')
    .execute();
  return rows.map((r) => ({ orderId: r.order_id, carrier: r.carrier, status: r.status, promisedDate: r.promised_date }));
}

/** One row per order (its earliest promised date), most days late first, then by order number. */
export function overdueOrders(shipments: readonly OverdueShipment[], today: string): OverdueOrder[] {
  const byOrder = new Map<number, OverdueShipment>();
  for (const s of shipments) {
    const seen = byOrder.get(s.orderId);
    if (!seen || s.promisedDate < seen.promisedDate) byOrder.set(s.orderId, s);
  }
  return [...byOrder.values()]
    .map((s) => ({ ...s, daysLate: daysBetween(s.promisedDate, today) }))
    .filter((o) => o.daysLate > 0)
    .sort((a, b) => b.daysLate - a.daysLate || a.orderId - b.orderId);
}

/**
 * One digest of the orders past their promised delivery date.
 *
 * @remarks Keyed by the UTC day: staff get one summary a day (the cool-down of a day keeps it so),
 * and a new one the same day only if it turns critical. Per-order keys would flood the channels
 * when a carrier falls behind; a key per set of orders would re-alert whenever one is delivered.
 */
export function overdueOrdersAlerts(input: { shipments: readonly OverdueShipment[]; today: string; config: OverdueOrdersConfig }): CandidateAlert[] {
  const { today, config } = input;
  const orders = overdueOrders(input.shipments, today);
  if (orders.length < config.minOrders) return [];
  const worst = orders.slice(0, config.listed);
  const first = worst[0]!;
  return [{
    rule: 'overdue_orders',
    key: today,
    severity: orders.length >= config.criticalOrders ? 'critical' : 'warning',
    title: `${plural(orders.length, 'order')} past the promised delivery date`,
    detail: `${plural(orders.length, 'order')} not delivered by the promised date; the most overdue is order ${first.orderId}, `
      + `${plural(first.daysLate, 'day')} late (${first.carrier}). Worst: ${worst.map((o) => o.orderId).join(', ')}.`,
    data: { asOf: today, count: orders.length, worst },
    table: {
      title: 'Most overdue orders',
      columns: ['Order', 'Promised', 'Days late', 'Carrier', 'Status'],
      rows: worst.map((o) => [String(o.orderId), o.promisedDate, String(o.daysLate), o.carrier, o.status]),
    },
  }];
}

/** The overdue-orders rule. */
export const overdueOrdersRule: AlertRule<OverdueOrdersConfig> = {
  name: 'overdue_orders',
  async evaluate({ db, now, config }) {
    const today = isoDay(now);
    return overdueOrdersAlerts({ shipments: await readOverdueShipments(db, { today }), today, config });
  },
};
