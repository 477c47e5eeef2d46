import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidInputError } from '../../core/errors.js';
import type { RoutingProblemInput } from '../../ops/routing/index.js';

/** A benchmark instance as a routing problem, plus the raw data the checker re-reads. */
export interface BenchInstance {
  name: string;
  problem: RoutingProblemInput;
  /** Depot first. */
  coords: { x: number; y: number }[];
  rounded: boolean;
}

/**
 * Reads a CVRPLIB (TSPLIB) `.vrp` file: EUC_2D edges rounded to the nearest integer, node 1
 * the depot. The fleet is left unlimited (one van per customer), as CVRPLIB scores distance only.
 */
export function readCvrplib(path: string): BenchInstance {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim());
  const header = (key: string): string => {
    const line = lines.find((l) => l.startsWith(key));
    if (!line) throw new InvalidInputError(`${path}: missing ${key}`);
    return line.split(':')[1]!.trim();
  };
  const dimension = Number(header('DIMENSION'));
  const capacity = Number(header('CAPACITY'));
  const section = (name: string): number[][] => {
    const at = lines.indexOf(lines.find((l) => l.startsWith(name)) ?? '');
    if (at < 0) throw new InvalidInputError(`${path}: missing ${name}`);
    return lines.slice(at + 1, at + 1 + dimension).map((l) => l.split(/\s+/).map(Number));
  };
  const coords = section('NODE_COORD_SECTION').map((row) => ({ x: row[1]!, y: row[2]! }));
  const demands = section('DEMAND_SECTION').map((row) => row[1]!);
  const stops = coords.slice(1).map((location, k) => ({ id: String(k + 2), demand: demands[k + 1]!, location }));
  return {
    name: header('NAME'),
    coords,
    rounded: true,
    problem: {
      depot: { location: coords[0]! },
      stops,
      vehicles: { count: stops.length, capacity },
      distance: { kind: 'euclidean', rounding: 'nearest' },
    },
  };
}

/** Reads a Solomon VRPTW text file: real Euclidean distances, travel time = distance. */
export function readSolomon(path: string): BenchInstance {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.trim());
  const fleetAt = lines.findIndex((l) => l.startsWith('NUMBER'));
  const [count, capacity] = lines[fleetAt + 1]!.split(/\s+/).map(Number) as [number, number];
  const rows = lines.filter((l) => /^\d+(\s+-?\d+(\.\d+)?){6}$/.test(l)).map((l) => l.split(/\s+/).map(Number));
  if (rows.length < 2) throw new InvalidInputError(`${path}: no customer rows`);
  const [depot, ...customers] = rows as [number[], ...number[][]];
  const coords = rows.map((r) => ({ x: r[1]!, y: r[2]! }));
  return {
    name: lines[0] || basename(path),
    coords,
    rounded: false,
    problem: {
      depot: { location: coords[0]!, window: { start: depot[4]!, end: depot[5]! } },
      stops: customers.map((r) => ({
        id: String(r[0]), demand: r[3]!, location: { x: r[1]!, y: r[2]! },
        window: { start: r[4]!, end: r[5]! }, serviceTime: r[6]!,
      })),
      vehicles: { count, capacity },
      distance: { kind: 'euclidean', rounding: 'none' },
    },
  };
}
