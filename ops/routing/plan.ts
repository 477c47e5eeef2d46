import type { Instance } from './instance.js';
import type { RoutingProblem, TimeWindow } from './schema.js';
import type { Solution } from './solution.js';

/** One delivery on a route, in visiting order. */
export interface PlannedStop {
  stopId: string;
  /** 1-based position on the route. */
  sequence: number;
  /** When the van gets there. */
  arrival: number;
  /** When delivery starts (after waiting for the window to open). */
  serviceStart: number;
  departure: number;
  /** Goods on board when the van arrives, this stop's included. */
  loadOnArrival: number;
  distanceFromPrevious: number;
  cumulativeDistance: number;
  window?: TimeWindow;
}

export interface PlannedRoute {
  /** 0-based van number. */
  vehicle: number;
  stops: PlannedStop[];
  /** Total goods delivered by this van. */
  load: number;
  /** Depot to depot. */
  distance: number;
  departure: number;
  returnTime: number;
}

export type UnservedReason = 'unreachable-window' | 'no-vehicle-available';

export interface UnservedStop {
  stopId: string;
  reason: UnservedReason;
  message: string;
}

export interface RoutePlan {
  routes: PlannedRoute[];
  totalDistance: number;
  vehiclesUsed: number;
  /** Stops no van could take; empty when every stop is served. */
  unserved: UnservedStop[];
  stats: { iterations: number; elapsedMs: number; seed: number };
}

/** Turns the solver's node lists into the plan callers read. */
export function buildPlan(problem: RoutingProblem, inst: Instance, sol: Solution, stats: RoutePlan['stats']): RoutePlan {
  const routes = sol.routes.filter((r) => r.nodes.length > 0).map((r, vehicle) => planRoute(problem, inst, r.nodes, vehicle));
  return {
    routes,
    totalDistance: routes.reduce((sum, r) => sum + r.distance, 0),
    vehiclesUsed: routes.length,
    unserved: [...sol.unserved].sort((a, b) => a - b).map((c) => describeUnserved(problem, inst, c)),
    stats,
  };
}

function planRoute(problem: RoutingProblem, inst: Instance, nodes: readonly number[], vehicle: number): PlannedRoute {
  const { n, dist, time, ready, service, demand } = inst;
  let onBoard = nodes.reduce((sum, c) => sum + demand[c]!, 0);
  const load = onBoard;
  let prev = 0;
  let clock = ready[0]!;
  let travelled = 0;
  const stops: PlannedStop[] = nodes.map((c, i) => {
    const stop = problem.stops[c - 1]!;
    const leg = dist[prev * n + c]!;
    const arrival = clock + service[prev]! + time[prev * n + c]!;
    const serviceStart = Math.max(arrival, ready[c]!);
    travelled += leg;
    const planned: PlannedStop = {
      stopId: stop.id, sequence: i + 1, arrival, serviceStart,
      departure: serviceStart + service[c]!, loadOnArrival: onBoard,
      distanceFromPrevious: leg, cumulativeDistance: travelled,
      ...(stop.window ? { window: stop.window } : {}),
    };
    onBoard -= demand[c]!;
    clock = serviceStart;
    prev = c;
    return planned;
  });
  const returnTime = clock + service[prev]! + time[prev * n]!;
  return { vehicle, stops, load, distance: travelled + dist[prev * n]!, departure: ready[0]!, returnTime };
}

function describeUnserved(problem: RoutingProblem, inst: Instance, c: number): UnservedStop {
  const stopId = problem.stops[c - 1]!.id;
  const { n, time, ready, due, service } = inst;
  const at = Math.max(ready[0]! + time[c]!, ready[c]!);
  if (at > due[c]! || at + service[c]! + time[c * n]! > due[0]!) {
    return { stopId, reason: 'unreachable-window', message: `Stop "${stopId}" cannot be reached within its delivery window and the depot hours, even by a van going only there.` };
  }
  return { stopId, reason: 'no-vehicle-available', message: `Stop "${stopId}" did not fit on any van (fleet of ${inst.maxVehicles}, limited by capacity or delivery windows); add a van or move its window.` };
}
