import type { Insertable } from 'kysely';
import type { SalesDailyTable } from '../schema.js';
import type { DemandClass, SeedProduct } from './catalog.js';
import { SEASONS, type Season } from './catalog-types.js';
import { seasonFactor, trendFactor, weekdayFactor } from './demand.js';
import type { SeedOrder } from './order-model.js';
import { promoWindows } from './promotions.js';
import type { Rng } from './random.js';
import { WAREHOUSES, WAREHOUSE_SHARE } from './reference.js';
import { DAY_MS, isoDate, startOfDay } from './time.js';

/**
 * Negative-binomial dispersion per demand class.
 *
 * @remarks Slow movers get a small `k`: most days sell nothing and the odd day sells a
 * few at once (a club buying tents), the intermittent pattern Croston-style forecasts expect.
 */
const DISPERSION: Readonly<Record<DemandClass, number>> = { fast: 8, medium: 3, slow: 0.5 };

/** Units, revenue and promo flag per product x warehouse x day, in flat typed arrays for speed. */
interface SalesGrid {
  days: number;
  firstDayMs: number;
  units: Int32Array;
  revenue: Float64Array;
  promo: Uint8Array;
}

const W = WAREHOUSES.length;

function cell(grid: SalesGrid, productIndex: number, warehouseIndex: number, day: number): number {
  return (productIndex * W + warehouseIndex) * grid.days + day;
}

/** Per-day demand multipliers shared by all products: trend times weekday, and each season's cycle. */
function dayFactors(grid: SalesGrid, nowMs: number): { base: Float64Array; seasons: Map<Season, Float64Array> } {
  const base = new Float64Array(grid.days);
  const seasons = new Map<Season, Float64Array>();
  for (const season of Object.keys(SEASONS) as Season[]) seasons.set(season, new Float64Array(grid.days));
  for (let d = 0; d < grid.days; d += 1) {
    const dayMs = grid.firstDayMs + d * DAY_MS;
    base[d] = trendFactor(dayMs, nowMs) * weekdayFactor(dayMs);
    for (const [season, values] of seasons) values[d] = seasonFactor(dayMs, season);
  }
  return { base, seasons };
}

/** Draws one product's daily units in every warehouse from its demand model and promotions. */
function fillProduct(rng: Rng, grid: SalesGrid, product: SeedProduct, index: number, factors: ReturnType<typeof dayFactors>): void {
  const uplift = new Float64Array(grid.days).fill(1);
  const price = new Float64Array(grid.days).fill(product.row.price_minor);
  const promo = new Uint8Array(grid.days);
  for (const w of promoWindows(rng, { firstDayMs: grid.firstDayMs, days: grid.days })) {
    for (let d = w.start; d < w.end; d += 1) {
      uplift[d] = w.uplift;
      price[d] = Math.round(product.row.price_minor * (1 - w.discount));
      promo[d] = 1;
    }
  }
  const season = factors.seasons.get(product.type.season)!;
  const k = DISPERSION[product.demand];
  WAREHOUSES.forEach((warehouse, wi) => {
    const rate = product.baseRate * (WAREHOUSE_SHARE[warehouse.id] ?? 1 / W);
    for (let d = 0; d < grid.days; d += 1) {
      const units = rng.negativeBinomial(rate * factors.base[d]! * season[d]! * uplift[d]!, k);
      const at = cell(grid, index, wi, d);
      grid.units[at] = units;
      grid.revenue[at] = units * price[d]!;
      grid.promo[at] = promo[d]!;
    }
  });
}

/**
 * Adds the seeded web orders to the grid.
 *
 * @remarks `sales_daily` counts every channel; adding the web orders keeps it consistent
 * with the orders table, so a SKU never shows fewer units sold than its orders that day.
 */
function addOrders(grid: SalesGrid, orders: readonly SeedOrder[], productIndex: Map<number, number>): void {
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    const day = (startOfDay(order.timeline.placedAtMs) - grid.firstDayMs) / DAY_MS;
    const wi = WAREHOUSES.findIndex((w) => w.id === order.warehouseId);
    if (day < 0 || day >= grid.days || wi < 0) continue;
    for (const line of order.lines) {
      const at = cell(grid, productIndex.get(line.product.row.id)!, wi, day);
      grid.units[at]! += line.quantity;
      grid.revenue[at]! += line.quantity * line.unitPriceMinor;
    }
  }
}

/**
 * Daily units sold per SKU and warehouse for the `days` days ending yesterday, only non-zero rows.
 *
 * @remarks Demand is trend x weekday x yearly season x promotion uplift, drawn from a
 * negative binomial so that it is noisy and over-dispersed like real sales.
 */
export function buildSales(
  rng: Rng,
  options: { products: readonly SeedProduct[]; orders: readonly SeedOrder[]; days: number; nowMs: number },
): Insertable<SalesDailyTable>[] {
  const { products, days, nowMs } = options;
  const size = products.length * W * days;
  const grid: SalesGrid = {
    days, firstDayMs: startOfDay(nowMs) - days * DAY_MS,
    units: new Int32Array(size), revenue: new Float64Array(size), promo: new Uint8Array(size),
  };
  const factors = dayFactors(grid, nowMs);
  products.forEach((product, index) => fillProduct(rng, grid, product, index, factors));
  addOrders(grid, options.orders, new Map(products.map((p, i) => [p.row.id, i])));
  const dates = Array.from({ length: days }, (_, d) => isoDate(grid.firstDayMs + d * DAY_MS));
  const rows: Insertable<SalesDailyTable>[] = [];
  products.forEach((product, pi) => {
    WAREHOUSES.forEach((warehouse, wi) => {
      for (let d = 0; d < days; d += 1) {
        const at = cell(grid, pi, wi, d);
        const units = grid.units[at]!;
        if (units === 0) continue;
        rows.push({
          date: dates[d]!, product_id: product.row.id, warehouse_id: warehouse.id,
          units, revenue_minor: Math.round(grid.revenue[at]!), promo: grid.promo[at]!,
        });
      }
    });
  });
  return rows;
}
