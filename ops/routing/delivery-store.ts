import type { Kysely } from 'kysely';
import { NotFoundError } from '../../core/errors.js';
import type { Database, OrderStatus } from '../../store/index.js';
import { DELIVERY_DEFAULTS, type DeliveryPlan } from './delivery-problem.js';
import { zonedDay } from './local-time.js';

/** Largest id a PostgreSQL `integer` column holds. */
const MAX_DB_ID = 2_147_483_647;
/** Rows per insert, well under SQLite's limit on bound parameters. */
const INSERT_CHUNK = 500;

/** What {@link saveRoutePlan} stores, where, and on whose behalf. */
export interface SaveRoutePlanOptions {
  /** The caller's transaction: the plan and its stops are written together or not at all. */
  db: Kysely<Database>;
  plan: DeliveryPlan;
  /** `staff:<id>` or `system`. */
  createdBy: string;
  now: Date;
}

/**
 * Stores a plan in `route_plans` (the whole plan as JSON, with its assumptions) and one
 * `route_stops` row per planned stop (van numbered from 1, arrival as an ISO time).
 *
 * @remarks Opens no transaction of its own: pass the turn's transaction. Plans are kept, not
 * overwritten, so a later plan for the same warehouse and day supersedes the earlier one
 * when an ETA is read (see {@link readShipmentEta}).
 */
export async function saveRoutePlan(options: SaveRoutePlanOptions): Promise<{ routePlanId: number }> {
  const { db, plan } = options;
  const row = await db.insertInto('route_plans').values({
    warehouse_id: plan.warehouse.id, date: plan.date, vehicles: plan.totals.vansUsed, total_km: plan.totals.km,
    plan: JSON.stringify(plan), created_by: options.createdBy, created_at: options.now.toISOString(),
  }).returning('id').executeTakeFirstOrThrow();
  const stops = plan.routes.flatMap((route) => route.stops.map((stop) => ({
    route_plan_id: row.id, order_id: stop.orderId, vehicle: route.van, seq: stop.sequence, arrival: stop.arrival,
  })));
  for (let i = 0; i < stops.length; i += INSERT_CHUNK) {
    await db.insertInto('route_stops').values(stops.slice(i, i + INSERT_CHUNK)).execute();
  }
  return { routePlanId: row.id };
}

/** An order's place on a stored plan. */
export interface StoredEta {
  orderId: number;
  routePlanId: number;
  warehouse: string;
  /** `YYYY-MM-DD`, the plan's day. */
  date: string;
  /** 1-based van number. */
  van: number;
  sequence: number;
  /** ISO time of the planned arrival. */
  arrival: string;
}

/**
 * The planned arrival of an order on the latest stored plan that has it, or `null`.
 *
 * @remarks When a later plan for the same warehouse and day left the order out (re-planned
 * with fewer vans, say), the earlier arrival no longer holds, so the answer is `null`.
 */
export async function readShipmentEta(options: { db: Kysely<Database>; orderId: number }): Promise<StoredEta | null> {
  const { db, orderId } = options;
  if (!isDbId(orderId)) return null;
  const latest = await db.selectFrom('route_stops')
    .innerJoin('route_plans', 'route_plans.id', 'route_stops.route_plan_id')
    .innerJoin('warehouses', 'warehouses.id', 'route_plans.warehouse_id')
    .select(['route_plans.id as planId', 'route_plans.warehouse_id', 'route_plans.date', 'warehouses.code', 'route_stops.vehicle', 'route_stops.seq', 'route_stops.arrival'])
    .where('route_stops.order_id', '=', orderId)
    .orderBy('route_plans.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const newer = await db.selectFrom('route_plans').select('id')
    .where('warehouse_id', '=', latest.warehouse_id).where('date', '=', latest.date).where('id', '>', latest.planId)
    .limit(1).executeTakeFirst();
  if (newer) return null;
  return {
    orderId, routePlanId: latest.planId, warehouse: latest.code, date: latest.date,
    van: latest.vehicle, sequence: latest.seq, arrival: latest.arrival,
  };
}

/** What can be said about when an order arrives, best source first. */
export type DeliveryEstimate =
  | { kind: 'planned'; orderId: number; status: OrderStatus; eta: StoredEta }
  | { kind: 'carrier'; orderId: number; status: OrderStatus; carrier: string; estimatedDate: string }
  | { kind: 'delivered'; orderId: number; status: OrderStatus; deliveredAt: string }
  | { kind: 'none'; orderId: number; status: OrderStatus };

/** Which order to estimate, and for whom. */
export interface ReadDeliveryEstimateOptions {
  db: Kysely<Database>;
  orderId: number;
  /** When set, the order must belong to this customer; another's order reads as missing. */
  customerId?: number;
  now: Date;
}

/**
 * When an order arrives: delivered already, the planned arrival on today's or a later van run,
 * else the carrier's estimated date, else nothing planned.
 *
 * @remarks A van plan is ours and to the minute, so it beats the carrier's day estimate; a plan
 * for a day already past says nothing any more, nor does one for a cancelled order.
 * @throws {@link NotFoundError} `order` for a missing order or, with `customerId`, another customer's.
 */
export async function readDeliveryEstimate(options: ReadDeliveryEstimateOptions): Promise<DeliveryEstimate> {
  const { db, orderId, customerId } = options;
  if (!isDbId(orderId) || (customerId !== undefined && !isDbId(customerId))) throw new NotFoundError('order');
  let query = db.selectFrom('orders').select(['id', 'status']).where('id', '=', orderId);
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId);
  const order = await query.executeTakeFirst();
  if (!order) throw new NotFoundError('order');
  const base = { orderId, status: order.status };
  const shipment = await db.selectFrom('shipments').select(['carrier', 'estimated_date', 'delivered_at'])
    .where('order_id', '=', orderId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (shipment?.delivered_at) return { kind: 'delivered', ...base, deliveredAt: shipment.delivered_at };
  if (order.status === 'cancelled' || order.status === 'delivered' || order.status === 'returned') return { kind: 'none', ...base };
  const eta = await readShipmentEta({ db, orderId });
  if (eta && eta.date >= zonedDay(options.now, DELIVERY_DEFAULTS.timeZone)) return { kind: 'planned', ...base, eta };
  if (shipment) return { kind: 'carrier', ...base, carrier: shipment.carrier, estimatedDate: shipment.estimated_date };
  return { kind: 'none', ...base };
}

function isDbId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_DB_ID;
}
