import type { Budget } from './budget.js';
import type { Instance } from './instance.js';
import { recreateGreedy } from './recreate.js';
import { DEFAULT_RUIN, ruinStrings } from './ruin.js';
import { cloneSolution, pruneEmptyRoutes, type Solution } from './solution.js';

export interface FleetOptions {
  random: () => number;
  blinkRate: number;
}

/**
 * Tries to serve everyone with fewer vans: drop the smallest route, then ruin-and-recreate
 * with the fleet capped until no customer is left out, and repeat.
 *
 * @remarks This is SISR's fleet minimisation: a candidate is kept when it leaves fewer
 * customers out, or leaves out customers that have been absent less often (the absence
 * counters steer the search toward placing the hard customers).
 * @returns the complete solution with the fewest routes found (`start` if none better).
 */
export function minimiseFleet(inst: Instance, start: Solution, budget: Budget, options: FleetOptions): Solution {
  const { random, blinkRate } = options;
  let best = start;
  if (start.unserved.length > 0) return best;
  const lowerBound = capacityLowerBound(inst);
  const absences = new Float64Array(inst.n);
  const absenceSum = (s: Solution): number => s.unserved.reduce((acc, c) => acc + absences[c]!, 0);
  let current = dropSmallestRoute(best);
  let target = current.routes.length;
  while (best.routes.length > lowerBound && budget.progress() < 1) {
    budget.iterations += 1;
    const candidate = cloneSolution(current);
    // Centre the ruin on a left-out customer half the time, to make room right where it is needed.
    const seed = candidate.unserved.length > 0 && random() < 0.5
      ? candidate.unserved[Math.floor(random() * candidate.unserved.length)]
      : undefined;
    ruinStrings(inst, candidate, random, DEFAULT_RUIN, seed);
    recreateGreedy(inst, candidate, { maxRoutes: target, blinkRate, random });
    pruneEmptyRoutes(candidate);
    const accept = candidate.unserved.length < current.unserved.length || absenceSum(candidate) < absenceSum(current);
    for (const c of candidate.unserved) absences[c] = absences[c]! + 1;
    if (candidate.unserved.length === 0) {
      best = candidate;
      current = dropSmallestRoute(candidate);
      target = current.routes.length;
    } else if (accept) {
      current = candidate;
    }
  }
  return best;
}

/** Vans needed by total demand alone. */
export function capacityLowerBound(inst: Instance): number {
  let total = 0;
  for (let c = 1; c < inst.n; c += 1) total += inst.demand[c]!;
  return Math.max(1, Math.ceil(total / inst.capacity - 1e-9));
}

function dropSmallestRoute(sol: Solution): Solution {
  const copy = cloneSolution(sol);
  let smallest = 0;
  copy.routes.forEach((r, i) => { if (r.nodes.length < copy.routes[smallest]!.nodes.length) smallest = i; });
  const [removed] = copy.routes.splice(smallest, 1);
  if (removed) copy.unserved.push(...removed.nodes);
  return copy;
}
