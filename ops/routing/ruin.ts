import type { Instance } from './instance.js';
import { refreshRoute, type Solution } from './solution.js';

/** SISR ruin parameters (Christiaens & Vanden Berghe 2020). */
export interface RuinParams {
  /** Average number of customers removed. @defaultValue 10 */
  averageRemoved: number;
  /** Longest string removed from one route. @defaultValue 10 */
  maxStringLength: number;
  /** Probability of a split string (some customers in the string kept). @defaultValue 0.5 */
  splitRate: number;
  /** Chance to stop growing the kept part of a split string. @defaultValue 0.5 */
  splitDepth: number;
}

export const DEFAULT_RUIN: Readonly<RuinParams> = Object.freeze({
  averageRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.5,
  splitDepth: 0.5,
});

/**
 * Removes strings of consecutive customers from routes near a random seed customer and
 * appends them to `sol.unserved`. `seedCustomer` (served or not) centres the removal;
 * by default a random served customer does.
 *
 * @remarks Removing geographically close strings from several routes frees space where a
 * better recombination is likely; this is the "slack induction" of SISR.
 */
export function ruinStrings(inst: Instance, sol: Solution, random: () => number, params: RuinParams, seedCustomer?: number): void {
  const served = inst.n - 1 - sol.unserved.length;
  if (served <= 0 || sol.routes.length === 0) return;
  const routeOf = new Int32Array(inst.n).fill(-1);
  sol.routes.forEach((r, idx) => { for (const c of r.nodes) routeOf[c] = idx; });
  const avgLen = served / sol.routes.length;
  const lsMax = Math.min(params.maxStringLength, avgLen);
  const ksMax = (4 * params.averageRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(random() * ksMax) + 1;
  const seed = seedCustomer ?? pickServed(inst, routeOf, random);
  const ruined = new Set<number>();
  for (const c of inst.neighbours[seed]!) {
    if (ruined.size >= ks) break;
    const r = routeOf[c]!;
    if (r < 0 || ruined.has(r)) continue;
    const route = sol.routes[r]!;
    const ltMax = Math.min(route.nodes.length, lsMax);
    const lt = Math.floor(random() * ltMax) + 1;
    const removed = random() < params.splitRate && lt < route.nodes.length
      ? removeSplitString(route.nodes, c, lt, random, params.splitDepth)
      : removeString(route.nodes, c, lt, random);
    for (const x of removed) routeOf[x] = -1;
    sol.unserved.push(...removed);
    refreshRoute(inst, route);
    ruined.add(r);
  }
}

function pickServed(inst: Instance, routeOf: Int32Array, random: () => number): number {
  for (;;) {
    const c = 1 + Math.floor(random() * (inst.n - 1));
    if (routeOf[c]! >= 0) return c;
  }
}

/** Removes `len` consecutive customers containing `c`; returns them. */
function removeString(nodes: number[], c: number, len: number, random: () => number): number[] {
  const pos = nodes.indexOf(c);
  const lo = Math.max(0, pos - len + 1);
  const hi = Math.min(pos, nodes.length - len);
  const start = lo + Math.floor(random() * (hi - lo + 1));
  return nodes.splice(start, len);
}

/** Removes `len` customers from a string of `len + m` around `c`, keeping `m` in the middle. */
function removeSplitString(nodes: number[], c: number, len: number, random: () => number, depth: number): number[] {
  let m = 1;
  while (len + m < nodes.length && random() > depth) m += 1;
  const span = len + m;
  const pos = nodes.indexOf(c);
  const lo = Math.max(0, pos - span + 1);
  const hi = Math.min(pos, nodes.length - span);
  const start = lo + Math.floor(random() * (hi - lo + 1));
  const keepAt = Math.floor(random() * (len + 1));
  const segment = nodes.slice(start, start + span);
  const kept = segment.splice(keepAt, m);
  nodes.splice(start, span, ...kept);
  return segment;
}
