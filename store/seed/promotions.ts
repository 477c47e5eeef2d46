import type { Rng } from './random.js';
import { DAY_MS } from './time.js';

/** A run of promotion days for one product: how much demand rises and how much the price drops. */
export interface PromoWindow {
  /** Index of the first day in the sales calendar. */
  start: number;
  /** Exclusive end index. */
  end: number;
  uplift: number;
  discount: number;
}

/** A shop-wide sale on fixed calendar days, which most products join. */
interface SaleEvent {
  startMs: number;
  endMs: number;
}

/** Black Friday is the fourth Friday of November; the sale runs Thursday to Cyber Monday. */
function blackFriday(year: number): SaleEvent {
  const novFirst = Date.UTC(year, 10, 1);
  const firstFriday = 1 + ((5 - new Date(novFirst).getUTCDay() + 7) % 7);
  const friday = Date.UTC(year, 10, firstFriday + 21);
  return { startMs: friday - DAY_MS, endMs: friday + 4 * DAY_MS };
}

/** Shop-wide sales in every year the calendar touches: Black Friday, January and summer sales. */
function saleEvents(firstDayMs: number, days: number): SaleEvent[] {
  const firstYear = new Date(firstDayMs).getUTCFullYear() - 1;
  const lastYear = new Date(firstDayMs + days * DAY_MS).getUTCFullYear();
  const events: SaleEvent[] = [];
  for (let y = firstYear; y <= lastYear; y += 1) {
    events.push(blackFriday(y));
    events.push({ startMs: Date.UTC(y, 11, 27), endMs: Date.UTC(y + 1, 0, 8) });
    events.push({ startMs: Date.UTC(y, 6, 4), endMs: Date.UTC(y, 6, 18) });
  }
  return events;
}

/**
 * Promotion windows for one product within a calendar of `days` days from `firstDayMs`.
 *
 * @remarks Every product gets at least one promotion of its own, so even the 90-day test
 * calendar has promo days to check an uplift against.
 */
export function promoWindows(rng: Rng, options: { firstDayMs: number; days: number }): PromoWindow[] {
  const { firstDayMs, days } = options;
  const windows: PromoWindow[] = [];
  for (const event of saleEvents(firstDayMs, days)) {
    if (!rng.chance(0.55)) continue;
    const start = Math.max(0, Math.floor((event.startMs - firstDayMs) / DAY_MS));
    const end = Math.min(days, Math.floor((event.endMs - firstDayMs) / DAY_MS));
    if (end > start) windows.push({ start, end, uplift: rng.float(1.6, 2.4), discount: rng.float(0.2, 0.3) });
  }
  const own = Math.max(1, rng.poisson((2.5 * days) / 365));
  for (let i = 0; i < own; i += 1) {
    const length = rng.int(3, 10);
    const start = rng.int(0, Math.max(0, days - length));
    windows.push({ start, end: Math.min(days, start + length), uplift: rng.float(1.3, 2.0), discount: rng.float(0.1, 0.2) });
  }
  return windows;
}
