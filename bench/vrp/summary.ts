import type { BestKnown } from './bks.js';

/** One instance's outcome. */
export interface InstanceResult {
  name: string;
  cost: number;
  vehicles: number;
  seconds: number;
  iterations: number;
  best: BestKnown;
  valid: boolean;
}

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

export function gapPct(cost: number, best: number): number {
  return ((cost - best) / best) * 100;
}

/**
 * Whether the result matches the best known: CVRPLIB costs are integers; Solomon costs are
 * compared at the 2 decimals they are published with, and may not use more vehicles.
 */
export function isOptimal(r: InstanceResult, vrptw: boolean): boolean {
  if (!r.valid) return false;
  if (!vrptw) return Math.round(r.cost) <= r.best.cost;
  return r.vehicles <= r.best.vehicles && Math.round(r.cost * 100) / 100 <= r.best.cost + 1e-9;
}

export function formatRow(r: InstanceResult, vrptw: boolean): string {
  const gap = gapPct(r.cost, r.best.cost).toFixed(2).padStart(6);
  const base = `${r.name.padEnd(10)} cost ${r.cost.toFixed(vrptw ? 2 : 0).padStart(8)}  bks ${String(r.best.cost).padStart(8)}  gap ${gap}%  veh ${r.vehicles}/${r.best.vehicles}  ${r.seconds.toFixed(2)}s  it ${r.iterations}`;
  const extra = vrptw && r.best.distanceOnly
    ? `  dist-only bks ${r.best.distanceOnly.cost} (${r.best.distanceOnly.vehicles} veh) gap ${gapPct(r.cost, r.best.distanceOnly.cost).toFixed(2)}%`
    : '';
  return `${base}${extra}${r.valid ? '' : '  INVALID'}`;
}

/** The one-line JSON summary printed last. */
export function summarise(results: readonly InstanceResult[], vrptw: boolean, meta: Record<string, unknown>): Record<string, unknown> {
  const mean = (xs: number[]): number => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
  const gaps = results.map((r) => gapPct(r.cost, r.best.cost));
  const out: Record<string, unknown> = {
    instances: results.length,
    mean_gap_pct: round(mean(gaps)),
    max_gap_pct: round(Math.max(...gaps)),
    optimal_count: results.filter((r) => isOptimal(r, vrptw)).length,
    mean_seconds: round(mean(results.map((r) => r.seconds))),
    invalid_count: results.filter((r) => !r.valid).length,
  };
  if (vrptw) {
    const sameFleet = results.filter((r) => r.vehicles <= r.best.vehicles);
    out.mean_vehicles = round(mean(results.map((r) => r.vehicles)), 2);
    out.mean_bks_vehicles = round(mean(results.map((r) => r.best.vehicles)), 2);
    out.total_vehicles = results.reduce((a, r) => a + r.vehicles, 0);
    out.total_bks_vehicles = results.reduce((a, r) => a + r.best.vehicles, 0);
    out.vehicles_le_bks_count = sameFleet.length;
    out.mean_gap_pct_when_vehicles_le_bks = round(mean(sameFleet.map((r) => gapPct(r.cost, r.best.cost))));
    out.mean_gap_pct_vs_distance_only_bks = round(mean(results.map((r) => gapPct(r.cost, r.best.distanceOnly?.cost ?? r.best.cost))));
  }
  return { ...out, ...meta };
}
