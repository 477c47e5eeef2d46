import type { Budget } from './budget.js';
import type { Instance } from './instance.js';
import { localSearch } from './local-search.js';
import { recreateGreedy } from './recreate.js';
import { DEFAULT_RUIN, ruinStrings } from './ruin.js';
import { cloneSolution, pruneEmptyRoutes, totalDistance, type Solution } from './solution.js';

export interface AnnealOptions {
  maxRoutes: number;
  random: () => number;
  /** Start and end temperatures as fractions of the mean edge length. */
  startTemperature: number;
  endTemperature: number;
  blinkRate: number;
}

/**
 * SISR ruin-and-recreate under simulated annealing, minimising unserved customers first and
 * distance second. Every new best solution is polished by local search.
 *
 * @returns the best solution seen (never worse than `start`).
 */
export function annealDistance(inst: Instance, start: Solution, budget: Budget, options: AnnealOptions): Solution {
  const { random, maxRoutes, blinkRate } = options;
  const penalty = unservedPenalty(inst);
  const cost = (s: Solution): number => totalDistance(s) + penalty * s.unserved.length;
  let best = polish(inst, start);
  let bestCost = cost(best);
  let current = best;
  let currentCost = bestCost;
  const scale = meanEdge(inst, best);
  const t0 = options.startTemperature * scale;
  const tf = options.endTemperature * scale;
  for (;;) {
    const progress = budget.progress();
    if (progress >= 1) break;
    budget.iterations += 1;
    const temperature = t0 * (tf / t0) ** progress;
    const candidate = cloneSolution(current);
    ruinStrings(inst, candidate, random, DEFAULT_RUIN);
    recreateGreedy(inst, candidate, { maxRoutes, blinkRate, random });
    pruneEmptyRoutes(candidate);
    const candidateCost = cost(candidate);
    if (candidateCost < bestCost - 1e-9) {
      const polished = polish(inst, candidate);
      best = polished;
      bestCost = cost(polished);
      current = polished;
      currentCost = bestCost;
      continue;
    }
    // Threshold from the SA rule: accept if c' < c − T·ln(U).
    if (candidateCost < currentCost - temperature * Math.log(random())) {
      current = candidate;
      currentCost = candidateCost;
    }
  }
  return best;
}

function polish(inst: Instance, sol: Solution): Solution {
  const copy = cloneSolution(sol);
  localSearch(inst, copy);
  return copy;
}

/** Larger than any distance a solution could save, so serving customers always comes first. */
export function unservedPenalty(inst: Instance): number {
  let sum = 0;
  for (let c = 1; c < inst.n; c += 1) sum += inst.dist[c]! + inst.dist[c * inst.n]!;
  return 2 * sum + 1;
}

function meanEdge(inst: Instance, sol: Solution): number {
  const served = inst.n - 1 - sol.unserved.length;
  const edges = served + sol.routes.length;
  const d = totalDistance(sol);
  if (edges > 0 && d > 0) return d / edges;
  let sum = 0;
  for (let c = 1; c < inst.n; c += 1) sum += inst.dist[c]!;
  return inst.n > 1 && sum > 0 ? sum / (inst.n - 1) : 1;
}
