import type { Address, OrderStatus, ReturnStatus, ShipmentStatus } from '../schema.js';
import type { SeedProduct } from './catalog.js';
import type { Carrier } from './reference.js';

/** One order line before it is written; `lineNo` is 1-based within the order. */
export interface SeedLine {
  lineNo: number;
  product: SeedProduct;
  quantity: number;
  unitPriceMinor: number;
  returnedQuantity: number;
}

/** Units of one order line that come back. */
export interface ReturnLinePlan {
  lineNo: number;
  quantity: number;
}

/** Everything that will ever happen to a return, whether or not it has happened by `now`. */
export interface ReturnPlan {
  requestedAtMs: number;
  receivedAtMs: number;
  refundedAtMs: number;
  reason: string;
  lines: ReturnLinePlan[];
}

/**
 * Everything that will ever happen to an order, drawn up front.
 *
 * @remarks Orders are simulated as a full life and then cut at `now`: an order placed an
 * hour ago is naturally still `paid`, one from last spring naturally `delivered`, and the
 * history rows, shipment and return always agree with the final status.
 */
export interface Timeline {
  placedAtMs: number;
  packedAtMs: number;
  shippedAtMs: number;
  promisedDayMs: number;
  deliveredAtMs: number;
  /** When the carrier reports that the parcel will be late; null for on-time parcels. */
  delayKnownAtMs: number | null;
  cancel: { atMs: number; actor: string; note: string } | null;
  returnPlan: ReturnPlan | null;
  carrier: Carrier;
  /** Staff id of the packer, who also books returns in. */
  packerId: number;
}

/** One `order_status_history` row before it is written. */
export interface HistoryEvent {
  status: OrderStatus;
  atMs: number;
  actor: string;
  note: string | null;
}

/** The shipment as its tracking page reads at `now`. */
export interface SeedShipment {
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  shippedAtMs: number;
  promisedDate: string;
  estimatedDate: string;
  deliveredAtMs: number | null;
}

/** A return as it stands at `now`; its refund is priced from the returned lines. */
export interface SeedReturn {
  status: ReturnStatus;
  reason: string;
  refundMinor: number;
  createdAtMs: number;
  updatedAtMs: number;
  lines: ReturnLinePlan[];
}

/** The order situations the bot demo walks through; the demo customer owns one order of each. */
export type DemoOrderCase =
  | 'paid' | 'packed' | 'shippedDelayed' | 'shippedOnTime'
  | 'deliveredRecent' | 'deliveredOld' | 'cancelled' | 'returned';

/** An order as drawn, before it is cut at `now`; `id` is assigned once all orders are sorted by time. */
export interface OrderDraft {
  id: number;
  customerId: number;
  warehouseId: number;
  address: Address;
  express: boolean;
  lines: SeedLine[];
  timeline: Timeline;
  /** Set on the demo customer's hand-picked orders. */
  demoCase?: DemoOrderCase;
}

/** An order as it stands at `now`, ready to be written. */
export interface SeedOrder extends OrderDraft {
  subtotalMinor: number;
  shippingMinor: number;
  status: OrderStatus;
  updatedAtMs: number;
  history: HistoryEvent[];
  shipment: SeedShipment | null;
  return: SeedReturn | null;
}
