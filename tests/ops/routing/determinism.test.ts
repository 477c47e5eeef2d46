import { describe, expect, it } from 'vitest';
import { planRoutes } from '../../../ops/routing/index.js';
import { randomProblem } from './routing-test-kit.js';

const stopOrder = (plan: ReturnType<typeof planRoutes>): string[][] => plan.routes.map((r) => r.stops.map((s) => s.stopId));

describe('planRoutes determinism', () => {
  it.each([false, true])('gives identical routes for the same seed and iteration limit (windows %s)', (windows) => {
    const problem = randomProblem({ seed: 42, stops: 30, vans: 10, capacity: 25, windows });
    const a = planRoutes(problem, { seed: 9, maxIterations: 1000 });
    const b = planRoutes(problem, { seed: 9, maxIterations: 1000 });
    expect(stopOrder(b)).toEqual(stopOrder(a));
    expect(b.totalDistance).toBe(a.totalDistance);
    expect(b.stats.iterations).toBe(a.stats.iterations);
  });

  it('is deterministic for the vans-first objective too', () => {
    const problem = randomProblem({ seed: 43, stops: 25, vans: 10, capacity: 25, windows: true });
    const options = { seed: 4, maxIterations: 800, objective: 'vehicles-then-distance' as const };
    expect(stopOrder(planRoutes(problem, options))).toEqual(stopOrder(planRoutes(problem, options)));
  });
});
