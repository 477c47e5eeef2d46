import { quantile, ratio, round } from './stats.js';
import type { CycleTimeMetric, OrderFacts, ProcessMetrics } from './types.js';

const HOUR_MS = 3_600_000;

/** Placed → delivered, over delivered orders; `value` is the median in hours. */
export function cycleTime(orders: readonly OrderFacts[]): CycleTimeMetric {
  const hours = orders
    .filter((o) => o.deliveredAt !== null)
    .map((o) => (Date.parse(o.deliveredAt!) - Date.parse(o.placedAt)) / HOUR_MS);
  const median = quantile(hours, 0.5);
  const p90 = quantile(hours, 0.9);
  return {
    value: round(median, 2),
    medianHours: round(median, 2),
    p90Hours: round(p90, 2),
    medianDays: round(median === null ? null : median / 24, 2),
    p90Days: round(p90 === null ? null : p90 / 24, 2),
    definition: 'Hours from orders.placed_at to the last shipment.delivered_at, over orders placed in the period and delivered by now; median and p90 (linear interpolation).',
    counts: { deliveredOrders: hours.length },
  };
}

/** Delivered on or before the promised date, over delivered orders. */
export function onTimeDelivery(orders: readonly OrderFacts[]): ProcessMetrics['onTimeDelivery'] {
  const delivered = orders.filter((o) => o.deliveredAt !== null && o.promisedDate !== null);
  const onTime = delivered.filter((o) => o.deliveredAt!.slice(0, 10) <= o.promisedDate!).length;
  return {
    value: round(ratio(onTime, delivered.length)),
    definition: 'Share of delivered orders placed in the period whose UTC delivery date (shipments.delivered_at) is on or before shipments.promised_date.',
    counts: { delivered: delivered.length, onTime },
  };
}

/**
 * Units on shipped orders over units on decided orders.
 *
 * @remarks The schema ships whole orders (no shipped quantity per line), so an order is
 * filled or not. Orders the shop cancelled (out of stock, fraud, bad address) count as
 * unfilled; customer cancellations and orders still `paid`/`packed` are undecided and left out.
 */
export function fillRate(orders: readonly OrderFacts[]): ProcessMetrics['fillRate'] {
  const decided = orders.filter((o) => o.shipped || o.cancelledBy === 'shop');
  const shipped = decided.filter((o) => o.shipped);
  const unitsOrdered = sum(decided.map((o) => o.units));
  const unitsShipped = sum(shipped.map((o) => o.units));
  return {
    value: round(ratio(unitsShipped, unitsOrdered)),
    definition: 'Units on shipped orders / units on orders that shipped or that the shop (staff or system) cancelled, for orders placed in the period. Whole orders ship, so this equals the unit-weighted share of orders filled completely; customer cancellations and open orders are excluded.',
    counts: { unitsOrdered, unitsShipped, ordersDecided: decided.length, ordersShipped: shipped.length },
  };
}

/** Orders with a return over delivered orders; units likewise in `unitRate`. */
export function returnRate(orders: readonly OrderFacts[]): ProcessMetrics['returnRate'] {
  const delivered = orders.filter((o) => o.deliveredAt !== null);
  const returned = delivered.filter((o) => o.returnedUnits > 0);
  const deliveredUnits = sum(delivered.map((o) => o.units));
  const returnedUnits = sum(delivered.map((o) => o.returnedUnits));
  return {
    value: round(ratio(returned.length, delivered.length)),
    unitRate: round(ratio(returnedUnits, deliveredUnits)),
    definition: 'Share of delivered orders placed in the period with a return that was not rejected (requested, received or refunded); unitRate is returned units (return_lines) / delivered units.',
    counts: { deliveredOrders: delivered.length, returnedOrders: returned.length, deliveredUnits, returnedUnits },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
