import { createRandom } from '../../../core/random.js';
import type { RoutePlan, RoutingProblemInput } from '../../../ops/routing/index.js';

/** A random instance: `stops` customers on a 100×100 square, optionally with windows. */
export function randomProblem(options: { seed: number; stops: number; vans: number; capacity: number; windows: boolean }): RoutingProblemInput {
  const random = createRandom(options.seed);
  const depot = { x: 50, y: 50 };
  const stops = Array.from({ length: options.stops }, (_, k) => {
    const location = { x: Math.round(random() * 100), y: Math.round(random() * 100) };
    const demand = 1 + Math.floor(random() * 9);
    if (!options.windows) return { id: `s${k}`, demand, location };
    const direct = Math.hypot(location.x - depot.x, location.y - depot.y);
    const start = Math.round(direct + random() * 300);
    return { id: `s${k}`, demand, location, window: { start, end: start + 30 + Math.round(random() * 90) }, serviceTime: 10 };
  });
  return {
    depot: { location: depot, ...(options.windows ? { window: { start: 0, end: 1000 } } : {}) },
    stops,
    vehicles: { count: options.vans, capacity: options.capacity },
    distance: { kind: 'euclidean' },
  };
}

/**
 * Re-derives everything a plan claims from the raw problem (Euclidean instances only) and
 * returns the rules it breaks.
 */
export function violations(problem: RoutingProblemInput, plan: RoutePlan): string[] {
  const out: string[] = [];
  const byId = new Map(problem.stops.map((s) => [s.id, s]));
  const at = (id: string | undefined): { x: number; y: number } => {
    const loc = id === undefined ? problem.depot.location : byId.get(id)?.location;
    return loc as { x: number; y: number };
  };
  const d = (a: string | undefined, b: string | undefined): number => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
  const visits = new Map<string, number>();
  let total = 0;
  for (const route of plan.routes) {
    let prev: string | undefined;
    let clock = problem.depot.window?.start ?? 0;
    let service = 0;
    let load = 0;
    let distance = 0;
    for (const stop of route.stops) {
      const input = byId.get(stop.stopId)!;
      visits.set(stop.stopId, (visits.get(stop.stopId) ?? 0) + 1);
      const arrival = clock + service + d(prev, stop.stopId);
      distance += d(prev, stop.stopId);
      if (Math.abs(arrival - stop.arrival) > 1e-6) out.push(`${stop.stopId}: arrival ${stop.arrival} ≠ ${arrival}`);
      clock = Math.max(arrival, input.window?.start ?? -Infinity);
      if (input.window && clock > input.window.end + 1e-6) out.push(`${stop.stopId}: served at ${clock} after window end ${input.window.end}`);
      service = input.serviceTime ?? 0;
      load += input.demand;
      prev = stop.stopId;
    }
    distance += d(prev, undefined);
    if (problem.depot.window && clock + service + d(prev, undefined) > problem.depot.window.end + 1e-6) out.push(`van ${route.vehicle} back after closing`);
    if (load > problem.vehicles.capacity + 1e-9) out.push(`van ${route.vehicle} carries ${load} > ${problem.vehicles.capacity}`);
    if (Math.abs(load - route.load) > 1e-9) out.push(`van ${route.vehicle} load ${route.load} ≠ ${load}`);
    if (Math.abs(distance - route.distance) > 1e-6) out.push(`van ${route.vehicle} distance ${route.distance} ≠ ${distance}`);
    total += distance;
  }
  for (const s of problem.stops) {
    const n = (visits.get(s.id) ?? 0) + (plan.unserved.some((u) => u.stopId === s.id) ? 1 : 0);
    if (n !== 1) out.push(`${s.id} accounted for ${n} times`);
  }
  if (plan.vehiclesUsed > problem.vehicles.count) out.push(`${plan.vehiclesUsed} vans > fleet ${problem.vehicles.count}`);
  if (plan.vehiclesUsed !== plan.routes.length) out.push('vehiclesUsed ≠ routes');
  if (Math.abs(total - plan.totalDistance) > 1e-6) out.push(`total ${plan.totalDistance} ≠ ${total}`);
  return out;
}
