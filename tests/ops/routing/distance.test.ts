import { describe, expect, it } from 'vitest';
import { haversineKm, planRoutes } from '../../../ops/routing/index.js';

describe('distances', () => {
  it('computes great-circle distances in km', () => {
    // Paris (Notre-Dame) to London (Trafalgar Square): about 342 km.
    expect(haversineKm({ lat: 48.853, lon: 2.3499 }, { lat: 51.508, lon: -0.128 })).toBeCloseTo(342, -1);
  });

  it('plans with lat/lon and a speed, timing legs as distance / speed', () => {
    const plan = planRoutes({
      depot: { location: { lat: 52.52, lon: 13.405 } },
      stops: [
        { id: 'p', demand: 1, location: { lat: 52.53, lon: 13.41 } },
        { id: 'q', demand: 1, location: { lat: 52.5, lon: 13.39 } },
      ],
      vehicles: { count: 1, capacity: 5 },
      distance: { kind: 'haversine' },
      speed: 0.5,
    }, { maxIterations: 50 });
    const first = plan.routes[0]!.stops[0]!;
    expect(first.arrival).toBeCloseTo(first.distanceFromPrevious / 0.5, 9);
  });

  it('uses a given matrix as is, even an asymmetric one', () => {
    const plan = planRoutes({
      depot: {},
      stops: [{ id: 'x', demand: 1 }, { id: 'y', demand: 1 }],
      vehicles: { count: 1, capacity: 5 },
      distance: { kind: 'matrix', distances: [[0, 1, 10], [10, 0, 1], [1, 10, 0]] },
    }, { maxIterations: 50 });
    expect(plan.routes[0]!.stops.map((s) => s.stopId)).toEqual(['x', 'y']);
    expect(plan.totalDistance).toBe(3);
  });
});
