import type { ParsedWarehouse } from './schemas.js';
import type { AllocationLine } from './types.js';

/** Units per SKU; insertion order is the order's line order. */
export type Demand = ReadonlyMap<string, number>;

/** A candidate assignment of units to warehouses. */
export interface Candidate {
  /** Units per warehouse code and SKU, only warehouses that ship something. */
  parcels: Map<string, AllocationLine[]>;
  units: number;
  costMinor: number;
  distanceKm: number;
}

/** Subsets up to this many warehouses are searched exhaustively (2¹² = 4,096 subsets). */
export const EXACT_LIMIT = 12;

export function availableOf(warehouse: ParsedWarehouse, sku: string): number {
  return Math.max(0, warehouse.stock[sku] ?? 0);
}

/**
 * Assigns each SKU to the warehouses of `subset`, cheapest per unit first, never above stock.
 *
 * @remarks SKUs are independent once the subset is fixed and per-unit costs are linear, so this
 * greedy fill is optimal for the subset; warehouses left empty pay nothing.
 */
export function fillFrom(subset: readonly ParsedWarehouse[], demand: Demand): Candidate {
  const ordered = [...subset].sort((a, b) => a.perUnitCostMinor - b.perUnitCostMinor || a.shipmentCostMinor - b.shipmentCostMinor);
  const parcels = new Map<string, AllocationLine[]>();
  let units = 0;
  let costMinor = 0;
  for (const [sku, quantity] of demand) {
    let remaining = quantity;
    for (const warehouse of ordered) {
      const take = Math.min(remaining, availableOf(warehouse, sku));
      if (take <= 0) continue;
      parcels.set(warehouse.code, [...(parcels.get(warehouse.code) ?? []), { sku, quantity: take }]);
      units += take;
      costMinor += take * warehouse.perUnitCostMinor;
      remaining -= take;
      if (remaining === 0) break;
    }
  }
  let distanceKm = 0;
  for (const warehouse of subset) {
    if (!parcels.has(warehouse.code)) continue;
    costMinor += warehouse.shipmentCostMinor;
    distanceKm += warehouse.distanceKm ?? 0;
  }
  return { parcels, units, costMinor, distanceKm };
}

/** Most units first, then cheapest, fewest parcels, shortest total distance. */
export function better(a: Candidate, b: Candidate): boolean {
  if (a.units !== b.units) return a.units > b.units;
  if (a.costMinor !== b.costMinor) return a.costMinor < b.costMinor;
  if (a.parcels.size !== b.parcels.size) return a.parcels.size < b.parcels.size;
  return a.distanceKm < b.distanceKm;
}

/** The best candidate over every non-empty subset of warehouses. */
export function exactSplit(warehouses: readonly ParsedWarehouse[], demand: Demand): Candidate {
  let best: Candidate | undefined;
  for (let mask = 1; mask < 1 << warehouses.length; mask += 1) {
    const subset = warehouses.filter((_, i) => (mask >> i) & 1);
    const candidate = fillFrom(subset, demand);
    if (!best || better(candidate, best)) best = candidate;
  }
  return best as Candidate;
}

/**
 * Adds warehouses one at a time, each time the one that ships the most new units per unit of cost.
 *
 * @remarks Only for networks too large for {@link exactSplit}; not guaranteed cheapest.
 */
export function greedySplit(warehouses: readonly ParsedWarehouse[], demand: Demand): Candidate {
  const chosen: ParsedWarehouse[] = [];
  let current = fillFrom(chosen, demand);
  for (;;) {
    let pick: { warehouse: ParsedWarehouse; candidate: Candidate; score: number } | undefined;
    for (const warehouse of warehouses) {
      if (chosen.includes(warehouse)) continue;
      const candidate = fillFrom([...chosen, warehouse], demand);
      const gained = candidate.units - current.units;
      if (gained <= 0) continue;
      const score = gained / Math.max(1, candidate.costMinor - current.costMinor);
      if (!pick || score > pick.score) pick = { warehouse, candidate, score };
    }
    if (!pick) return current;
    chosen.push(pick.warehouse);
    current = pick.candidate;
  }
}
