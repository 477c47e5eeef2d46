/**
 * Inventory: stock by SKU and warehouse, days of cover, the low-stock list and stock-outs.
 *
 * @remarks The algorithms take plain data (stock records, forecasts, daily sales) so they can be
 * tested and reused without a database; `read.ts` and `queries.ts` are the thin store readers.
 * Demand forecasts are inputs: this module does not depend on `ops/forecasting`.
 */
export type { DemandForecast, SkuForecast, StockPosition, StockRecord } from './types.js';
export type { DailyStockRecord, StockOutEvent, StockOutEvidence, StockOutSeries } from './stock-out-types.js';
export { availableUnits, stockBySku, stockPosition, type SkuStockTotal } from './stock.js';
export { daysOfCover, meanDailyDemand } from './cover.js';
export { lowStockList, type LowStockInput, type LowStockItem } from './low-stock.js';
export { detectStockOuts, type DetectStockOutsInput } from './stock-outs.js';
export { trailingAverageDemand } from './trailing-demand.js';
export { readDailySales, readStock, type ReadDailySalesOptions, type StockFilter } from './read.js';
export { listLowStock, listStockOuts, type ListLowStockOptions, type ListStockOutsOptions, type LowStockReport } from './queries.js';
export { DemandForecastSchema, StockRecordSchema } from './schemas.js';
