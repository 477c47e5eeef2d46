import type { Instance } from './instance.js';
import { pruneEmptyRoutes, refreshRoute, routeCostIfFeasible, type Solution } from './solution.js';

const EPS = 1e-7;

export interface LocalSearchOptions {
  /** Neighbours of each customer tried as move partners (granular search). @defaultValue 20 */
  neighbourCount?: number;
  /** Stop after this many improving passes. @defaultValue 50 */
  maxPasses?: number;
}

/** One candidate: the routes it rewrites, by index. */
type Rewrite = [routeIndex: number, nodes: number[]][];

/**
 * First-improvement descent over relocate, swap, or-opt, 2-opt (intra-route) and 2-opt*
 * (inter-route), each restricted to pairs of near neighbours.
 *
 * @remarks A move is screened by its O(1) distance change (exact for symmetric
 * distances) and only then checked in full against capacity and windows, so the rare
 * promising move pays for the O(route) check and the rest cost almost nothing.
 */
export function localSearch(inst: Instance, sol: Solution, options: LocalSearchOptions = {}): void {
  const k = Math.min(options.neighbourCount ?? 20, inst.n - 1);
  const maxPasses = options.maxPasses ?? 50;
  const ctx = new MoveContext(inst, sol);
  for (let pass = 0; pass < maxPasses; pass += 1) {
    let improved = false;
    for (let u = 1; u < inst.n; u += 1) {
      if (ctx.routeOf[u]! < 0) continue;
      const near = inst.neighbours[u]!;
      for (let t = 0; t < k && t < near.length; t += 1) {
        const v = near[t]!;
        if (v === u || ctx.routeOf[v]! < 0) continue;
        if (ctx.tryAll(u, v)) improved = true;
      }
    }
    if (!improved) break;
  }
  pruneEmptyRoutes(sol);
}

class MoveContext {
  routeOf: Int32Array;
  posOf: Int32Array;

  constructor(private readonly inst: Instance, private readonly sol: Solution) {
    this.routeOf = new Int32Array(inst.n).fill(-1);
    this.posOf = new Int32Array(inst.n);
    this.index();
  }

  private index(): void {
    this.routeOf.fill(-1);
    this.sol.routes.forEach((r, ri) => r.nodes.forEach((c, p) => { this.routeOf[c] = ri; this.posOf[c] = p; }));
  }

  private d(a: number, b: number): number {
    return this.inst.dist[a * this.inst.n + b]!;
  }

  private prev(c: number): number {
    const p = this.posOf[c]!;
    return p === 0 ? 0 : this.sol.routes[this.routeOf[c]!]!.nodes[p - 1]!;
  }

  private next(c: number): number {
    const nodes = this.sol.routes[this.routeOf[c]!]!.nodes;
    const p = this.posOf[c]!;
    return p === nodes.length - 1 ? 0 : nodes[p + 1]!;
  }

  /** Tries every move type for the pair; applies the first that improves. */
  tryAll(u: number, v: number): boolean {
    return this.relocate(u, v) || this.swap(u, v) || this.orOpt(u, v) || this.twoOpt(u, v);
  }

  private relocate(u: number, v: number): boolean {
    const pu = this.prev(u);
    const nu = this.next(u);
    const gain = this.d(pu, u) + this.d(u, nu) - this.d(pu, nu);
    const nv = this.next(v);
    const pv = this.prev(v);
    if (v !== pu && this.d(v, u) + this.d(u, nv) - this.d(v, nv) - gain < -EPS && this.apply(this.moveSegment(u, 1, v, true))) return true;
    return v !== nu && this.d(pv, u) + this.d(u, v) - this.d(pv, v) - gain < -EPS && this.apply(this.moveSegment(u, 1, v, false));
  }

  private swap(u: number, v: number): boolean {
    const pu = this.prev(u), nu = this.next(u), pv = this.prev(v), nv = this.next(v);
    if (nu === v || nv === u) return false;
    const delta = this.d(pu, v) + this.d(v, nu) - this.d(pu, u) - this.d(u, nu) + this.d(pv, u) + this.d(u, nv) - this.d(pv, v) - this.d(v, nv);
    if (delta >= -EPS) return false;
    const ru = this.routeOf[u]!, rv = this.routeOf[v]!;
    const a = this.sol.routes[ru]!.nodes.slice();
    if (ru === rv) {
      a[this.posOf[u]!] = v;
      a[this.posOf[v]!] = u;
      return this.apply([[ru, a]]);
    }
    const b = this.sol.routes[rv]!.nodes.slice();
    a[this.posOf[u]!] = v;
    b[this.posOf[v]!] = u;
    return this.apply([[ru, a], [rv, b]]);
  }

