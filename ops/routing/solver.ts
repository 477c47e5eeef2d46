import { createRandom } from '../../core/random.js';
import { annealDistance } from './anneal.js';
import { Budget } from './budget.js';
import { clarkeWright, regretInsertion } from './construct.js';
import { minimiseFleet } from './fleet.js';
import { compileInstance, type Instance } from './instance.js';
import { buildPlan, type RoutePlan } from './plan.js';
import type { RoutingProblem } from './schema.js';
import type { Solution } from './solution.js';
import { parseRoutingProblem } from './validate.js';

export type RoutingObjective = 'distance' | 'vehicles-then-distance';

export interface PlanRoutesOptions {
  /** @defaultValue 1 */
  seed?: number;
  /**
   * Search iterations. With it, the same seed gives the same plan on any machine.
   * @defaultValue 20000 when `timeLimitMs` is not set either
   */
  maxIterations?: number;
  /**
   * Wall-clock limit. Alone, the search runs until it and the result depends on machine
   * speed; with `maxIterations` it only caps the run.
   */
  timeLimitMs?: number;
  /**
   * `distance`: shortest total distance within the fleet. `vehicles-then-distance`: first as
   * few vans as possible (the literature's VRPTW ranking), then distance.
   * @defaultValue 'distance'
   */
  objective?: RoutingObjective;
  /** Share of the budget spent on removing vans, for `vehicles-then-distance`. @defaultValue 0.5 */
  fleetShare?: number;
  signal?: AbortSignal;
  /** Milliseconds clock. @defaultValue performance.now */
  now?: () => number;
}

const DEFAULT_ITERATIONS = 20_000;
const SEARCH = { startTemperature: 1, endTemperature: 0.01, blinkRate: 0.01 };
/** Above this many stops regret insertion (cubic) gives way to greedy insertion. */
const REGRET_LIMIT = 300;

/**
 * Plans delivery routes for a day's stops: capacitated, with optional delivery windows.
 *
 * @remarks Construction (Clarke–Wright savings, or regret insertion with windows), then
 * SISR ruin-and-recreate under simulated annealing, with local search on every new best.
 * Stops that no van can take are listed in `unserved`, never dropped silently.
 * @throws {@link InvalidInputError} for malformed input, demand above capacity, inverted windows.
 * @example
 * const plan = planRoutes({
 *   depot: { location: { x: 0, y: 0 } },
 *   stops: [{ id: 'a', demand: 2, location: { x: 3, y: 4 } }],
 *   vehicles: { count: 2, capacity: 10 },
 *   distance: { kind: 'euclidean' },
 * }, { seed: 7, maxIterations: 2000 });
 */
export function planRoutes(input: unknown, options: PlanRoutesOptions = {}): RoutePlan {
  const problem = parseRoutingProblem(input);
  return solveProblem(problem, options);
}

/** As {@link planRoutes} for an already validated problem. */
export function solveProblem(problem: RoutingProblem, options: PlanRoutesOptions = {}): RoutePlan {
  const inst = compileInstance(problem);
  const seed = options.seed ?? 1;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { sol, iterations } = solveInstance(inst, { ...options, seed, now });
  return buildPlan(problem, inst, sol, { iterations, elapsedMs: now() - started, seed });
}

function solveInstance(inst: Instance, options: PlanRoutesOptions & { seed: number; now: () => number }): { sol: Solution; iterations: number } {
  const random = createRandom(options.seed);
  const noLimits = options.maxIterations === undefined && options.timeLimitMs === undefined;
  const maxIterations = options.maxIterations ?? (noLimits ? DEFAULT_ITERATIONS : Number.POSITIVE_INFINITY);
  const timeLimitMs = options.timeLimitMs ?? Number.POSITIVE_INFINITY;
  // The time limit covers construction too, so a caller's deadline holds end to end.
  const started = options.now();
  const initial = construct(inst);
  if (inst.n <= 1) return { sol: initial, iterations: 0 };
  let start = initial;
  let used = 0;
  if (options.objective === 'vehicles-then-distance') {
    const share = options.fleetShare ?? 0.5;
    const fleetBudget = new Budget({ maxIterations: maxIterations * share, timeLimitMs: timeLimitMs * share, now: options.now, signal: options.signal });
    start = minimiseFleet(inst, initial, fleetBudget, { random, blinkRate: SEARCH.blinkRate });
    used = fleetBudget.iterations;
  }
  const remainingMs = timeLimitMs - (options.now() - started);
  const budget = new Budget({ maxIterations: maxIterations - used, timeLimitMs: Math.max(0, remainingMs), now: options.now, signal: options.signal });
  const maxRoutes = start.unserved.length === 0 && options.objective === 'vehicles-then-distance' ? start.routes.length : inst.maxVehicles;
  const sol = annealDistance(inst, start, budget, { ...SEARCH, maxRoutes, random });
  return { sol, iterations: used + budget.iterations };
}

function construct(inst: Instance): Solution {
  if (inst.hasWindows && inst.n <= REGRET_LIMIT) return regretInsertion(inst, inst.maxVehicles);
  return clarkeWright(inst, inst.maxVehicles);
}
