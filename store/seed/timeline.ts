import { RETURN_RATE } from './catalog-types.js';
import { serviceDays } from './materialise.js';
import type { ReturnPlan, SeedLine, Timeline } from './order-model.js';
import type { Rng } from './random.js';
import { CARRIERS, OPS_STAFF_IDS, SUPPORT_STAFF_IDS, type Carrier } from './reference.js';
import { DAY_MS, HOUR_MS, addWorkingDays } from './time.js';

const FIT_REASONS = ['Too small', 'Too big', 'Doesn\u2019t suit me', 'Changed my mind', 'Faulty', 'Not as described'] as const;
const FIT_REASON_WEIGHTS = [0.3, 0.25, 0.15, 0.15, 0.07, 0.08];
const GOODS_REASONS = ['Changed my mind', 'Faulty', 'Arrived damaged', 'Not as described', 'Ordered by mistake'] as const;
const GOODS_REASON_WEIGHTS = [0.35, 0.2, 0.15, 0.15, 0.15];

const CUSTOMER_CANCEL_NOTES = ['Ordered the wrong size', 'Ordered by mistake', 'Found it cheaper elsewhere', 'No longer needed'] as const;
const STAFF_CANCEL_NOTES = ['Payment flagged by fraud screening', 'Item out of stock at every warehouse', 'Address could not be verified'] as const;

/** Share of parcels delivered late: about one in ten, as `kb/shipping.md` tells customers. */
const LATE_SHARE = 0.1;
const CANCEL_SHARE = 0.04;

function pickReason(rng: Rng, lines: readonly SeedLine[]): string {
  const fits = lines.some((l) => l.product.type.category === 'apparel' || l.product.type.category === 'footwear');
  return fits
    ? FIT_REASONS[rng.weightedIndex(FIT_REASON_WEIGHTS)]!
    : GOODS_REASONS[rng.weightedIndex(GOODS_REASON_WEIGHTS)]!;
}

function returnPlan(rng: Rng, lines: readonly SeedLine[], deliveredAtMs: number): ReturnPlan | null {
  const rate = Math.max(...lines.map((l) => RETURN_RATE[l.product.type.category]));
  if (!rng.chance(rate)) return null;
  // Most returns send the whole order back; the rest keep some items (a partial return).
  const whole = rng.chance(0.6);
  const chosen = whole ? lines : lines.filter(() => rng.chance(0.5));
  const returned = chosen.length > 0 ? chosen : [rng.pick(lines)];
  // Requests arrive well inside the 30-day window; the parcel then takes a few days to come back.
  const requestedAtMs = deliveredAtMs + rng.float(1, 24) * DAY_MS;
  const receivedAtMs = requestedAtMs + rng.float(2, 6) * DAY_MS;
  return {
    requestedAtMs,
    receivedAtMs,
    refundedAtMs: receivedAtMs + rng.float(4, 72) * HOUR_MS,
    reason: pickReason(rng, returned),
    lines: returned.map((l) => ({ lineNo: l.lineNo, quantity: whole ? l.quantity : rng.int(1, l.quantity) })),
  };
}

function cancellation(rng: Rng, customerId: number, t: { placedAtMs: number; packedAtMs: number; shippedAtMs: number }): Timeline['cancel'] {
  if (!rng.chance(CANCEL_SHARE)) return null;
  // Most cancellations come before packing; a few are caught at the packing bench.
  if (rng.chance(0.15)) {
    const atMs = t.packedAtMs + rng.float(0.2, 0.8) * (t.shippedAtMs - t.packedAtMs);
    return { atMs, actor: `staff:${rng.pick(SUPPORT_STAFF_IDS)}`, note: rng.pick(STAFF_CANCEL_NOTES) };
  }
  const atMs = t.placedAtMs + rng.float(0.1, 0.9) * (t.packedAtMs - t.placedAtMs);
  return rng.chance(0.75)
    ? { atMs, actor: `customer:${customerId}`, note: rng.pick(CUSTOMER_CANCEL_NOTES) }
    : { atMs, actor: `staff:${rng.pick(SUPPORT_STAFF_IDS)}`, note: rng.pick(STAFF_CANCEL_NOTES) };
}

/** A carrier by share of parcels; express parcels go only with carriers that run the service. */
function pickCarrier(rng: Rng, express: boolean): Carrier {
  const carriers = CARRIERS.filter((c) => c.express || !express);
  return carriers[rng.weightedIndex(carriers.map((c) => c.share))]!;
}

/**
 * Draws the whole life of an ordinary order: packing, dispatch, delivery (early, on time or
 * late), and perhaps a cancellation or a return.
 */
export function randomTimeline(rng: Rng, input: { placedAtMs: number; customerId: number; express: boolean; lines: readonly SeedLine[] }): Timeline {
  const { placedAtMs, express, lines } = input;
  // Dispatch is promised within one working day, so packing can take up to a day and a bit.
  const packedAtMs = placedAtMs + rng.float(4, 30) * HOUR_MS;
  const shippedAtMs = packedAtMs + rng.float(2, 9) * HOUR_MS;
  const promisedDayMs = addWorkingDays(shippedAtMs, serviceDays(express));
  const outcome = rng.next();
  let deliveredDayMs = promisedDayMs;
  let late = false;
  if (outcome < 0.05 && !express) deliveredDayMs = addWorkingDays(shippedAtMs, 1);
  else if (outcome >= 1 - LATE_SHARE) {
    deliveredDayMs = addWorkingDays(promisedDayMs, rng.int(1, 4));
    late = true;
  }
  const deliveredAtMs = deliveredDayMs + rng.float(8, 19) * HOUR_MS;
  const delayKnownAtMs = late ? Math.min(shippedAtMs + rng.float(16, 40) * HOUR_MS, deliveredAtMs - 6 * HOUR_MS) : null;
  const cancel = cancellation(rng, input.customerId, { placedAtMs, packedAtMs, shippedAtMs });
  return {
    placedAtMs,
    packedAtMs,
    shippedAtMs,
    promisedDayMs,
    deliveredAtMs,
    delayKnownAtMs,
    cancel,
    returnPlan: cancel ? null : returnPlan(rng, lines, deliveredAtMs),
    carrier: pickCarrier(rng, express),
    packerId: rng.pick(OPS_STAFF_IDS),
  };
}
