import type { Instance } from './instance.js';

/**
 * One van's tour (depot not stored) with cached values the insertion checks need.
 *
 * @remarks `start[i]` is the earliest service start at `nodes[i]`; `latest[i]` is the latest
 * service start there that still lets the rest of the tour keep its windows. With both, an
 * insertion is checked for time feasibility in O(1).
 */
export interface Route {
  nodes: number[];
  load: number;
  distance: number;
  start: number[];
  latest: number[];
}

/** A (possibly partial) solution: the routes plus customers not on any route. */
export interface Solution {
  routes: Route[];
  unserved: number[];
}

export function createRoute(inst: Instance, nodes: number[]): Route {
  const route: Route = { nodes, load: 0, distance: 0, start: [], latest: [] };
  refreshRoute(inst, route);
  return route;
}

/** Recomputes the cached load, distance and time slack of a route after it changed. */
export function refreshRoute(inst: Instance, route: Route): void {
  const { nodes } = route;
  const { n, dist, time, demand, ready, due, service } = inst;
  const len = nodes.length;
  route.start.length = len;
  route.latest.length = len;
  let load = 0;
  let distance = 0;
  let prev = 0;
  let t = ready[0]!;
  for (let i = 0; i < len; i += 1) {
    const node = nodes[i]!;
    load += demand[node]!;
    distance += dist[prev * n + node]!;
    t = Math.max(t + service[prev]! + time[prev * n + node]!, ready[node]!);
    route.start[i] = t;
    prev = node;
  }
  distance += dist[prev * n]!;
  let latest = due[0]!;
  let next = 0;
  for (let i = len - 1; i >= 0; i -= 1) {
    const node = nodes[i]!;
    latest = Math.min(due[node]!, latest - time[node * n + next]! - service[node]!);
    route.latest[i] = latest;
    next = node;
  }
  route.load = load;
  route.distance = distance;
}

/** True when the route keeps capacity and every window (service starts by window end). */
export function isRouteFeasible(inst: Instance, nodes: readonly number[]): boolean {
  return routeCostIfFeasible(inst, nodes) < Number.POSITIVE_INFINITY;
}

/** The route's distance, or Infinity when it breaks capacity or a window. */
export function routeCostIfFeasible(inst: Instance, nodes: readonly number[]): number {
  const { n, dist, time, demand, ready, due, service, capacity } = inst;
  let load = 0;
  let distance = 0;
  let prev = 0;
  let t = ready[0]!;
  for (let i = 0; i < nodes.length; i += 1) {
    const node = nodes[i]!;
    load += demand[node]!;
    distance += dist[prev * n + node]!;
    t = Math.max(t + service[prev]! + time[prev * n + node]!, ready[node]!);
    if (t > due[node]! + 1e-9) return Number.POSITIVE_INFINITY;
    prev = node;
  }
  if (load > capacity + 1e-9) return Number.POSITIVE_INFINITY;
  if (t + service[prev]! + time[prev * n]! > due[0]! + 1e-9) return Number.POSITIVE_INFINITY;
  return distance + dist[prev * n]!;
}

export function totalDistance(sol: Solution): number {
  let sum = 0;
  for (const r of sol.routes) sum += r.distance;
  return sum;
}

export function cloneSolution(sol: Solution): Solution {
  return {
    routes: sol.routes.map((r) => ({ nodes: r.nodes.slice(), load: r.load, distance: r.distance, start: r.start.slice(), latest: r.latest.slice() })),
    unserved: sol.unserved.slice(),
  };
}

/** Drops routes that lost all their stops. */
export function pruneEmptyRoutes(sol: Solution): void {
  sol.routes = sol.routes.filter((r) => r.nodes.length > 0);
}
