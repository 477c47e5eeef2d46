import { z } from 'zod';

const count = z.number().int('must be a whole number of units').nonnegative('must not be negative');
const rate = z.number().finite().nonnegative('must not be negative');

export const SkuSchema = z.string().trim().min(1, 'must not be empty').max(64);
export const WarehouseCodeSchema = z.string().trim().min(1, 'must not be empty').max(16);
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

export const StockRecordSchema = z.object({
  sku: SkuSchema,
  warehouse: WarehouseCodeSchema,
  onHand: count,
  reserved: count,
  reorderPoint: count,
  name: z.string().optional(),
});

export const DemandForecastSchema = z.union([
  rate,
  z.array(rate).min(1, 'a daily forecast needs at least one day').max(3660),
]);

export const SkuForecastSchema = z.object({ sku: SkuSchema, warehouse: WarehouseCodeSchema, forecast: DemandForecastSchema });

export const DailyStockRecordSchema = z.object({
  date: IsoDateSchema,
  unitsSold: count,
  available: z.number().int().nullable().optional(),
});

export const StockOutSeriesSchema = z.object({
  sku: SkuSchema,
  warehouse: WarehouseCodeSchema,
  days: z.array(DailyStockRecordSchema).max(3660),
  availableNow: z.number().int().optional(),
});
