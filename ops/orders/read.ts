import type { Kysely } from 'kysely';
import { InvalidInputError } from '../../core/errors.js';
import type { Database, Order, Shipment } from '../../store/index.js';
import { isDbId, isoDate, loadOwnedOrder, readStoredAddress } from './load.js';
import type { DbOption, OrderDetail, OrderSummary, OwnedOrderRef, ShipmentDetail } from './types.js';

/**
 * One of the customer's orders with its lines, latest shipment, history and returns.
 *
 * @throws {@link NotFoundError} `order` when the order does not exist or belongs to someone else.
 * @example
 * const order = await getOrder({ db: trx, customerId: 12, orderId: 1004 });
 */
export async function getOrder(ref: OwnedOrderRef): Promise<OrderDetail> {
  return describeOrder(ref.db, await loadOwnedOrder(ref));
}

/** Builds the detail view of an order already loaded (and checked for ownership). */
export async function describeOrder(db: Kysely<Database>, order: Order): Promise<OrderDetail> {
  const [lines, shipment, history, returns] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).orderBy('line_no').orderBy('id').execute(),
    db.selectFrom('shipments').selectAll().where('order_id', '=', order.id).orderBy('id', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('order_status_history').select(['status', 'at', 'note']).where('order_id', '=', order.id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('returns').select(['id', 'status', 'refund_minor', 'created_at']).where('order_id', '=', order.id).orderBy('id').execute(),
  ]);
  return {
    id: order.id,
    status: order.status,
    placedAt: order.placed_at,
    currency: order.currency,
    subtotalMinor: order.subtotal_minor,
    shippingMinor: order.shipping_minor,
    totalMinor: order.total_minor,
    deliveryAddress: readStoredAddress(order.delivery_address),
    lines: lines.map((line) => ({
      lineId: line.id,
      lineNo: line.line_no,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unit_price_minor,
      returnedQuantity: line.returned_quantity,
    })),
    shipment: shipment ? describeShipment(shipment) : null,
    history: history.map((entry) => ({ status: entry.status, at: entry.at, note: entry.note })),
    returns: returns.map((ret) => ({ id: ret.id, status: ret.status, refundMinor: ret.refund_minor, createdAt: ret.created_at })),
  };
}

/**
 * @remarks Judged against the date promised at checkout, from stored data only, so the same
 * order reads the same whenever it is asked about: a shipment still under way is delayed when
 * the carrier flags it or re-estimates past the promise; a delivered one, when it arrived late.
 */
function describeShipment(shipment: Shipment): ShipmentDetail {
  const delayed = shipment.delivered_at
    ? isoDate(shipment.delivered_at) > shipment.promised_date
    : shipment.status === 'delayed' || shipment.estimated_date > shipment.promised_date;
  return {
    carrier: shipment.carrier,
    trackingNumber: shipment.tracking_number,
    status: shipment.status,
    shippedAt: shipment.shipped_at,
    promisedDate: shipment.promised_date,
    estimatedDate: shipment.estimated_date,
    deliveredAt: shipment.delivered_at,
    delayed,
  };
}

/** Options for {@link listRecentOrders}. */
export interface ListRecentOrdersOptions extends DbOption {
  customerId: number;
  /**
   * Most orders to return, 1 to 50.
   * @defaultValue 5
   */
  limit?: number;
}

const MAX_LIST_LIMIT = 50;

/**
 * The customer's most recent orders, newest first.
 *
 * @throws {@link InvalidInputError} when `limit` is not an integer from 1 to 50.
 * @example
 * const recent = await listRecentOrders({ db: trx, customerId: 12, limit: 3 });
 */
export async function listRecentOrders(options: ListRecentOrdersOptions): Promise<OrderSummary[]> {
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new InvalidInputError(`limit must be an integer from 1 to ${MAX_LIST_LIMIT}`, { limit });
  }
  if (!isDbId(options.customerId)) return [];
  const orders = await options.db
    .selectFrom('orders')
    .select(['id', 'status', 'placed_at', 'currency', 'total_minor'])
    .where('customer_id', '=', options.customerId)
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (orders.length === 0) return [];
  const lines = await options.db
    .selectFrom('order_lines')
    .select(['order_id', 'name', 'quantity'])
    .where('order_id', 'in', orders.map((order) => order.id))
    .orderBy('order_id')
    .orderBy('line_no')
    .execute();
  return orders.map((order) => {
    const items = lines.filter((line) => line.order_id === order.id).map(({ name, quantity }) => ({ name, quantity }));
    return {
      id: order.id,
      status: order.status,
      placedAt: order.placed_at,
      currency: order.currency,
      totalMinor: order.total_minor,
      itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
      items,
    };
  });
}
