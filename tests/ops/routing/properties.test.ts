import { describe, expect, it } from 'vitest';
import { planRoutes } from '../../../ops/routing/index.js';
import { randomProblem, violations } from './routing-test-kit.js';

const cases = Array.from({ length: 8 }, (_, i) => ({
  seed: 100 + i,
  stops: 12 + 3 * i,
  windows: i % 2 === 1,
}));

describe('planRoutes on random instances', () => {
  it.each(cases)('keeps every rule (seed $seed, $stops stops, windows $windows)', ({ seed, stops, windows }) => {
    const problem = randomProblem({ seed, stops, vans: Math.ceil(stops / 3), capacity: 20, windows });
    const plan = planRoutes(problem, { seed, maxIterations: 800 });
    expect(violations(problem, plan)).toEqual([]);
    // With a van per three stops of ≤ 9 units each, only an unreachable window can leave a stop out.
    expect(plan.unserved.filter((u) => u.reason !== 'unreachable-window')).toEqual([]);
  });

  it('respects windows and the fleet when minimising vans first', () => {
    const problem = randomProblem({ seed: 7, stops: 30, vans: 12, capacity: 25, windows: true });
    const plan = planRoutes(problem, { seed: 1, maxIterations: 1500, objective: 'vehicles-then-distance' });
    const byDistance = planRoutes(problem, { seed: 1, maxIterations: 1500 });
    expect(violations(problem, plan)).toEqual([]);
    expect(plan.vehiclesUsed).toBeLessThanOrEqual(byDistance.vehiclesUsed);
  });

  it('lets vans wait for a window to open', () => {
    const plan = planRoutes({
      depot: { location: { x: 0, y: 0 } },
      stops: [{ id: 'late', demand: 1, location: { x: 3, y: 4 }, window: { start: 100, end: 120 } }],
      vehicles: { count: 1, capacity: 5 },
      distance: { kind: 'euclidean' },
    }, { maxIterations: 10 });
    const stop = plan.routes[0]!.stops[0]!;
    expect(stop.arrival).toBe(5);
    expect(stop.serviceStart).toBe(100);
  });
});
