/**
 * A stock row as the algorithms take it: one SKU in one warehouse.
 *
 * @remarks `reserved` counts units held for paid or packed orders; they are still on the shelf
 * (part of `onHand`) until dispatch, which is why available is on hand minus reserved.
 */
export interface StockRecord {
  sku: string;
  /** Warehouse code, for example `LDS`. */
  warehouse: string;
  onHand: number;
  reserved: number;
  /** Units at or below which the SKU should be reordered in this warehouse. */
  reorderPoint: number;
  /** Product name, carried through for display. */
  name?: string;
}

/** Stock of one SKU in one warehouse with what can still be sold. */
export interface StockPosition {
  sku: string;
  warehouse: string;
  onHand: number;
  reserved: number;
  /** `onHand − reserved`, never below zero. */
  available: number;
  /** Units reserved beyond what is on hand (a data problem to look at); 0 normally. */
  overReserved: number;
}

/**
 * Expected demand in units per day: one average for every day, or a value per day starting today.
 *
 * @example 3.5
 * @example [4, 3, 3, 5, 6, 2, 2]
 */
export type DemandForecast = number | readonly number[];

/** A demand forecast for one SKU in one warehouse. */
export interface SkuForecast {
  sku: string;
  warehouse: string;
  forecast: DemandForecast;
}
