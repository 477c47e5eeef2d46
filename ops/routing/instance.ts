import { buildDistanceMatrix, flattenMatrix, type Metric } from './distance.js';
import type { Location, RoutingProblem } from './schema.js';

/**
 * The solver's internal view of a problem: node 0 is the depot, node i is stop i − 1.
 *
 * @remarks Everything the hot loops read lives in flat typed arrays indexed by node.
 */
export interface Instance {
  /** Node count including the depot. */
  readonly n: number;
  /** Row-major n×n distances. */
  readonly dist: Float64Array;
  /** Row-major n×n travel times (the same array as `dist` when speed is 1). */
  readonly time: Float64Array;
  readonly demand: Float64Array;
  /** Earliest service start (node 0: shift start). */
  readonly ready: Float64Array;
  /** Latest service start (node 0: latest return). Infinity when unconstrained. */
  readonly due: Float64Array;
  readonly service: Float64Array;
  readonly capacity: number;
  readonly maxVehicles: number;
  readonly hasWindows: boolean;
  /** Per node: customers (1..n−1) by increasing distance; a customer's own list starts with itself. */
  readonly neighbours: readonly Int32Array[];
}

/** Compiles a validated problem into typed arrays. */
export function compileInstance(problem: RoutingProblem): Instance {
  const n = problem.stops.length + 1;
  const { dist, time } = buildMatrices(problem);
  const demand = new Float64Array(n);
  const ready = new Float64Array(n);
  const due = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const service = new Float64Array(n);
  const shift = problem.depot.window;
  ready[0] = shift?.start ?? 0;
  due[0] = shift?.end ?? Number.POSITIVE_INFINITY;
  problem.stops.forEach((stop, k) => {
    const i = k + 1;
    demand[i] = stop.demand;
    service[i] = stop.serviceTime;
    ready[i] = stop.window?.start ?? Number.NEGATIVE_INFINITY;
    due[i] = stop.window?.end ?? Number.POSITIVE_INFINITY;
  });
  const hasWindows = shift !== undefined || problem.stops.some((s) => s.window !== undefined);
  return {
    n, dist, time, demand, ready, due, service, hasWindows,
    capacity: problem.vehicles.capacity,
    maxVehicles: problem.vehicles.count,
    neighbours: buildNeighbours(n, dist),
  };
}

function buildMatrices(problem: RoutingProblem): { dist: Float64Array; time: Float64Array } {
  const spec = problem.distance;
  let dist: Float64Array;
  let time: Float64Array | undefined;
  if (spec.kind === 'matrix') {
    dist = flattenMatrix(spec.distances);
    if (spec.travelTimes) time = flattenMatrix(spec.travelTimes);
  } else {
    const places = [problem.depot.location, ...problem.stops.map((s) => s.location)] as Location[];
    const metric: Metric = spec.kind === 'haversine' ? 'haversine' : spec.rounding === 'nearest' ? 'euclidean-rounded' : 'euclidean';
    dist = buildDistanceMatrix(places, metric);
  }
  if (!time) time = problem.speed === 1 ? dist : dist.map((d) => d / problem.speed);
  return { dist, time };
}

function buildNeighbours(n: number, dist: Float64Array): Int32Array[] {
  const out: Int32Array[] = [];
  const customers = Array.from({ length: n - 1 }, (_, k) => k + 1);
  for (let i = 0; i < n; i += 1) {
    const row = i * n;
    // Symmetrised so that asymmetric matrices still give a sensible "nearby" order.
    const order = [...customers].sort((a, b) => dist[row + a]! + dist[a * n + i]! - (dist[row + b]! + dist[b * n + i]!) || a - b);
    out.push(Int32Array.from(order));
  }
  return out;
}
