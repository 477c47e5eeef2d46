import { WAREHOUSES, SERVICE_DAYS, SHIPPING_PRICES } from './reference.js';
import type { HistoryEvent, OrderDraft, ReturnPlan, SeedOrder, SeedReturn, SeedShipment } from './order-model.js';
import { HOUR_MS, isoDate, startOfDay } from './time.js';

/** Delivery charge in pence: express always costs, standard is free from the threshold. */
export function shippingFor(subtotalMinor: number, express: boolean): number {
  if (express) return SHIPPING_PRICES.express;
  return subtotalMinor >= SHIPPING_PRICES.freeStandardFrom ? 0 : SHIPPING_PRICES.standard;
}

/** Working days the carrier promises for the service. */
export function serviceDays(express: boolean): number {
  return express ? SERVICE_DAYS.express : SERVICE_DAYS.standard;
}

function warehouseCode(id: number): string {
  return WAREHOUSES.find((w) => w.id === id)?.code ?? 'LDS';
}

/**
 * What the tracking page says at `now` for a parcel that has left the warehouse.
 *
 * @remarks Once the carrier reports a delay the estimate moves to the real delivery day,
 * so every `delayed` shipment has `estimated_date` after `promised_date`.
 */
function shipmentAt(order: OrderDraft, nowMs: number): SeedShipment {
  const t = order.timeline;
  const delivered = t.deliveredAtMs <= nowMs;
  const delayVisible = t.delayKnownAtMs !== null && t.delayKnownAtMs <= nowMs;
  let status: SeedShipment['status'] = 'in_transit';
  if (delivered) status = 'delivered';
  else if (startOfDay(nowMs) === startOfDay(t.deliveredAtMs) && nowMs >= startOfDay(nowMs) + 7 * HOUR_MS) status = 'out_for_delivery';
  else if (delayVisible) status = 'delayed';
  else if (nowMs - t.shippedAtMs < 3 * HOUR_MS) status = 'label_created';
  const mix = (Math.imul(order.id, 2654435761) >>> 0) % 10_000;
  return {
    carrier: t.carrier.name,
    trackingNumber: t.carrier.tracking(order.id, mix),
    status,
    shippedAtMs: t.shippedAtMs,
    promisedDate: isoDate(t.promisedDayMs),
    estimatedDate: isoDate(delayVisible ? t.deliveredAtMs : t.promisedDayMs),
    deliveredAtMs: delivered ? t.deliveredAtMs : null,
  };
}

/** Whether a return plan takes back every unit of the order. */
function returnsEverything(order: OrderDraft, plan: ReturnPlan): boolean {
  return order.lines.every((line) => plan.lines.some((l) => l.lineNo === line.lineNo && l.quantity === line.quantity));
}

/**
 * The return as it stands at `now`, once requested; marks the returned units on the lines.
 *
 * @remarks Follows `ops/orders` (`startReturn`): units count as returned from the moment the
 * return is requested, and the refund covers goods only, priced from the lines.
 */
function returnAt(order: OrderDraft, nowMs: number): SeedReturn | null {
  const plan = order.timeline.returnPlan;
  if (!plan || plan.requestedAtMs > nowMs) return null;
  let refundMinor = 0;
  for (const { lineNo, quantity } of plan.lines) {
    const line = order.lines.find((l) => l.lineNo === lineNo);
    if (!line) continue;
    line.returnedQuantity = quantity;
    refundMinor += quantity * line.unitPriceMinor;
  }
  const stage = plan.refundedAtMs <= nowMs ? 'refunded' : plan.receivedAtMs <= nowMs ? 'received' : 'requested';
  const updatedAtMs = { refunded: plan.refundedAtMs, received: plan.receivedAtMs, requested: plan.requestedAtMs }[stage];
  return { status: stage, reason: plan.reason, refundMinor, createdAtMs: plan.requestedAtMs, updatedAtMs, lines: plan.lines };
}

/** Status-history rows up to `now`, in time order. */
function historyAt(order: OrderDraft, nowMs: number): HistoryEvent[] {
  const t = order.timeline;
  const code = warehouseCode(order.warehouseId);
  const history: HistoryEvent[] = [{ status: 'paid', atMs: t.placedAtMs, actor: `customer:${order.customerId}`, note: 'Payment captured' }];
  const add = (event: HistoryEvent): void => {
    if (event.atMs <= nowMs) history.push(event);
  };
  if (t.cancel && t.cancel.atMs < t.shippedAtMs) {
    if (t.cancel.atMs > t.packedAtMs) add({ status: 'packed', atMs: t.packedAtMs, actor: `staff:${t.packerId}`, note: `Packed at ${code}` });
    add({ status: 'cancelled', atMs: t.cancel.atMs, actor: t.cancel.actor, note: t.cancel.note });
    return history;
  }
  add({ status: 'packed', atMs: t.packedAtMs, actor: `staff:${t.packerId}`, note: `Packed at ${code}` });
  add({ status: 'shipped', atMs: t.shippedAtMs, actor: 'system', note: `Dispatched from ${code} with ${t.carrier.name}` });
  add({ status: 'delivered', atMs: t.deliveredAtMs, actor: 'system', note: `Delivered by ${t.carrier.name}` });
  // As in ops/orders: the order becomes `returned` when a return takes back every unit;
  // after a partial return it stays `delivered`, and the history says a return was requested.
  if (t.returnPlan) {
    const status = returnsEverything(order, t.returnPlan) ? 'returned' : 'delivered';
    add({ status, atMs: t.returnPlan.requestedAtMs, actor: `customer:${order.customerId}`, note: `Return requested: ${t.returnPlan.reason}` });
  }
  return history;
}

/**
 * Cuts an order's full life at `now`: final status, history, shipment and return.
 *
 * @remarks The status is always the last history row, a shipment exists exactly when the
 * parcel has left, and a return exists once it has been requested.
 */
export function materialiseOrder(order: OrderDraft, nowMs: number): SeedOrder {
  const history = historyAt(order, nowMs);
  const last = history[history.length - 1]!;
  const subtotalMinor = order.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
  const left = last.status !== 'paid' && last.status !== 'packed' && last.status !== 'cancelled';
  return {
    ...order,
    subtotalMinor,
    shippingMinor: shippingFor(subtotalMinor, order.express),
    status: last.status,
    updatedAtMs: last.atMs,
    history,
    shipment: left ? shipmentAt(order, nowMs) : null,
    return: left ? returnAt(order, nowMs) : null,
  };
}
