import type { SeedProduct } from './catalog.js';
import type { Season } from './catalog-types.js';
import type { SeedCustomer } from './customers.js';
import { HOUR_WEIGHTS, orderDayWeight, seasonFactor } from './demand.js';
import { materialiseOrder } from './materialise.js';
import type { OrderDraft, SeedLine, SeedOrder } from './order-model.js';
import type { ScaleConfig } from './options.js';
import type { Rng } from './random.js';
import { WAREHOUSES } from './reference.js';
import { DAY_MS, HOUR_MS, startOfDay } from './time.js';
import { randomTimeline } from './timeline.js';

/** The first order number customers see; later orders count up from it in time order. */
export const FIRST_ORDER_ID = 100001;

const LINE_COUNT_WEIGHTS = [0.5, 0.3, 0.14, 0.06];
const QUANTITY_WEIGHTS = [0.82, 0.14, 0.04];
const EXPRESS_SHARE = 0.12;

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** Index drawn from cumulative weights by binary search; thousands of draws stay cheap. */
function pickCumulative(rng: Rng, cum: readonly number[]): number {
  const target = rng.next() * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Window before `now` that receives {@link ScaleConfig.recentShare} of the orders. */
const RECENT_WINDOW_MS = 36 * HOUR_MS;

/**
 * Order times over the last `days` days, following the trend, weekdays and the Christmas
 * peak, plus a share spread over the last 36 hours so that there are open orders to show.
 */
function placementTimes(rng: Rng, options: { count: number; days: number; nowMs: number; recentShare: number }): number[] {
  const recent = Math.round(options.count * options.recentShare);
  const today = startOfDay(options.nowMs);
  const dayStarts = Array.from({ length: options.days }, (_, i) => today - (options.days - 1 - i) * DAY_MS);
  // Today is only partly over, so it gets a matching share of orders.
  const elapsedToday = (options.nowMs - today) / DAY_MS;
  const dayCum = cumulative(dayStarts.map((d) => orderDayWeight(d, options.nowMs) * (d === today ? elapsedToday : 1)));
  const hourCum = cumulative(HOUR_WEIGHTS);
  const times: number[] = [];
  for (let i = 0; i < recent; i += 1) times.push(Math.floor(options.nowMs - rng.next() * RECENT_WINDOW_MS));
  for (let i = recent; i < options.count; i += 1) {
    const day = dayStarts[pickCumulative(rng, dayCum)]!;
    const at = day === today
      ? day + rng.next() * (options.nowMs - day)
      : day + (pickCumulative(rng, hourCum) + rng.next()) * HOUR_MS;
    times.push(Math.floor(at));
  }
  return times.sort((a, b) => a - b);
}

/** 1-4 distinct products, favouring best sellers and what is in season on the day. */
function drawLines(rng: Rng, products: readonly SeedProduct[], placedAtMs: number): SeedLine[] {
  const bySeason = new Map<Season, number>();
  const weights = products.map((p) => {
    let factor = bySeason.get(p.type.season);
    if (factor === undefined) bySeason.set(p.type.season, (factor = seasonFactor(placedAtMs, p.type.season)));
    return p.baseRate * factor;
  });
  const count = Math.min(products.length, rng.weightedIndex(LINE_COUNT_WEIGHTS) + 1);
  const chosen = new Set<SeedProduct>();
  while (chosen.size < count) chosen.add(products[rng.weightedIndex(weights)]!);
  return [...chosen].map((product, i) => ({
    lineNo: i + 1,
    product,
    quantity: rng.weightedIndex(QUANTITY_WEIGHTS) + 1,
    unitPriceMinor: product.row.price_minor,
    returnedQuantity: 0,
  }));
}

/**
 * Draws `count` ordinary orders from `customers`; ids are assigned later, once the demo
 * customer's orders join them in time order.
 */
export function buildRandomOrders(rng: Rng, options: {
  count: number;
  days: number;
  nowMs: number;
  recentShare: number;
  customers: readonly SeedCustomer[];
  products: readonly SeedProduct[];
}): OrderDraft[] {
  const customerCum = cumulative(options.customers.map((c) => c.weight));
  return placementTimes(rng, options).map((placedAtMs) => {
    const customer = options.customers[pickCumulative(rng, customerCum)]!;
    const lines = drawLines(rng, options.products, placedAtMs);
    const express = rng.chance(EXPRESS_SHARE);
    // One order in ten ships from another warehouse when the nearest is short of stock.
    const warehouseId = rng.chance(0.1) ? rng.pick(WAREHOUSES).id : customer.warehouseId;
    return {
      id: 0,
      customerId: customer.id,
      warehouseId,
      address: customer.address,
      express,
      lines,
      timeline: randomTimeline(rng, { placedAtMs, customerId: customer.id, express, lines }),
    };
  });
}

/**
 * Numbers all orders from {@link FIRST_ORDER_ID} by time placed and cuts them at `now`.
 *
 * @remarks Order numbers that rise with time are what customers expect, and the sort is
 * stable so equal timestamps keep their draw order and the result stays deterministic.
 */
export function finaliseOrders(drafts: OrderDraft[], nowMs: number): SeedOrder[] {
  const sorted = drafts.slice().sort((a, b) => a.timeline.placedAtMs - b.timeline.placedAtMs);
  return sorted.map((draft, i) => materialiseOrder({ ...draft, id: FIRST_ORDER_ID + i }, nowMs));
}
