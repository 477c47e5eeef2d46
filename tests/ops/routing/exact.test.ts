import { describe, expect, it } from 'vitest';
import { planRoutes, type RoutingProblemInput } from '../../../ops/routing/index.js';
import { violations } from './routing-test-kit.js';

const problem: RoutingProblemInput = {
  depot: { location: { x: 0, y: 0 } },
  stops: [
    { id: 'a', demand: 4, location: { x: 10, y: 2 } },
    { id: 'b', demand: 3, location: { x: 12, y: 9 } },
    { id: 'c', demand: 5, location: { x: -6, y: 8 } },
    { id: 'd', demand: 2, location: { x: -9, y: -4 } },
    { id: 'e', demand: 4, location: { x: 3, y: -11 } },
  ],
  vehicles: { count: 3, capacity: 9 },
  distance: { kind: 'euclidean' },
};

/** Every ordering of the stops cut into consecutive routes: all solutions of a 5-stop instance. */
function bruteForceOptimum(p: RoutingProblemInput): number {
  const pts = [p.depot.location!, ...p.stops.map((s) => s.location!)] as { x: number; y: number }[];
  const d = (i: number, j: number): number => Math.hypot(pts[i]!.x - pts[j]!.x, pts[i]!.y - pts[j]!.y);
  const ids = p.stops.map((_, k) => k + 1);
  let best = Infinity;
  for (const perm of permutations(ids)) {
    for (let cuts = 0; cuts < 1 << (perm.length - 1); cuts += 1) {
      let cost = 0, load = 0, routes = 1, prev = 0, ok = true;
      perm.forEach((node, i) => {
        if (i > 0 && cuts & (1 << (i - 1))) { cost += d(prev, 0); prev = 0; load = 0; routes += 1; }
        cost += d(prev, node);
        load += p.stops[node - 1]!.demand;
        if (load > p.vehicles.capacity) ok = false;
        prev = node;
      });
      cost += d(prev, 0);
      if (ok && routes <= p.vehicles.count) best = Math.min(best, cost);
    }
  }
  return best;
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('planRoutes on a 5-stop instance', () => {
  it('finds the brute-force optimum exactly', () => {
    const optimum = bruteForceOptimum(problem);
    const plan = planRoutes(problem, { seed: 3, maxIterations: 500 });
    expect(violations(problem, plan)).toEqual([]);
    expect(plan.unserved).toEqual([]);
    expect(plan.totalDistance).toBeCloseTo(optimum, 9);
  });

  it('finds the optimum with fewer vans when the fleet forces it', () => {
    const tight = { ...problem, vehicles: { count: 2, capacity: 9 } };
    const optimum = bruteForceOptimum(tight);
    const plan = planRoutes(tight, { seed: 5, maxIterations: 500 });
    expect(plan.vehiclesUsed).toBeLessThanOrEqual(2);
    expect(plan.totalDistance).toBeCloseTo(optimum, 9);
  });
});
