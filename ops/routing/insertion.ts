import type { Instance } from './instance.js';
import type { Route } from './solution.js';

const EPS = 1e-9;

/**
 * Extra distance of putting `c` before position `pos` of `route` (pos = length: at the end),
 * or Infinity when a window would break.
 *
 * @remarks Capacity is checked by the caller once per route, not per position.
 */
export function insertionDelta(inst: Instance, route: Route, c: number, pos: number): number {
  const { n, dist } = inst;
  const nodes = route.nodes;
  const prev = pos === 0 ? 0 : nodes[pos - 1]!;
  const next = pos === nodes.length ? 0 : nodes[pos]!;
  const delta = dist[prev * n + c]! + dist[c * n + next]! - dist[prev * n + next]!;
  if (!inst.hasWindows) return delta;
  return fitsWindows(inst, route, c, pos) ? delta : Number.POSITIVE_INFINITY;
}

function fitsWindows(inst: Instance, route: Route, c: number, pos: number): boolean {
  const { n, time, ready, due, service } = inst;
  const len = route.nodes.length;
  const prev = pos === 0 ? 0 : route.nodes[pos - 1]!;
  const next = pos === len ? 0 : route.nodes[pos]!;
  const prevStart = pos === 0 ? ready[0]! : route.start[pos - 1]!;
  const at = Math.max(prevStart + service[prev]! + time[prev * n + c]!, ready[c]!);
  if (at > due[c]! + EPS) return false;
  const nextArrival = at + service[c]! + time[c * n + next]!;
  if (pos === len) return nextArrival <= due[0]! + EPS;
  return Math.max(nextArrival, ready[next]!) <= route.latest[pos]! + EPS;
}

export interface InsertionChoice {
  /** Route index; equal to `routes.length` for "open a new route". */
  route: number;
  pos: number;
  delta: number;
}

export interface InsertionOptions {
  /** Routes allowed in total (fleet size). */
  maxRoutes: number;
  /** Probability of skipping a position (SISR "blinks"); 0 for exhaustive search. */
  blinkRate: number;
  random: () => number;
}

/** The cheapest feasible place for customer `c`, or undefined when there is none. */
export function cheapestInsertion(inst: Instance, routes: readonly Route[], c: number, options: InsertionOptions): InsertionChoice | undefined {
  const { capacity, demand } = inst;
  const { blinkRate, random } = options;
  let best: InsertionChoice | undefined;
  let bestDelta = Number.POSITIVE_INFINITY;
  for (let r = 0; r < routes.length; r += 1) {
    const route = routes[r]!;
    if (route.load + demand[c]! > capacity + EPS) continue;
    const len = route.nodes.length;
    for (let pos = 0; pos <= len; pos += 1) {
      if (blinkRate > 0 && random() < blinkRate) continue;
      const delta = insertionDelta(inst, route, c, pos);
      if (delta < bestDelta) {
        bestDelta = delta;
        best = { route: r, pos, delta };
      }
    }
  }
  if (routes.length < options.maxRoutes) {
    const delta = newRouteDelta(inst, c);
    if (delta < bestDelta) best = { route: routes.length, pos: 0, delta };
  }
  return best;
}

/** Distance of serving `c` alone, or Infinity when even that breaks its window. */
export function newRouteDelta(inst: Instance, c: number): number {
  const { n, dist, time, ready, due, service } = inst;
  const at = Math.max(ready[0]! + time[c]!, ready[c]!);
  if (at > due[c]! + EPS || at + service[c]! + time[c * n]! > due[0]! + EPS) return Number.POSITIVE_INFINITY;
  return dist[c]! + dist[c * n]!;
}
