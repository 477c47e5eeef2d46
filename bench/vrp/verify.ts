import type { RoutePlan } from '../../ops/routing/index.js';
import type { BenchInstance } from './instances.js';

/**
 * Recomputes a plan's cost from the raw coordinates and checks every rule, independently of
 * the solver's own bookkeeping.
 *
 * @returns the recomputed cost and the rules broken (empty when valid).
 */
export function verifyPlan(instance: BenchInstance, plan: RoutePlan): { cost: number; violations: string[] } {
  const { problem, coords } = instance;
  const index = new Map(problem.stops.map((s, k) => [s.id, k + 1]));
  const stops = problem.stops;
  const edge = (a: number, b: number): number => {
    const d = Math.hypot(coords[a]!.x - coords[b]!.x, coords[a]!.y - coords[b]!.y);
    return instance.rounded ? Math.round(d) : d;
  };
  const violations: string[] = [];
  const seen = new Set<string>();
  let cost = 0;
  for (const route of plan.routes) {
    let prev = 0;
    let t = problem.depot.window?.start ?? 0;
    let load = 0;
    let serviceAtPrev = 0;
    for (const s of route.stops) {
      const node = index.get(s.stopId)!;
      const stop = stops[node - 1]!;
      if (seen.has(s.stopId)) violations.push(`${s.stopId} visited twice`);
      seen.add(s.stopId);
      cost += edge(prev, node);
      t = Math.max(t + serviceAtPrev + edge(prev, node), stop.window?.start ?? 0);
      if (stop.window && t > stop.window.end + 1e-6) violations.push(`${s.stopId} late (${t.toFixed(2)} > ${stop.window.end})`);
      load += stop.demand;
      serviceAtPrev = stop.serviceTime ?? 0;
      prev = node;
    }
    cost += edge(prev, 0);
    const back = t + serviceAtPrev + edge(prev, 0);
    if (problem.depot.window && back > problem.depot.window.end + 1e-6) violations.push(`vehicle ${route.vehicle} back late`);
    if (load > problem.vehicles.capacity) violations.push(`vehicle ${route.vehicle} overloaded (${load})`);
  }
  if (seen.size + plan.unserved.length !== stops.length) violations.push(`${stops.length - seen.size} stops missing`);
  if (plan.unserved.length > 0) violations.push(`${plan.unserved.length} unserved`);
  if (plan.vehiclesUsed > problem.vehicles.count) violations.push('too many vehicles');
  if (Math.abs(cost - plan.totalDistance) > 1e-6 * Math.max(1, cost)) violations.push(`reported ${plan.totalDistance} ≠ ${cost}`);
  return { cost, violations };
}
