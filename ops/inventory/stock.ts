import type { StockPosition, StockRecord } from './types.js';

/**
 * Units that can still be promised: on hand minus reserved, never negative.
 *
 * @remarks Reservations above what is on hand happen when a count is corrected after orders
 * were taken; the shortfall is reported as `overReserved`, not as negative stock to sell.
 */
export function availableUnits(record: Pick<StockRecord, 'onHand' | 'reserved'>): number {
  return Math.max(0, record.onHand - record.reserved);
}

/** The position of one stock record. */
export function stockPosition(record: StockRecord): StockPosition {
  return {
    sku: record.sku,
    warehouse: record.warehouse,
    onHand: record.onHand,
    reserved: record.reserved,
    available: availableUnits(record),
    overReserved: Math.max(0, record.reserved - record.onHand),
  };
}

/** Stock of one SKU summed over warehouses, with the per-warehouse positions. */
export interface SkuStockTotal {
  sku: string;
  onHand: number;
  reserved: number;
  /** Sum of the warehouses' available units (each already floored at zero). */
  available: number;
  warehouses: StockPosition[];
}

/**
 * Positions grouped by SKU, SKUs and warehouses in code order.
 *
 * @remarks Available is summed per warehouse after flooring, so one over-reserved warehouse
 * cannot hide another's sellable stock.
 */
export function stockBySku(records: readonly StockRecord[]): SkuStockTotal[] {
  const bySku = new Map<string, SkuStockTotal>();
  for (const record of records) {
    const position = stockPosition(record);
    const total = bySku.get(record.sku) ?? { sku: record.sku, onHand: 0, reserved: 0, available: 0, warehouses: [] };
    total.onHand += position.onHand;
    total.reserved += position.reserved;
    total.available += position.available;
    total.warehouses.push(position);
    bySku.set(record.sku, total);
  }
  const totals = [...bySku.values()].sort((a, b) => compareText(a.sku, b.sku));
  for (const total of totals) total.warehouses.sort((a, b) => compareText(a.warehouse, b.warehouse));
  return totals;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
