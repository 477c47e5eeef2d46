import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../core/errors.js';
import { etaForStop, planRoutes } from '../../../ops/routing/index.js';
import { randomProblem } from './routing-test-kit.js';

describe('etaForStop', () => {
  const problem = randomProblem({ seed: 11, stops: 20, vans: 8, capacity: 25, windows: true });
  const plan = planRoutes(problem, { seed: 2, maxIterations: 500 });

  it('equals the arrival time of the stop on its route', () => {
    for (const route of plan.routes) {
      for (const stop of route.stops) {
        const eta = etaForStop(plan, stop.stopId);
        expect(eta.arrival).toBe(stop.arrival);
        expect(eta.serviceStart).toBe(stop.serviceStart);
        expect(eta.vehicle).toBe(route.vehicle);
        expect(eta.stopsBefore).toBe(stop.sequence - 1);
      }
    }
  });

  it('throws NotFoundError for a stop on no route', () => {
    expect(() => etaForStop(plan, 'nope')).toThrow(NotFoundError);
  });
});
