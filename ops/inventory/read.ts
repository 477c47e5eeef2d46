import type { Kysely } from 'kysely';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import type { Database } from '../../store/index.js';
import { dateRange } from './dates.js';
import { IsoDateSchema, SkuSchema, WarehouseCodeSchema } from './schemas.js';
import type { StockOutSeries } from './stock-out-types.js';
import type { StockRecord } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Database handle and optional filters every inventory reader takes. */
export interface StockFilter {
  db: Kysely<Database>;
  /** Only these SKUs; all when absent. */
  skus?: readonly string[];
  /** Only these warehouse codes; all when absent. */
  warehouses?: readonly string[];
}

const FilterSchema = z.object({
  skus: z.array(SkuSchema).max(1000).optional(),
  warehouses: z.array(WarehouseCodeSchema).max(100).optional(),
});

/**
 * Current stock rows with SKU, product name and warehouse code, by SKU then warehouse.
 *
 * @example
 * const stock = await readStock({ db, warehouses: ['LDS'] });
 */
export async function readStock(filter: StockFilter): Promise<StockRecord[]> {
  const { skus, warehouses } = parseInput(FilterSchema, { skus: filter.skus, warehouses: filter.warehouses }, 'stock filter');
  let query = filter.db
    .selectFrom('stock')
    .innerJoin('products', 'products.id', 'stock.product_id')
    .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
    .select(['products.sku', 'products.name', 'warehouses.code', 'stock.on_hand', 'stock.reserved', 'stock.reorder_point']);
  if (skus) query = query.where('products.sku', 'in', skus.length > 0 ? skus : ['']);
  if (warehouses) query = query.where('warehouses.code', 'in', warehouses.length > 0 ? warehouses : ['']);
  const rows = await query.orderBy('products.sku').orderBy('warehouses.code').execute();
  return rows.map((row) => ({
    sku: row.sku,
    name: row.name,
    warehouse: row.code,
    onHand: row.on_hand,
    reserved: row.reserved,
    reorderPoint: row.reorder_point,
  }));
}

/** Options of {@link readDailySales}. */
export interface ReadDailySalesOptions extends StockFilter {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
}

const MAX_RANGE_DAYS = 3660;

/**
 * Units sold per day for every stocked SKU × warehouse, zero-filled, with available units now.
 *
 * @remarks `sales_daily` stores only days with sales, so absent days are zeros. The store has
 * no stock history, so no day carries `available`; {@link detectStockOuts} then uses its proxy.
 */
export async function readDailySales(options: ReadDailySalesOptions): Promise<StockOutSeries[]> {
  const { from, to } = parseInput(z.object({ from: IsoDateSchema, to: IsoDateSchema }), options, 'sales range');
  const dates = from <= to ? dateRange(from, to) : [];
  if (dates.length === 0 || dates.length > MAX_RANGE_DAYS) {
    throw new InvalidInputError(`Invalid sales range: from must not be after to, and the range at most ${MAX_RANGE_DAYS} days`);
  }
  const stock = await readStock(options);
  if (stock.length === 0) return [];
  let query = options.db
    .selectFrom('sales_daily')
    .innerJoin('products', 'products.id', 'sales_daily.product_id')
    .innerJoin('warehouses', 'warehouses.id', 'sales_daily.warehouse_id')
    .select(['products.sku', 'warehouses.code', 'sales_daily.date', 'sales_daily.units'])
    .where('sales_daily.date', '>=', from)
    .where('sales_daily.date', '<=', to);
  if (options.skus) query = query.where('products.sku', 'in', [...new Set(stock.map((s) => s.sku))]);
  if (options.warehouses) query = query.where('warehouses.code', 'in', [...new Set(stock.map((s) => s.warehouse))]);
  const sales = await query.execute();
  const units = new Map(sales.map((s) => [`${s.sku}\u0000${s.code}\u0000${s.date}`, s.units]));
  return stock.map((record) => ({
    sku: record.sku,
    warehouse: record.warehouse,
    availableNow: Math.max(0, record.onHand - record.reserved),
    days: dates.map((date) => ({ date, unitsSold: units.get(`${record.sku}\u0000${record.warehouse}\u0000${date}`) ?? 0 })),
  }));
}
