import { haversineKm } from '../../core/geo.js';
import type { Location } from './schema.js';

export { haversineKm };

/** Straight-line distance between planar points. */
export function euclidean(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export type Metric = 'euclidean' | 'euclidean-rounded' | 'haversine';

/**
 * Builds a dense row-major distance matrix from locations.
 *
 * @remarks The search reads distances in its innermost loops, so they are computed once
 * into a flat typed array instead of on demand.
 */
export function buildDistanceMatrix(places: readonly Location[], metric: Metric): Float64Array {
  const n = places.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const d = edge(places[i] as Location, places[j] as Location, metric);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}

function edge(a: Location, b: Location, metric: Metric): number {
  if (metric === 'haversine') {
    if (!('lat' in a) || !('lat' in b)) return Number.NaN;
    return haversineKm(a, b);
  }
  if (!('x' in a) || !('x' in b)) return Number.NaN;
  const d = euclidean(a, b);
  return metric === 'euclidean-rounded' ? Math.round(d) : d;
}

/** Flattens a validated square matrix into a row-major typed array. */
export function flattenMatrix(rows: readonly (readonly number[])[]): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n * n);
  rows.forEach((row, i) => out.set(row, i * n));
  return out;
}
