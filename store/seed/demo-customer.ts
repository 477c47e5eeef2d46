import type { Address } from '../schema.js';
import { findProduct, type SeedProduct } from './catalog.js';
import type { Category } from './catalog-types.js';
import type { SeedCustomer } from './customers.js';
import type { DemoOrderCase, OrderDraft, SeedLine, Timeline } from './order-model.js';
import { CARRIERS, OPS_STAFF_IDS, type Carrier } from './reference.js';
import { DAY_MS, HOUR_MS, addWorkingDays, startOfDay } from './time.js';

/**
 * The customer the bot demo signs in as.
 *
 * @remarks The id is fixed at 1 so demo scripts and the web widget can name it; the
 * e-mail is on the project's own domain so it never collides with a generated customer.
 */
export const DEMO_CUSTOMER = { id: 1, email: 'demo@counterpart.shop', name: 'Dana Demo' } as const;

/** The demo customer's home address, a Leeds flat served by the LDS warehouse. */
export const DEMO_ADDRESS: Address = {
  name: DEMO_CUSTOMER.name, line1: '27 Wharf Approach', line2: 'Flat 5', city: 'Leeds', postcode: 'LS1 4BR', country: 'GB',
};

/** Order number of each demo case, so demo scripts need not search for them. */
export type DemoOrderIds = Record<DemoOrderCase, number>;

type LineSpec = readonly [Category, string, number];

interface CaseSpec {
  lines: readonly LineSpec[];
  express: boolean;
  timeline: (nowMs: number) => Life;
}

type Life = Omit<Timeline, 'carrier' | 'packerId'>;

const NO_EXTRAS = { delayKnownAtMs: null, cancel: null, returnPlan: null } as const;

/** A finished delivery at 11:00 on the day `daysAgo` days before now. */
function deliveredDaysAgo(nowMs: number, daysAgo: number): Life {
  const deliveredAtMs = startOfDay(nowMs - daysAgo * DAY_MS) + 11 * HOUR_MS;
  const shippedAtMs = deliveredAtMs - 40 * HOUR_MS;
  return {
    placedAtMs: shippedAtMs - 13 * HOUR_MS,
    packedAtMs: shippedAtMs - 5 * HOUR_MS,
    shippedAtMs,
    promisedDayMs: startOfDay(deliveredAtMs),
    deliveredAtMs,
    ...NO_EXTRAS,
  };
}

/** A life whose next step lies in the future, so at `nowMs` the order is still `paid` or `packed`. */
function pending(nowMs: number, placedAgoH: number, packedInH: number): Life {
  const shippedAtMs = nowMs + (packedInH + 4) * HOUR_MS;
  const promisedDayMs = addWorkingDays(shippedAtMs, 2);
  return {
    placedAtMs: nowMs - placedAgoH * HOUR_MS,
    packedAtMs: nowMs + packedInH * HOUR_MS,
    shippedAtMs,
    promisedDayMs,
    deliveredAtMs: promisedDayMs + 12 * HOUR_MS,
    ...NO_EXTRAS,
  };
}

/** Dispatched six days ago, promised two working days later (already past), now due in two more. */
function delayedInTransit(nowMs: number): Life {
  const placedAtMs = nowMs - 6 * DAY_MS;
  const shippedAtMs = placedAtMs + 10 * HOUR_MS;
  return {
    placedAtMs,
    packedAtMs: placedAtMs + 5 * HOUR_MS,
    shippedAtMs,
    promisedDayMs: addWorkingDays(shippedAtMs, 2),
    deliveredAtMs: addWorkingDays(nowMs, 2) + 12 * HOUR_MS,
    delayKnownAtMs: shippedAtMs + 30 * HOUR_MS,
    cancel: null,
    returnPlan: null,
  };
}

/** Dispatched by express last night, due on the next working day. */
function onTimeInTransit(nowMs: number): Life {
  const placedAtMs = nowMs - 30 * HOUR_MS;
  const promisedDayMs = addWorkingDays(nowMs, 1);
  return {
    placedAtMs,
    packedAtMs: placedAtMs + 6 * HOUR_MS,
    shippedAtMs: placedAtMs + 12 * HOUR_MS,
    promisedDayMs,
    deliveredAtMs: promisedDayMs + 13 * HOUR_MS,
    ...NO_EXTRAS,
  };
}

