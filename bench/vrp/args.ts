import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../core/errors.js';

export interface VrpBenchArgs {
  instances: string;
  bks: string;
  /** Wall-clock seconds per instance. @defaultValue 2 */
  seconds: number;
  /** Solomon VRPTW files instead of CVRPLIB. */
  vrptw: boolean;
  /** @defaultValue 1 */
  seed: number;
  /** Optional iteration cap per instance (makes runs repeatable across machines). */
  iterations?: number;
  /** Only instances whose name contains this text. */
  filter?: string;
}

export const USAGE = `Usage: npx tsx bench/vrp/cli.ts --instances <dir> --bks <csv> --seconds <s> [--vrptw] [--seed n] [--iterations n] [--filter text]`;

/** @throws {@link InvalidInputError} naming the bad option. */
export function parseVrpArgs(argv: readonly string[]): VrpBenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      instances: { type: 'string' },
      bks: { type: 'string' },
      seconds: { type: 'string', default: '2' },
      vrptw: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      iterations: { type: 'string' },
      filter: { type: 'string' },
    },
    strict: true,
  });
  if (!values.instances || !values.bks) throw new InvalidInputError(`--instances and --bks are required.\n${USAGE}`);
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
  if (!(seconds > 0)) throw new InvalidInputError('--seconds must be a positive number');
  if (!Number.isInteger(seed)) throw new InvalidInputError('--seed must be an integer');
  if (iterations !== undefined && !(Number.isInteger(iterations) && iterations > 0)) throw new InvalidInputError('--iterations must be a positive integer');
  return { instances: values.instances, bks: values.bks, seconds, vrptw: values.vrptw ?? false, seed, iterations, filter: values.filter };
}
