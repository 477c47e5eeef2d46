import { z } from 'zod';
import { daysOfCover, meanDailyDemand } from './cover.js';
import { SkuForecastSchema, StockRecordSchema } from './schemas.js';
import { availableUnits, compareText } from './stock.js';
import type { SkuForecast, StockRecord } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Input of {@link lowStockList}. */
export interface LowStockInput {
  stock: readonly StockRecord[];
  /** Demand per SKU and warehouse; records without one are still listed, with unknown cover. */
  forecasts: readonly SkuForecast[];
}

/** A SKU in a warehouse whose available stock is below its reorder point. */
export interface LowStockItem {
  sku: string;
  name?: string;
  warehouse: string;
  onHand: number;
  reserved: number;
  available: number;
  reorderPoint: number;
  /** `reorderPoint − available`. */
  belowBy: number;
  /** Mean forecast units per day; `null` when no forecast was given. */
  demandPerDay: number | null;
  /** Days the available stock lasts, to one decimal; `null` when demand is zero or unknown. */
  daysOfCover: number | null;
}

const LowStockInputSchema = z.object({
  stock: z.array(StockRecordSchema).max(100_000),
  forecasts: z.array(SkuForecastSchema).max(100_000),
});

/**
 * SKU × warehouse pairs whose available stock is below the reorder point, most urgent first.
 *
 * @remarks Sorted by days of cover (fewest first) because that, not the raw shortfall, says
 * what runs out first; records with unknown or zero demand come last, larger shortfalls first.
 * @throws {@link InvalidInputError} when a record or forecast is malformed.
 * @example
 * lowStockList({ stock: [{ sku: 'MUG', warehouse: 'LDS', onHand: 5, reserved: 1, reorderPoint: 10 }], forecasts: [{ sku: 'MUG', warehouse: 'LDS', forecast: 2 }] });
 * // [{ sku: 'MUG', warehouse: 'LDS', available: 4, belowBy: 6, daysOfCover: 2, ... }]
 */
export function lowStockList(input: LowStockInput): LowStockItem[] {
  const { stock, forecasts } = parseInput(LowStockInputSchema, input, 'low-stock input');
  const forecastByKey = new Map(forecasts.map((f) => [keyOf(f), f.forecast]));
  const items: { item: LowStockItem; cover: number | null }[] = [];
  for (const record of stock) {
    const available = availableUnits(record);
    if (available >= record.reorderPoint) continue;
    const forecast = forecastByKey.get(keyOf(record));
    const cover = forecast === undefined ? null : daysOfCover(available, forecast);
    items.push({
      cover,
      item: {
        sku: record.sku,
        ...(record.name === undefined ? {} : { name: record.name }),
        warehouse: record.warehouse,
        onHand: record.onHand,
        reserved: record.reserved,
        available,
        reorderPoint: record.reorderPoint,
        belowBy: record.reorderPoint - available,
        demandPerDay: forecast === undefined ? null : meanDailyDemand(forecast),
        daysOfCover: cover === null ? null : Math.round(cover * 10) / 10,
      },
    });
  }
  return items.sort(byUrgency).map((entry) => entry.item);
}

function byUrgency(a: { item: LowStockItem; cover: number | null }, b: { item: LowStockItem; cover: number | null }): number {
  if (a.cover !== b.cover) {
    if (a.cover === null) return 1;
    if (b.cover === null) return -1;
    return a.cover - b.cover;
  }
  return b.item.belowBy - a.item.belowBy || compareText(a.item.sku, b.item.sku) || compareText(a.item.warehouse, b.item.warehouse);
}

function keyOf(value: { sku: string; warehouse: string }): string {
  return `${value.sku}\u0000${value.warehouse}`;
}