/** Delivered six weeks ago and sent back whole a few days later, refunded since. */
function returnedAndRefunded(nowMs: number): Life {
  const life = deliveredDaysAgo(nowMs, 42);
  const requestedAtMs = life.deliveredAtMs + 4 * DAY_MS;
  const receivedAtMs = requestedAtMs + 4 * DAY_MS;
  const lines = [{ lineNo: 1, quantity: 1 }, { lineNo: 2, quantity: 1 }];
  return { ...life, returnPlan: { requestedAtMs, receivedAtMs, refundedAtMs: receivedAtMs + 26 * HOUR_MS, reason: 'Too small', lines } };
}

/** Placed 20 days ago and cancelled by the customer two hours later, before packing. */
function cancelledEarly(nowMs: number): Life {
  const life = pending(nowMs - 20 * DAY_MS, 0, 15);
  return { ...life, cancel: { atMs: life.placedAtMs + 2 * HOUR_MS, actor: `customer:${DEMO_CUSTOMER.id}`, note: 'Ordered the wrong colour' } };
}

/**
 * Hand-written lives relative to `now`; each is cut at `now` like any other order, so the
 * intended status is reached by the same code path, not set by hand.
 */
const CASES: Readonly<Record<DemoOrderCase, CaseSpec>> = {
  paid: { lines: [['apparel', 'Waterproof Jacket', 1], ['accessories', 'Beanie', 1]], express: false, timeline: (now) => pending(now, 3, 5) },
  packed: {
    lines: [['footwear', 'Walking Boots', 1], ['accessories', 'Socks', 2]],
    express: false,
    timeline: (now) => ({ ...pending(now, 20, 0), packedAtMs: now - 4 * HOUR_MS }),
  },
  shippedDelayed: { lines: [['outdoor', 'Tent', 1], ['outdoor', 'Sleeping Mat', 1]], express: false, timeline: delayedInTransit },
  shippedOnTime: { lines: [['electronics', 'Power Bank', 1]], express: true, timeline: onTimeInTransit },
  deliveredRecent: {
    lines: [['footwear', 'Trail Running', 1], ['apparel', 'T-Shirt', 2], ['outdoor', 'Flask', 1]],
    express: false,
    timeline: (now) => deliveredDaysAgo(now, 4),
  },
  deliveredOld: { lines: [['home', 'Wool Throw', 1], ['home', 'Mug', 1]], express: false, timeline: (now) => deliveredDaysAgo(now, 72) },
  cancelled: { lines: [['apparel', 'Fleece', 1]], express: false, timeline: cancelledEarly },
  returned: { lines: [['apparel', 'Down Jacket', 1], ['accessories', 'Gaiter', 1]], express: false, timeline: returnedAndRefunded },
};

/** Lines for a case; a product that a small catalog lacks falls back to its category, minus duplicates. */
function demoLines(products: readonly SeedProduct[], specs: readonly LineSpec[]): SeedLine[] {
  const chosen = new Map<number, { product: SeedProduct; quantity: number }>();
  for (const [category, hint, quantity] of specs) {
    const product = findProduct(products, category, hint);
    if (!chosen.has(product.row.id)) chosen.set(product.row.id, { product, quantity });
  }
  return [...chosen.values()].map(({ product, quantity }, i) => ({
    lineNo: i + 1, product, quantity, unitPriceMinor: product.row.price_minor, returnedQuantity: 0,
  }));
}

/** The demo customer's own row, with an account old enough for every demo order. */
export function demoCustomer(nowMs: number): SeedCustomer {
  return {
    ...DEMO_CUSTOMER, phone: '+44 7700 900001', address: DEMO_ADDRESS, warehouseId: 1, weight: 0, createdAtMs: nowMs - 400 * DAY_MS,
  };
}

/** Carriers rotate across the demo orders so the demo shows several tracking formats. */
function demoCarrier(index: number, express: boolean): Carrier {
  const carriers = CARRIERS.filter((c) => c.express || !express);
  return carriers[index % carriers.length]!;
}

/** The demo customer's hand-picked orders, one per {@link DemoOrderCase}. */
export function buildDemoOrders(products: readonly SeedProduct[], nowMs: number): OrderDraft[] {
  return (Object.entries(CASES) as [DemoOrderCase, CaseSpec][]).map(([demoCase, spec], i) => ({
    id: 0,
    customerId: DEMO_CUSTOMER.id,
    warehouseId: 1,
    address: DEMO_ADDRESS,
    express: spec.express,
    lines: demoLines(products, spec.lines),
    timeline: { ...spec.timeline(nowMs), carrier: demoCarrier(i, spec.express), packerId: OPS_STAFF_IDS[i % OPS_STAFF_IDS.length]! },
    demoCase,
  }));
}
