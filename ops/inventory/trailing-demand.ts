import type { DailyStockRecord } from './stock-out-types.js';

/**
 * Mean units sold per day over the last `days` records: a stand-in forecast.
 *
 * @remarks Only for when no forecast from `ops/forecasting` is at hand; it ignores trend,
 * seasonality and promotions, and it under-reads demand for a SKU that was out of stock.
 */
export function trailingAverageDemand(records: readonly DailyStockRecord[], days: number): number {
  const recent = records.slice(-days);
  if (recent.length === 0) return 0;
  return recent.reduce((sum, record) => sum + record.unitsSold, 0) / recent.length;
}
