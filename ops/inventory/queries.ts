import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/index.js';
import { addDays, isoDate } from './dates.js';
import { lowStockList, type LowStockItem } from './low-stock.js';
import { readDailySales, readStock } from './read.js';
import { detectStockOuts } from './stock-outs.js';
import type { StockOutEvent } from './stock-out-types.js';
import { trailingAverageDemand } from './trailing-demand.js';
import type { SkuForecast } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Options of {@link listLowStock}. */
export interface ListLowStockOptions {
  db: Kysely<Database>;
  /** The moment asked about; sales history is read up to the day before. */
  now: Date;
  /** Only these warehouse codes; all when absent. */
  warehouses?: readonly string[];
  /**
   * Demand per SKU and warehouse, for example from `ops/forecasting`. When absent, the mean of
   * the last `trailingDays` days of sales stands in for every SKU.
   */
  forecasts?: readonly SkuForecast[];
  /**
   * Days of sales averaged when no forecasts are given.
   * @defaultValue 28
   */
  trailingDays?: number;
}

/** What {@link listLowStock} found, and what demand the cover was computed from. */
export interface LowStockReport {
  /** `YYYY-MM-DD` of `now`. */
  asOf: string;
  /** `forecast` when forecasts were passed, else `trailing-average` over `trailingDays`. */
  demand: 'forecast' | 'trailing-average';
  items: LowStockItem[];
}

const TrailingSchema = z.number().int().min(1).max(365).default(28);

/**
 * Stock below its reorder point, most urgent first, read from the store.
 *
 * @example
 * const { items } = await listLowStock({ db, now: new Date(), warehouses: ['LDS'] });
 */
export async function listLowStock(options: ListLowStockOptions): Promise<LowStockReport> {
  const asOf = isoDate(options.now);
  const filter = { db: options.db, ...(options.warehouses ? { warehouses: options.warehouses } : {}) };
  if (options.forecasts) {
    const stock = await readStock(filter);
    return { asOf, demand: 'forecast', items: lowStockList({ stock, forecasts: options.forecasts }) };
  }
  const trailingDays = parseInput(TrailingSchema, options.trailingDays, 'trailingDays');
  const yesterday = addDays(asOf, -1);
  const [stock, sales] = await Promise.all([
    readStock(filter),
    readDailySales({ ...filter, from: addDays(yesterday, 1 - trailingDays), to: yesterday }),
  ]);
  const forecasts = sales.map((s) => ({ sku: s.sku, warehouse: s.warehouse, forecast: trailingAverageDemand(s.days, trailingDays) }));
  return { asOf, demand: 'trailing-average', items: lowStockList({ stock, forecasts }) };
}

/** Options of {@link listStockOuts}. */
export interface ListStockOutsOptions {
  db: Kysely<Database>;
  now: Date;
  /** Report stock-outs overlapping the last this many days (up to yesterday). */
  lastDays: number;
  /**
   * Days of sales read to learn how often each SKU sells nothing, at least `lastDays`.
   * @defaultValue 90
   */
  historyDays?: number;
  skus?: readonly string[];
  warehouses?: readonly string[];
}

const StockOutOptionsSchema = z.object({
  lastDays: z.number().int().min(1).max(365),
  historyDays: z.number().int().min(1).max(3660).default(90),
});

/**
 * Stock-outs in the last `lastDays` days, from daily sales and current stock (see the proxy in {@link detectStockOuts}).
 *
 * @example
 * const outs = await listStockOuts({ db, now: new Date(), lastDays: 30 });
 */
export async function listStockOuts(options: ListStockOutsOptions): Promise<StockOutEvent[]> {
  const { lastDays, historyDays } = parseInput(StockOutOptionsSchema, options, 'stock-out options');
  const yesterday = addDays(isoDate(options.now), -1);
  const series = await readDailySales({
    db: options.db,
    from: addDays(yesterday, 1 - Math.max(lastDays, historyDays)),
    to: yesterday,
    ...(options.skus ? { skus: options.skus } : {}),
    ...(options.warehouses ? { warehouses: options.warehouses } : {}),
  });
  return detectStockOuts({ series, lastDays });
}
