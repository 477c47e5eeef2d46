import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { planRoutes, type RoutingProblemInput } from '../../../ops/routing/index.js';

const base: RoutingProblemInput = {
  depot: { location: { x: 0, y: 0 } },
  stops: [
    { id: 'a', demand: 3, location: { x: 1, y: 0 } },
    { id: 'b', demand: 3, location: { x: 0, y: 1 } },
  ],
  vehicles: { count: 2, capacity: 5 },
  distance: { kind: 'euclidean' },
};

function errorOf(input: unknown): InvalidInputError {
  try {
    planRoutes(input, { maxIterations: 10 });
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected InvalidInputError');
}

describe('routing input validation', () => {
  it('refuses a stop whose demand exceeds a van, naming the stop', () => {
    const error = errorOf({ ...base, stops: [{ id: 'heavy', demand: 9, location: { x: 1, y: 1 } }] });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('stop "heavy" needs 9 but a van holds only 5');
  });

  it('refuses a window that ends before it starts', () => {
    const error = errorOf({ ...base, stops: [{ id: 'w', demand: 1, location: { x: 1, y: 1 }, window: { start: 50, end: 10 } }] });
    expect(error.message).toContain('stop "w" window ends (10) before it starts (50)');
  });

  it('refuses missing locations, wrong matrix sizes and bad field types', () => {
    expect(errorOf({ ...base, stops: [{ id: 'x', demand: 1 }] }).message).toContain('stop "x" needs a location');
    expect(errorOf({ ...base, distance: { kind: 'matrix', distances: [[0, 1], [1, 0]] } }).message).toContain('3×3');
    expect(errorOf({ ...base, vehicles: { count: 0, capacity: 5 } }).message).toContain('vehicles.count');
    expect(errorOf({ ...base, stops: [base.stops[0], base.stops[0]] }).message).toContain('used twice');
  });

  it('reports stops left over when there are too few vans, instead of dropping them', () => {
    const plan = planRoutes({ ...base, vehicles: { count: 1, capacity: 5 } }, { maxIterations: 200 });
    expect(plan.vehiclesUsed).toBe(1);
    expect(plan.routes[0]!.stops).toHaveLength(1);
    expect(plan.unserved).toHaveLength(1);
    expect(plan.unserved[0]!.reason).toBe('no-vehicle-available');
    expect(plan.unserved[0]!.message).toContain('fleet of 1');
  });

  it('reports a window no van can reach in time', () => {
    const plan = planRoutes({
      ...base,
      stops: [...base.stops, { id: 'far', demand: 1, location: { x: 100, y: 0 }, window: { start: 0, end: 20 } }],
    }, { maxIterations: 100 });
    expect(plan.unserved.map((u) => [u.stopId, u.reason])).toEqual([['far', 'unreachable-window']]);
  });

  it('returns an empty plan for a day without stops', () => {
    const plan = planRoutes({ ...base, stops: [] });
    expect(plan).toMatchObject({ routes: [], totalDistance: 0, vehiclesUsed: 0, unserved: [] });
  });
});
