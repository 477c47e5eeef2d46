/**
 * Process metrics of the shop: order cycle time, on-time delivery, fill rate, stock-out rate,
 * inventory turnover and return rate, each with its definition and the counts behind it.
 *
 * @remarks The formulas take plain order facts and stock levels so they can be tested without
 * a database; `read.ts` is the thin store reader and `processMetrics` the entry point.
 */
export type { CycleTimeMetric, Metric, OrderFacts, ProcessMetrics } from './types.js';
export { processMetrics, type ProcessMetricsOptions } from './process-metrics.js';
export { cycleTime, fillRate, onTimeDelivery, returnRate } from './order-metrics.js';
export { inventoryTurnover, stockOutRate } from './stock-metrics.js';
export { quantile } from './stats.js';
export { readOrderFacts, readStockLevels, readUnitsSold, type Period } from './read.js';
