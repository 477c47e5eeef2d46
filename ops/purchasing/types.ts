import type { DemandForecast } from '../inventory/index.js';
import type { StockPolicy } from './policy.js';

/** The supplier a SKU is bought from. */
export interface SupplierRef {
  id: number;
  name: string;
}

/** One SKU (optionally in one warehouse) to consider for replenishment. */
export interface ReplenishmentItem {
  sku: string;
  name?: string;
  /** Warehouse code the stock and the delivery are for; absent for network-wide stock. */
  warehouse?: string;
  supplier: SupplierRef;
  /** Units available now (on hand − reserved). */
  available: number;
  /**
   * Units ordered from the supplier but not yet received.
   * @defaultValue 0
   */
  onOrder?: number;
  demand: DemandForecast;
  /** σ of the daily forecast error, units per day. */
  forecastErrorSigma: number;
  /** Mean lead time in days; the supplier's stated lead time when nothing better is known. */
  leadTimeDays: number;
  /** @defaultValue 0 */
  leadTimeSigmaDays?: number;
  /** Overrides the plan's service level for this SKU. */
  serviceLevel?: number;
  /** @defaultValue 1 */
  packSize?: number;
  /** Minimum order quantity in units. @defaultValue 1 */
  moq?: number;
  /** Purchase price per unit in minor units, when known. */
  unitCostMinor?: number;
}

/** A suggested purchase-order line with the reasoning behind it. */
export interface DraftPurchaseOrderLine {
  sku: string;
  name?: string;
  warehouse?: string;
  quantity: number;
  packs: number;
  packSize: number;
  moq: number;
  unitCostMinor: number | null;
  lineTotalMinor: number | null;
  /** Inventory position: available + on order. */
  position: number;
  /** Units up to the order-up-to level, before pack and MOQ rounding. */
  need: number;
  policy: StockPolicy;
  /** What was assumed and computed, one sentence each, in order. */
  reasoning: string[];
}

/**
 * A purchase order suggestion for one supplier.
 *
 * @remarks Staff confirm it in chat; `createDraftPurchaseOrders` (drafts.ts) stores it as a draft.
 */
export interface DraftPurchaseOrder {
  status: 'draft';
  supplier: SupplierRef;
  currency: string;
  lines: DraftPurchaseOrderLine[];
  totalUnits: number;
  /** Sum of line totals; `null` when any line has no unit cost. */
  totalMinor: number | null;
}

/** An item that needs no order now, and why. */
export interface SkippedItem {
  sku: string;
  warehouse?: string;
  position: number;
  reorderPoint: number;
  reason: string;
}

/** Everything {@link suggestPurchaseOrders} decided. */
export interface PurchasePlan {
  orders: DraftPurchaseOrder[];
  skipped: SkippedItem[];
}
