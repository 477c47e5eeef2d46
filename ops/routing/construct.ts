import { insertionDelta, newRouteDelta } from './insertion.js';
import type { Instance } from './instance.js';
import { createRoute, refreshRoute, routeCostIfFeasible, type Route, type Solution } from './solution.js';

/**
 * Clarke–Wright parallel savings: start with one route per customer and merge route ends
 * in order of decreasing saving d(i,0) + d(0,j) − d(i,j) while capacity (and windows) allow.
 *
 * @remarks Routes beyond `maxRoutes` are dissolved smallest first; their customers become
 * unserved for the search to place.
 */
export function clarkeWright(inst: Instance, maxRoutes: number): Solution {
  const { n } = inst;
  const routes: (number[] | undefined)[] = [];
  const routeOf = new Int32Array(n).fill(-1);
  const unserved: number[] = [];
  for (let c = 1; c < n; c += 1) {
    if (routeCostIfFeasible(inst, [c]) === Number.POSITIVE_INFINITY) { unserved.push(c); continue; }
    routeOf[c] = routes.length;
    routes.push([c]);
  }
  for (const [i, j] of sortedSavings(inst)) {
    const ri = routeOf[i]!;
    const rj = routeOf[j]!;
    if (ri < 0 || rj < 0 || ri === rj) continue;
    const merged = mergeAtEnds(routes[ri]!, routes[rj]!, i, j);
    if (!merged || routeCostIfFeasible(inst, merged) === Number.POSITIVE_INFINITY) continue;
    routes[ri] = merged;
    routes[rj] = undefined;
    for (const c of merged) routeOf[c] = ri;
  }
  const live = routes.filter((r): r is number[] => r !== undefined).sort((a, b) => b.length - a.length);
  for (const r of live.slice(maxRoutes)) unserved.push(...r);
  return { routes: live.slice(0, maxRoutes).map((r) => createRoute(inst, r)), unserved };
}

function sortedSavings(inst: Instance): [number, number][] {
  const { n, dist } = inst;
  const pairs: [number, number, number][] = [];
  for (let i = 1; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const s = dist[i * n]! + dist[j]! - dist[i * n + j]!;
      if (s > 0) pairs.push([i, j, s]);
    }
  }
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  return pairs.map(([i, j]) => [i, j]);
}

/** Joins two routes so that i and j become neighbours, when both are route ends. */
function mergeAtEnds(a: number[], b: number[], i: number, j: number): number[] | undefined {
  const iLast = a[a.length - 1] === i;
  const iFirst = a[0] === i;
  const jFirst = b[0] === j;
  const jLast = b[b.length - 1] === j;
  if (iLast && jFirst) return [...a, ...b];
  if (iFirst && jLast) return [...b, ...a];
  if (iLast && jLast) return [...a, ...b.slice().reverse()];
  if (iFirst && jFirst) return [...a.slice().reverse(), ...b];
  return undefined;
}

/**
 * Regret-2 insertion: repeatedly insert the customer whose best place beats its
 * second-best route by the most, so customers with few options go first.
 *
 * @remarks Suits time windows, where savings merges are often blocked.
 */
export function regretInsertion(inst: Instance, maxRoutes: number): Solution {
  const routes: Route[] = [];
  const pending = new Set<number>();
  for (let c = 1; c < inst.n; c += 1) pending.add(c);
  for (;;) {
    const pick = mostRegretful(inst, routes, pending, maxRoutes);
    if (!pick) break;
    pending.delete(pick.c);
    if (pick.route === routes.length) routes.push(createRoute(inst, [pick.c]));
    else {
      const route = routes[pick.route]!;
      route.nodes.splice(pick.pos, 0, pick.c);
      refreshRoute(inst, route);
    }
  }
  return { routes, unserved: [...pending] };
}

function mostRegretful(inst: Instance, routes: Route[], pending: Set<number>, maxRoutes: number): { c: number; route: number; pos: number } | undefined {
  let best: { c: number; route: number; pos: number } | undefined;
  let bestRegret = Number.NEGATIVE_INFINITY;
  for (const c of pending) {
    let first = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    let where = { route: -1, pos: 0 };
    for (let r = 0; r < routes.length; r += 1) {
      const route = routes[r]!;
      if (route.load + inst.demand[c]! > inst.capacity + 1e-9) continue;
      let routeBest = Number.POSITIVE_INFINITY;
      let routePos = 0;
      for (let pos = 0; pos <= route.nodes.length; pos += 1) {
        const d = insertionDelta(inst, route, c, pos);
        if (d < routeBest) { routeBest = d; routePos = pos; }
      }
      if (routeBest < first) { second = first; first = routeBest; where = { route: r, pos: routePos }; }
      else if (routeBest < second) second = routeBest;
    }
    const alone = routes.length < maxRoutes ? newRouteDelta(inst, c) : Number.POSITIVE_INFINITY;
    if (alone < first) { second = first; first = alone; where = { route: routes.length, pos: 0 }; }
    else if (alone < second) second = alone;
    if (first === Number.POSITIVE_INFINITY) continue;
    // A customer with a single option has unbounded regret; rank those by their cost.
    const regret = second === Number.POSITIVE_INFINITY ? 1e12 + first : second - first;
    if (regret > bestRegret) { bestRegret = regret; best = { c, ...where }; }
  }
  return best;
}
