import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isCounterpartError } from '../../core/errors.js';
import { planRoutes } from '../../ops/routing/index.js';
import { parseVrpArgs, USAGE, type VrpBenchArgs } from './args.js';
import { readBks } from './bks.js';
import { readCvrplib, readSolomon } from './instances.js';
import { formatRow, summarise, type InstanceResult } from './summary.js';
import { verifyPlan } from './verify.js';

/**
 * `npx tsx bench/vrp/cli.ts --instances <dir> --bks <csv> --seconds <s> [--vrptw] [--seed n]`
 *
 * @remarks With only `--seconds` the search stops on the clock, so results depend on machine
 * speed and load; add `--iterations` for runs that repeat exactly.
 */
function run(args: VrpBenchArgs): void {
  const bks = readBks(args.bks);
  const files = readdirSync(args.instances)
    .filter((f) => (args.vrptw ? f.endsWith('.txt') : f.endsWith('.vrp')))
    .filter((f) => !args.filter || f.includes(args.filter))
    .sort();
  const results: InstanceResult[] = [];
  for (const file of files) {
    const instance = args.vrptw ? readSolomon(join(args.instances, file)) : readCvrplib(join(args.instances, file));
    const best = bks.get(instance.name) ?? bks.get(file.replace(/\.\w+$/, ''));
    if (!best) {
      console.log(`${instance.name}: no best-known value, skipped`);
      continue;
    }
    const plan = planRoutes(instance.problem, {
      seed: args.seed,
      timeLimitMs: args.seconds * 1000,
      ...(args.iterations ? { maxIterations: args.iterations } : {}),
      objective: args.vrptw ? 'vehicles-then-distance' : 'distance',
    });
    const check = verifyPlan(instance, plan);
    const result: InstanceResult = {
      name: instance.name, cost: check.cost, vehicles: plan.vehiclesUsed,
      seconds: plan.stats.elapsedMs / 1000, iterations: plan.stats.iterations, best,
      valid: check.violations.length === 0,
    };
    results.push(result);
    console.log(formatRow(result, args.vrptw) + (result.valid ? '' : ` ${check.violations.slice(0, 3).join('; ')}`));
  }
  const meta = { set: args.vrptw ? 'solomon-vrptw' : 'cvrplib-a', seconds_limit: args.seconds, seed: args.seed, iterations_limit: args.iterations ?? null };
  console.log(JSON.stringify(summarise(results, args.vrptw, meta)));
}

try {
  run(parseVrpArgs(process.argv.slice(2)));
} catch (error) {
  console.error(isCounterpartError(error) ? error.message : error);
  if (isCounterpartError(error)) console.error(USAGE);
  process.exitCode = 1;
}
