import { shuffleInPlace } from '../../core/random.js';
import { cheapestInsertion } from './insertion.js';
import type { Instance } from './instance.js';
import { createRoute, refreshRoute, type Solution } from './solution.js';

/** How the customers to reinsert are ordered, with SISR's weights 4 : 4 : 2 : 1. */
const ORDERS = ['random', 'demand', 'far', 'close'] as const;
const ORDER_WEIGHTS = [4, 4, 2, 1];

export interface RecreateOptions {
  maxRoutes: number;
  /** @defaultValue 0.01 */
  blinkRate: number;
  random: () => number;
}

/**
 * Greedy insertion with blinks of every customer in `sol.unserved`; those with no feasible
 * place (fleet full, windows) stay in `sol.unserved`.
 */
export function recreateGreedy(inst: Instance, sol: Solution, options: RecreateOptions): void {
  const pending = sortPending(inst, sol.unserved, options.random);
  const left: number[] = [];
  for (const c of pending) {
    const choice = cheapestInsertion(inst, sol.routes, c, options);
    if (!choice || choice.delta === Number.POSITIVE_INFINITY) {
      left.push(c);
      continue;
    }
    if (choice.route === sol.routes.length) {
      sol.routes.push(createRoute(inst, [c]));
    } else {
      const route = sol.routes[choice.route]!;
      route.nodes.splice(choice.pos, 0, c);
      refreshRoute(inst, route);
    }
  }
  sol.unserved = left;
}

function sortPending(inst: Instance, pending: number[], random: () => number): number[] {
  const out = pending.slice();
  const order = ORDERS[pickWeighted(ORDER_WEIGHTS, random)];
  const { demand, dist } = inst;
  if (order === 'random') {
    shuffleInPlace(out, random);
  } else if (order === 'demand') {
    out.sort((a, b) => demand[b]! - demand[a]! || a - b);
  } else if (order === 'far') {
    out.sort((a, b) => dist[b]! - dist[a]! || a - b);
  } else {
    out.sort((a, b) => dist[a]! - dist[b]! || a - b);
  }
  return out;
}

function pickWeighted(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i += 1) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
