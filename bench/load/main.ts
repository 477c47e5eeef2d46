import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportCliFailure } from '../../core/cli.js';
import { loadConfig } from '../../server/config.js';
import { checkLoadBenchSetup, parseLoadBenchArgs, USAGE, type LoadBenchEnv } from './args.js';
import { formatLoadReport } from './report.js';
import { runLoadBench } from './run.js';

/**
 * `npm run bench:load -- --replicas <n> --sessions <s> --seconds <t> [--chaos] [--base-port 3101]`:
 * a fresh cluster under closed-loop web-chat load, then a reconciliation of what every client
 * sent and saw with what the database holds. Progress goes to stderr; the report to stdout, its
 * last line one JSON object.
 *
 * @example
 * ```sh
 * DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 \
 *   npm run bench:load -- --replicas 2 --sessions 20 --seconds 15
 * ```
 */
async function main(): Promise<void> {
  const args = parseLoadBenchArgs(process.argv.slice(2));
  const config = loadConfig(process.env);
  const env: LoadBenchEnv & { base: Record<string, string | undefined> } = {
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    tokenSecret: config.CUSTOMER_TOKEN_SECRET,
    redisRestart: process.env.COUNTERPART_REDIS_RESTART || undefined,
    pgRestart: process.env.COUNTERPART_PG_RESTART || undefined,
    base: { ...process.env },
  };
  checkLoadBenchSetup(args, env);
  const started = new Date();
  const progress = (line: string) => {
    process.stderr.write(`[load ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  };
  const clusterLogPath = join(tmpdir(), `counterpart-bench-load-${started.toISOString().replace(/[:.]/g, '-')}.log`);
  const clusterLogFile = createWriteStream(clusterLogPath);
  const abort = new AbortController();
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      signals += 1;
      progress(signals === 1 ? `${signal}: winding down (the cluster is stopped before exit)` : `${signal} again: still stopping the cluster`);
      abort.abort();
    });
  }
  try {
    const clusterLog = (line: string) => {
      clusterLogFile.write(`${line}\n`);
      // The cluster's own lines (a replica ready, a child exiting) belong in the progress too.
      if (line.startsWith('cluster ')) progress(line.replace(/^cluster\s*\|\s*/, ''));
    };
    const result = await runLoadBench(args, env, { progress, clusterLog, clusterLogPath }, abort.signal);
    process.stdout.write(formatLoadReport(result));
    if (result.reconciliation.lost > 0 || result.reconciliation.duplicated > 0) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => clusterLogFile.end(() => resolve()));
  }
}

main().catch((error: unknown) => reportCliFailure(error, USAGE));
