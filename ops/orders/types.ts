import type { Kysely } from 'kysely';
import type { Address, Database, OrderStatus, ReturnStatus, ShipmentStatus } from '../../store/index.js';

/**
 * Who made a change, as written to `order_status_history.actor`.
 *
 * @example `customer:12`, `staff:3`, `system`
 */
export type Actor = `customer:${number}` | `staff:${number}` | 'system';

/**
 * Database handle every order function takes.
 *
 * @remarks Pass the caller's `Transaction` (it is a `Kysely`): functions that write several rows
 * never open a transaction of their own, so they are only atomic inside the caller's.
 */
export interface DbOption {
  db: Kysely<Database>;
}

/** Identifies one order of one customer; another customer's order behaves exactly like a missing one. */
export interface OwnedOrderRef extends DbOption {
  customerId: number;
  /** The order number customers see. */
  orderId: number;
}

/** One line of an order. */
export interface OrderLineDetail {
  lineId: number;
  /** Position on the order, from 1, as shown to the customer. */
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
  returnedQuantity: number;
}

/** The latest shipment of an order. */
export interface ShipmentDetail {
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  /** ISO time. */
  shippedAt: string;
  /** `YYYY-MM-DD` promised to the customer at checkout. */
  promisedDate: string;
  /** `YYYY-MM-DD` the carrier currently expects. */
  estimatedDate: string;
  /** ISO time, `null` until delivered. */
  deliveredAt: string | null;
  /** Late against the promise: still on its way but flagged or re-estimated past the promised date, or delivered after it. */
  delayed: boolean;
}

/** One entry of the order's status history, oldest first. */
export interface OrderHistoryEntry {
  status: string;
  /** ISO time. */
  at: string;
  note: string | null;
}

/** A return started on an order. */
export interface ReturnSummary {
  id: number;
  status: ReturnStatus;
  refundMinor: number;
  /** ISO time. */
  createdAt: string;
}

/** Everything a customer may see about one of their orders. */
export interface OrderDetail {
  id: number;
  status: OrderStatus;
  /** ISO time. */
  placedAt: string;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  totalMinor: number;
  deliveryAddress: Address;
  lines: OrderLineDetail[];
  shipment: ShipmentDetail | null;
  history: OrderHistoryEntry[];
  returns: ReturnSummary[];
}

/** A short view of an order, for lists and for asking "which order?". */
export interface OrderSummary {
  id: number;
  status: OrderStatus;
  /** ISO time. */
  placedAt: string;
  currency: string;
  totalMinor: number;
  /** Units over all lines. */
  itemCount: number;
  items: { name: string; quantity: number }[];
}
