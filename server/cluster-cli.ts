import { parseArgs } from 'node:util';
import { CliUsageError, reportCliFailure } from '../core/cli.js';
import { startCluster, type Cluster } from './cluster.js';
import { loadConfig } from './config.js';

const USAGE = `Usage: npm run cluster -- --replicas N [--port 3001]

  Starts N web-server replicas on ports PORT..PORT+N-1 and, when REDIS_URL is set, one job worker,
  all on DATABASE_URL (PostgreSQL) and REDIS_URL from the environment. Replica 1 starts first and
  seeds an empty database; the others start once it is ready. Ctrl-C stops them all.
  More than one replica needs both DATABASE_URL and REDIS_URL.`;

function parse(argv: readonly string[]): { replicas: number; port: number } {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { replicas: { type: 'string' }, port: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const replicas = Number(values.replicas ?? 1);
  const port = Number(values.port ?? 3001);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 64) throw new CliUsageError('--replicas must be an integer from 1 to 64');
  if (!Number.isInteger(port) || port < 1 || port + replicas - 1 > 65535) throw new CliUsageError('--port must be a port number that leaves room for every replica');
  return { replicas, port };
}

/**
 * `npm run cluster -- --replicas N [--port 3001]`: several replicas and a worker on one machine,
 * for trying the multi-replica setup and for the load bench. Restarts nothing by itself.
 */
async function main(): Promise<void> {
  const { replicas, port } = parse(process.argv.slice(2));
  const config = loadConfig(process.env);
  const starting = new AbortController();
  let cluster: Cluster | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\ncluster   | ${signal}: stopping every child (SIGKILL after 20 s)`);
    // During the start, startCluster stops what it started and rejects; main() then exits.
    if (!cluster) return starting.abort();
    void cluster.stop().then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => shutdown(signal));
  try {
    cluster = await startCluster({ replicas, basePort: port, host: config.HOST, env: { ...process.env }, signal: starting.signal });
  } catch (error) {
    if (!starting.signal.aborted) throw error;
    process.exit(130);
  }
  console.log(`\n  Counterpart cluster: ${replicas} replica${replicas > 1 ? 's' : ''}${cluster.hasWorker ? ' and a worker' : ''}`);
  for (const url of cluster.urls) console.log(`    ${url}`);
  console.log('');
}

main().catch((error: unknown) => reportCliFailure(error, USAGE));
