/** A line of an order to allocate: SKU × quantity. */
export interface AllocationLine {
  sku: string;
  quantity: number;
}

/** A warehouse that could ship the order, with its stock and its cost to this destination. */
export interface WarehouseOption {
  /** Warehouse code, for example `LDS`. */
  code: string;
  /** Name used in explanations, for example `Leeds`; the code when absent. */
  name?: string;
  /** Available units (on hand − reserved) per SKU; a missing SKU has none. */
  stock: Readonly<Record<string, number>>;
  /** Cost of one parcel from here to the destination, in minor units. */
  shipmentCostMinor: number;
  /**
   * Extra cost per unit shipped from here, in minor units.
   * @defaultValue 0
   */
  perUnitCostMinor?: number;
  /** Distance to the destination in km, used only to explain the choice. */
  distanceKm?: number;
}

/** An order to allocate and the warehouses to choose from. */
export interface AllocationRequest {
  lines: readonly AllocationLine[];
  warehouses: readonly WarehouseOption[];
  /** @defaultValue 'GBP' */
  currency?: string;
}

/** One parcel of the plan. */
export interface PlannedShipment {
  warehouse: string;
  name: string;
  lines: AllocationLine[];
  costMinor: number;
  distanceKm?: number;
}

/** Units of a SKU that no warehouse could supply. */
export interface Shortfall {
  sku: string;
  requested: number;
  allocated: number;
  missing: number;
}

/** How one warehouse fares against the whole order. */
export interface WarehouseAssessment {
  warehouse: string;
  name: string;
  canFillAll: boolean;
  /** SKUs it cannot fully supply. */
  short: { sku: string; needed: number; available: number }[];
  /** Cost of sending the whole order from here in one parcel (whether or not it could). */
  costMinor: number;
  distanceKm?: number;
}

/**
 * How the order is split between warehouses.
 * - `single`: one warehouse had everything.
 * - `split-exact`: every subset of warehouses was tried.
 * - `split-greedy`: too many warehouses to try every subset; chosen greedily by units per cost.
 */
export type AllocationMethod = 'single' | 'split-exact' | 'split-greedy';

/** The allocation and why. */
export interface AllocationPlan {
  shipments: PlannedShipment[];
  split: boolean;
  fullyAllocated: boolean;
  shortfall: Shortfall[];
  totalCostMinor: number;
  currency: string;
  method: AllocationMethod;
  /** Every warehouse against the whole order, cheapest first. */
  assessments: WarehouseAssessment[];
  /** Plain-English reason for the choice. */
  explanation: string;
}
