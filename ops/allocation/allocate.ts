import { explainPlan } from './explain.js';
import { AllocationRequestSchema, type ParsedWarehouse } from './schemas.js';
import { EXACT_LIMIT, availableOf, exactSplit, fillFrom, greedySplit, type Candidate, type Demand } from './search.js';
import type { AllocationMethod, AllocationPlan, AllocationRequest, PlannedShipment, Shortfall, WarehouseAssessment } from './types.js';
import { parseInput } from '../../core/validation.js';

/**
 * Chooses the warehouse(s) that ship an order at the least cost, and says why.
 *
 * @remarks One parcel whenever one warehouse has everything — the cheapest such warehouse, even if
 * a split would cost less, because customers prefer one delivery. Only when none has everything is
 * the order split, to ship as many units as stock allows at the least total cost (every subset of
 * warehouses is tried; there are few). Never allocates more than a warehouse's available stock;
 * what no warehouse has is reported as shortfall.
 * @throws {@link InvalidInputError} when a line, warehouse or cost is malformed.
 * @example
 * allocateOrder({
 *   lines: [{ sku: 'MUG', quantity: 2 }],
 *   warehouses: [
 *     { code: 'LDS', name: 'Leeds', stock: { MUG: 5 }, shipmentCostMinor: 310, distanceKm: 12 },
 *     { code: 'MAN', name: 'Manchester', stock: { MUG: 9 }, shipmentCostMinor: 390, distanceKm: 52 },
 *   ],
 * }).explanation; // "Leeds had everything and is the cheapest to ship from (£3.10): £0.80 cheaper and 40 km closer than Manchester, …"
 */
export function allocateOrder(request: AllocationRequest): AllocationPlan {
  const parsed = parseInput(AllocationRequestSchema, request, 'allocation request');
  const warehouses = [...parsed.warehouses].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const demand = mergeLines(parsed.lines);
  const assessments = warehouses.map((w) => assess(w, demand)).sort(byCost);
  const single = assessments.find((a) => a.canFillAll);
  let method: AllocationMethod;
  let chosen: Candidate;
  if (single) {
    method = 'single';
    chosen = fillFrom(warehouses.filter((w) => w.code === single.warehouse), demand);
  } else {
    method = warehouses.length <= EXACT_LIMIT ? 'split-exact' : 'split-greedy';
    chosen = method === 'split-exact' ? exactSplit(warehouses, demand) : greedySplit(warehouses, demand);
  }
  const shipments = toShipments(chosen, warehouses);
  const shortfall = shortfallOf(demand, shipments);
  const plan: Omit<AllocationPlan, 'explanation'> = {
    shipments,
    split: shipments.length > 1,
    fullyAllocated: shortfall.length === 0,
    shortfall,
    totalCostMinor: chosen.costMinor,
    currency: parsed.currency,
    method,
    assessments,
  };
  return { ...plan, explanation: explainPlan(plan) };
}

function mergeLines(lines: readonly { sku: string; quantity: number }[]): Demand {
  const demand = new Map<string, number>();
  for (const line of lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
  return demand;
}

function assess(warehouse: ParsedWarehouse, demand: Demand): WarehouseAssessment {
  const short = [...demand]
    .filter(([sku, needed]) => availableOf(warehouse, sku) < needed)
    .map(([sku, needed]) => ({ sku, needed, available: availableOf(warehouse, sku) }));
  const units = [...demand.values()].reduce((s, q) => s + q, 0);
  return {
    warehouse: warehouse.code,
    name: warehouse.name ?? warehouse.code,
    canFillAll: short.length === 0,
    short,
    costMinor: warehouse.shipmentCostMinor + units * warehouse.perUnitCostMinor,
    ...(warehouse.distanceKm === undefined ? {} : { distanceKm: warehouse.distanceKm }),
  };
}

function byCost(a: WarehouseAssessment, b: WarehouseAssessment): number {
  return a.costMinor - b.costMinor || (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || (a.warehouse < b.warehouse ? -1 : 1);
}

function toShipments(candidate: Candidate, warehouses: readonly ParsedWarehouse[]): PlannedShipment[] {
  return warehouses
    .filter((w) => candidate.parcels.has(w.code))
    .map((w) => {
      const lines = candidate.parcels.get(w.code) ?? [];
      const units = lines.reduce((s, l) => s + l.quantity, 0);
      return {
        warehouse: w.code,
        name: w.name ?? w.code,
        lines,
        costMinor: w.shipmentCostMinor + units * w.perUnitCostMinor,
        ...(w.distanceKm === undefined ? {} : { distanceKm: w.distanceKm }),
      };
    })
    .sort((a, b) => a.costMinor - b.costMinor || (a.warehouse < b.warehouse ? -1 : 1));
}

function shortfallOf(demand: Demand, shipments: readonly PlannedShipment[]): Shortfall[] {
  const out: Shortfall[] = [];
  for (const [sku, requested] of demand) {
    const allocated = shipments.flatMap((s) => s.lines).filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
    if (allocated < requested) out.push({ sku, requested, allocated, missing: requested - allocated });
  }
  return out;
}
