import { parseArgs } from 'node:util';
import { CliUsageError } from '../../core/cli.js';

export const USAGE = `Usage:
  npm run bench:load -- --replicas <n> --sessions <s> --seconds <t> [--chaos] [--base-port 3101] [--keep]

  Starts a fresh cluster (npm run cluster) and drives <s> concurrent web-chat customers through
  demo-shop conversations for <t> seconds, then reconciles what the clients saw with the database.

  --replicas   server replicas (default 1); more than one needs DATABASE_URL and REDIS_URL
  --sessions   concurrent socket.io customers, spread round-robin over the replicas (default 10)
  --seconds    how long new messages are sent (default 30); outstanding ones are then awaited
  --chaos      during the run: SIGKILL and restart one replica, restart Redis, restart PostgreSQL
               (needs DATABASE_URL and REDIS_URL; commands from COUNTERPART_REDIS_RESTART and
               COUNTERPART_PG_RESTART, with defaults for the CI machine)
  --base-port  port of the first replica (default 3101)
  --keep       keep the PostgreSQL schema (or the SQLite folder) for inspection

  With PostgreSQL the cluster runs in a fresh schema bench_<random>, dropped at the end; without
  DATABASE_URL it runs one replica on a temporary SQLite file and no worker. The last stdout line
  is one JSON object with the results.`;

/** The parsed command line. */
export interface LoadBenchArgs {
  replicas: number;
  sessions: number;
  seconds: number;
  chaos: boolean;
  basePort: number;
  keep: boolean;
}

function integer(value: string | undefined, name: string, range: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return range.fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) throw new CliUsageError(`--${name} must be an integer from ${range.min} to ${range.max}`);
  return n;
}

/** @throws {@link CliUsageError} with what is wrong. */
export function parseLoadBenchArgs(argv: readonly string[]): LoadBenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        replicas: { type: 'string' }, sessions: { type: 'string' }, seconds: { type: 'string' },
        chaos: { type: 'boolean', default: false }, 'base-port': { type: 'string' }, keep: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const replicas = integer(values.replicas, 'replicas', { min: 1, max: 16, fallback: 1 });
  return {
    replicas,
    sessions: integer(values.sessions, 'sessions', { min: 1, max: 5000, fallback: 10 }),
    seconds: integer(values.seconds, 'seconds', { min: 1, max: 3600, fallback: 30 }),
    chaos: values.chaos,
    basePort: integer(values['base-port'], 'base-port', { min: 1024, max: 65535 - replicas + 1, fallback: 3101 }),
    keep: values.keep,
  };
}

/** What the bench takes from the environment; read once by the entry point. */
export interface LoadBenchEnv {
  databaseUrl?: string;
  redisUrl?: string;
  /** Signs the customer tokens; must match the servers' `CUSTOMER_TOKEN_SECRET`. */
  tokenSecret: string;
  /** Shell commands that restart Redis and PostgreSQL for --chaos. */
  redisRestart?: string;
  pgRestart?: string;
}

/** @throws {@link CliUsageError} when the options do not fit the services available. */
export function checkLoadBenchSetup(args: LoadBenchArgs, env: LoadBenchEnv): void {
  const services = Boolean(env.databaseUrl && env.redisUrl);
  if (args.replicas > 1 && !services) {
    throw new CliUsageError(`--replicas ${args.replicas} needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL (without them the bench runs one replica on SQLite)`);
  }
  if (args.chaos && !services) throw new CliUsageError('--chaos restarts PostgreSQL and Redis: set DATABASE_URL and REDIS_URL');
}
