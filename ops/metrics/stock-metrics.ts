import { ratio, round } from './stats.js';
import type { ProcessMetrics } from './types.js';

/**
 * Share of SKU × warehouse pairs with nothing available now.
 *
 * @remarks The store keeps current stock only (no daily snapshots), so the share of
 * SKU × warehouse × day at zero cannot be computed; the current share is the proxy, and it
 * describes `now`, not the period.
 */
export function stockOutRate(levels: readonly { available: number }[]): ProcessMetrics['stockOutRate'] {
  const stockedOut = levels.filter((l) => l.available <= 0).length;
  return {
    value: round(ratio(stockedOut, levels.length)),
    definition: 'PROXY: share of active SKU × warehouse stock rows with available (on_hand − reserved) ≤ 0 now; the schema has no stock history, so per-day stock-outs over the period are not available.',
    counts: { skuWarehouses: levels.length, stockedOut },
  };
}

/**
 * Units sold in the period over units on hand.
 *
 * @remarks Products carry a price but no cost, so COGS is unknown and turnover is in units;
 * without stock history the average inventory is approximated by the units on hand now.
 */
export function inventoryTurnover(options: { unitsSold: number; unitsOnHand: number; days: number }): ProcessMetrics['inventoryTurnover'] {
  const turnover = ratio(options.unitsSold, options.unitsOnHand);
  return {
    value: round(turnover),
    annualised: round(turnover === null || options.days <= 0 ? null : (turnover * 365) / options.days),
    definition: 'Units sold in the period (sales_daily.units, whole UTC days) / units on hand now (sum of stock.on_hand, active products). PROXY: no product cost (so no COGS) and no stock history (so current on-hand stands in for average inventory); annualised = value × 365 / days.',
    counts: { unitsSold: options.unitsSold, unitsOnHand: options.unitsOnHand, days: options.days },
  };
}
