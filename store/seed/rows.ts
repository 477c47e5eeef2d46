import type { Insertable } from 'kysely';
import type {
  CustomersTable, OrderLinesTable, OrderStatusHistoryTable, OrdersTable, ReturnsTable, ShipmentsTable,
} from '../schema.js';
import type { SeedCustomer } from './customers.js';
import type { SeedOrder } from './order-model.js';
import { DEMO_SHOP } from './reference.js';
import { isoTime } from './time.js';

// The generators' models become table rows here; tables with generated ids get no `id`,
// so PostgreSQL sequences stay in step with the data.

/** A `customers` row; the address is stored as JSON text. */
export function customerRow(c: SeedCustomer): Insertable<CustomersTable> {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    phone: c.phone,
    default_address: JSON.stringify(c.address),
    locale: 'en-GB',
    created_at: isoTime(c.createdAtMs),
  };
}

/** An `orders` row; the total is derived here so it always equals subtotal plus shipping. */
export function orderRow(o: SeedOrder): Insertable<OrdersTable> {
  return {
    id: o.id,
    customer_id: o.customerId,
    status: o.status,
    placed_at: isoTime(o.timeline.placedAtMs),
    updated_at: isoTime(o.updatedAtMs),
    currency: DEMO_SHOP.currency,
    subtotal_minor: o.subtotalMinor,
    shipping_minor: o.shippingMinor,
    total_minor: o.subtotalMinor + o.shippingMinor,
    delivery_address: JSON.stringify(o.address),
    warehouse_id: o.warehouseId,
  };
}

/** `order_lines` rows with SKU, name and price as they were when ordered. */
export function orderLineRows(o: SeedOrder): Insertable<OrderLinesTable>[] {
  return o.lines.map((l) => ({
    order_id: o.id,
    line_no: l.lineNo,
    product_id: l.product.row.id,
    sku: l.product.row.sku,
    name: l.product.row.name,
    quantity: l.quantity,
    unit_price_minor: l.unitPriceMinor,
    returned_quantity: l.returnedQuantity,
  }));
}

/** `order_status_history` rows in time order. */
export function historyRows(o: SeedOrder): Insertable<OrderStatusHistoryTable>[] {
  return o.history.map((h) => ({ order_id: o.id, status: h.status, at: isoTime(h.atMs), actor: h.actor, note: h.note }));
}

/** The `shipments` row, or null while the order has not left the warehouse. */
export function shipmentRow(o: SeedOrder): Insertable<ShipmentsTable> | null {
  const s = o.shipment;
  if (!s) return null;
  return {
    order_id: o.id,
    carrier: s.carrier,
    tracking_number: s.trackingNumber,
    status: s.status,
    shipped_at: isoTime(s.shippedAtMs),
    promised_date: s.promisedDate,
    estimated_date: s.estimatedDate,
    delivered_at: s.deliveredAtMs === null ? null : isoTime(s.deliveredAtMs),
  };
}

/** The `returns` row, or null unless a return has been received. */
export function returnRow(o: SeedOrder): Insertable<ReturnsTable> | null {
  const r = o.return;
  if (!r) return null;
  return {
    order_id: o.id,
    customer_id: o.customerId,
    status: r.status,
    reason: r.reason,
    refund_minor: r.refundMinor,
    created_at: isoTime(r.createdAtMs),
    updated_at: isoTime(r.updatedAtMs),
  };
}