  /** Moves the 2- or 3-customer string starting at u to just after v. */
  private orOpt(u: number, v: number): boolean {
    const nodes = this.sol.routes[this.routeOf[u]!]!.nodes;
    const p = this.posOf[u]!;
    for (let len = 2; len <= 3 && p + len <= nodes.length; len += 1) {
      const last = nodes[p + len - 1]!;
      if (this.routeOf[v] === this.routeOf[u] && this.posOf[v]! >= p - 1 && this.posOf[v]! < p + len) continue;
      const pu = this.prev(u);
      const after = p + len === nodes.length ? 0 : nodes[p + len]!;
      const nv = this.next(v);
      const delta = this.d(pu, after) - this.d(pu, u) - this.d(last, after) + this.d(v, u) + this.d(last, nv) - this.d(v, nv);
      if (delta < -EPS && this.apply(this.moveSegment(u, len, v, true))) return true;
    }
    return false;
  }

  /** Intra-route 2-opt when u and v share a route, otherwise both 2-opt* tail exchanges. */
  private twoOpt(u: number, v: number): boolean {
    const ru = this.routeOf[u]!, rv = this.routeOf[v]!;
    const nu = this.next(u), nv = this.next(v);
    const a = this.sol.routes[ru]!.nodes;
    const pu = this.posOf[u]!, pv = this.posOf[v]!;
    if (ru === rv) {
      if (pu >= pv || this.d(u, v) + this.d(nu, nv) - this.d(u, nu) - this.d(v, nv) >= -EPS) return false;
      const nodes = [...a.slice(0, pu + 1), ...a.slice(pu + 1, pv + 1).reverse(), ...a.slice(pv + 1)];
      return this.apply([[ru, nodes]]);
    }
    const b = this.sol.routes[rv]!.nodes;
    if (this.d(u, nv) + this.d(v, nu) - this.d(u, nu) - this.d(v, nv) < -EPS &&
      this.apply([[ru, [...a.slice(0, pu + 1), ...b.slice(pv + 1)]], [rv, [...b.slice(0, pv + 1), ...a.slice(pu + 1)]]])) return true;
    return this.d(u, v) + this.d(nu, nv) - this.d(u, nu) - this.d(v, nv) < -EPS &&
      this.apply([[ru, [...a.slice(0, pu + 1), ...b.slice(0, pv + 1).reverse()]], [rv, [...a.slice(pu + 1).reverse(), ...b.slice(pv + 1)]]]);
  }

  /** Rewrite that moves `len` customers starting at u to after v (or before v). */
  private moveSegment(u: number, len: number, v: number, after: boolean): Rewrite {
    const ru = this.routeOf[u]!, rv = this.routeOf[v]!;
    const a = this.sol.routes[ru]!.nodes.slice();
    const seg = a.splice(this.posOf[u]!, len);
    const b = ru === rv ? a : this.sol.routes[rv]!.nodes.slice();
    const at = b.indexOf(v) + (after ? 1 : 0);
    b.splice(at, 0, ...seg);
    return ru === rv ? [[ru, b]] : [[ru, a], [rv, b]];
  }

  /** Applies the rewrite when it is feasible and strictly shorter. */
  private apply(rewrite: Rewrite): boolean {
    let before = 0;
    let after = 0;
    for (const [ri, nodes] of rewrite) {
      before += this.sol.routes[ri]!.distance;
      after += nodes.length === 0 ? 0 : routeCostIfFeasible(this.inst, nodes);
      if (after === Number.POSITIVE_INFINITY) return false;
    }
    if (after >= before - EPS) return false;
    for (const [ri, nodes] of rewrite) {
      const route = this.sol.routes[ri]!;
      route.nodes = nodes;
      refreshRoute(this.inst, route);
    }
    this.index();
    return true;
  }
}
