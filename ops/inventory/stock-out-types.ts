/** One day of a SKU in one warehouse. */
export interface DailyStockRecord {
  /** `YYYY-MM-DD`. */
  date: string;
  unitsSold: number;
  /** Available units at the end of the day when a stock history records it; absent otherwise. */
  available?: number | null;
}

/** Consecutive daily records of one SKU in one warehouse, oldest first. */
export interface StockOutSeries {
  sku: string;
  warehouse: string;
  days: readonly DailyStockRecord[];
  /** Available units now; 0 confirms that a zero-sales run up to today is a stock-out. */
  availableNow?: number;
}

/**
 * Why a day was counted as out of stock.
 * - `zero-available`: the stock history records no available units.
 * - `zero-sales-improbable`: proxy — a run of zero-sales days too long to be chance for this SKU.
 * - `zero-sales-out-now`: proxy — zero sales up to today and nothing available now.
 */
export type StockOutEvidence = 'zero-available' | 'zero-sales-improbable' | 'zero-sales-out-now';

/** A run of consecutive out-of-stock days. */
export interface StockOutEvent {
  sku: string;
  warehouse: string;
  /** First day out, `YYYY-MM-DD` (may precede the reporting window). */
  start: string;
  /** Last day out, `YYYY-MM-DD`. */
  end: string;
  days: number;
  /** Still out on the last day of the series (and, when known, now). */
  ongoing: boolean;
  evidence: StockOutEvidence[];
}
