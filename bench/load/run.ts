import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCustomerToken } from '../../bot/index.js';
import { startCluster, type Cluster } from '../../server/cluster.js';
import type { LoadBenchArgs, LoadBenchEnv } from './args.js';
import { runChaos, type ChaosEvent } from './chaos.js';
import { LoadSession } from './client.js';
import { dropSchema, loadConversationRows, openBenchStore, pickCustomers, type BenchDatabase } from './db.js';
import { reconcile, type Reconciliation } from './reconcile.js';
import { conversationScript, ScriptCursor, type BenchCustomer } from './script.js';
import { ErrorCounts, summariseLatency, throughput, type LatencySummary } from './stats.js';

/** After the send window, outstanding messages get this long to be answered. @defaultValue 60 s */
const DRAIN_MS = 60_000;
const PROGRESS_EVERY_MS = 5_000;

/** Everything the report prints. */
export interface LoadBenchResult {
  args: LoadBenchArgs;
  database: 'postgres' | 'sqlite';
  urls: readonly string[];
  windowS: number;
  msgsPerS: number;
  latency: LatencySummary;
  errors: Record<string, number>;
  errorTotal: number;
  unexpectedReplies: number;
  reconciliation: Reconciliation;
  chaos: ChaosEvent[];
  clusterLog: string;
}

/** Where output goes: progress and events on one stream, the children's output into a file. */
export interface BenchOutput {
  progress: (line: string) => void;
  clusterLog: (line: string) => void;
  clusterLogPath: string;
}

/**
 * Starts a fresh cluster, drives the sessions, optionally disrupts services, stops the cluster
 * and reconciles. Always stops the cluster and drops the bench's schema (unless `--keep`).
 *
 * @param abort - aborting it (Ctrl-C) ends the send window at once and winds everything down.
 */
export async function runLoadBench(args: LoadBenchArgs, env: LoadBenchEnv & { base: Record<string, string | undefined> }, out: BenchOutput, abort: AbortSignal): Promise<LoadBenchResult> {
  const id = randomBytes(4).toString('hex');
  const sqliteDir = env.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'counterpart-bench-load-'));
  const where: BenchDatabase = env.databaseUrl ? { url: env.databaseUrl, schema: `bench_${id}` } : { sqlitePath: join(sqliteDir as string, 'bench.db') };
  let cluster: Cluster | undefined;
  try {
    out.progress(`starting ${args.replicas} replica(s) on ${'url' in where ? `PostgreSQL schema ${where.schema}` : `SQLite ${where.sqlitePath}`}` +
      `${env.redisUrl ? ' with Redis and a worker' : ''}; their output goes to ${out.clusterLogPath}`);
    cluster = await startCluster({ replicas: args.replicas, basePort: args.basePort, env: childEnv(env, where), log: out.clusterLog, signal: abort });
    out.progress(`cluster ready: ${cluster.urls.join(' ')}`);
    const customers = await withStore(where, (store) => pickCustomers(store, args.sessions));
    const drive = await driveSessions({ args, env, cluster, customers, out, abort });
    out.progress('stopping the cluster');
    await cluster.stop();
    cluster = undefined;
    const rows = await withStore(where, (store) => loadConversationRows(store, drive.sessions.flatMap((s) => [...s.conversationIds])));
    const reconciliation = reconcile({
      messages: drive.sessions.flatMap((s) => s.messages), replies: drive.sessions.flatMap((s) => s.receivedReplies()), ...rows,
    });
    const messages = drive.sessions.flatMap((s) => s.messages);
    const latencies = messages.flatMap((m) => (m.answeredAt === undefined ? [] : [m.answeredAt - m.sentAt]));
    return {
      args, database: 'url' in where ? 'postgres' : 'sqlite', urls: drive.urls, windowS: (drive.window.end - drive.window.start) / 1000,
      msgsPerS: throughput(messages.flatMap((m) => (m.answeredAt === undefined ? [] : [m.answeredAt])), drive.window),
      latency: summariseLatency(latencies), errors: drive.errors.toObject(), errorTotal: drive.errors.total,
      unexpectedReplies: drive.sessions.reduce((n, s) => n + s.unexpectedReplies, 0), reconciliation, chaos: drive.chaos,
      clusterLog: out.clusterLogPath,
    };
  } finally {
    await cleanUp({ cluster, where, keep: args.keep, sqliteDir, log: out.progress });
  }
}

/**
 * Rate limits the bench raises out of reach unless the environment sets them: every session shares
 * one loopback address and sends with no think time, so real limits would measure refusals. The
 * limits stay on (every message is still counted, in Redis when there is one), so their cost is measured.
 */
export const RATE_LIMITS_OFF: Readonly<Record<string, string>> = {
  RATE_LIMIT_HTTP_PER_IP: '1000000000', RATE_LIMIT_MESSAGES_PER_IP: '1000000000',
  RATE_LIMIT_MESSAGES_PER_CUSTOMER: '1000000000', RATE_LIMIT_MESSAGES_PER_CONVERSATION: '1000000000',
};

function childEnv(env: LoadBenchEnv & { base: Record<string, string | undefined> }, where: BenchDatabase): Record<string, string | undefined> {
  const { DATABASE_URL: _url, DATABASE_SCHEMA: _schema, SQLITE_PATH: _path, REDIS_URL: _redis, PORT: _port, ...rest } = env.base;
  return {
    ...RATE_LIMITS_OFF,
    ...rest,
    ...('url' in where ? { DATABASE_URL: where.url, DATABASE_SCHEMA: where.schema } : { SQLITE_PATH: where.sqlitePath }),
    ...(env.redisUrl ? { REDIS_URL: env.redisUrl } : {}),
  };
}

async function withStore<T>(where: BenchDatabase, use: (store: Awaited<ReturnType<typeof openBenchStore>>) => Promise<T>): Promise<T> {
  // Opened per use, so no idle connection lives through a PostgreSQL restart.
  const store = await openBenchStore(where);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function driveSessions(options: {
  args: LoadBenchArgs; env: LoadBenchEnv; cluster: Cluster; customers: BenchCustomer[]; out: BenchOutput; abort: AbortSignal;
}): Promise<{ sessions: LoadSession[]; errors: ErrorCounts; window: { start: number; end: number }; chaos: ChaosEvent[]; urls: readonly string[] }> {
  const { args, env, cluster, out } = options;
  const errors = new ErrorCounts();
  const now = () => performance.now();
  const sessions = options.customers.map((customer, i) => {
    const kind = i % 2 === 0 ? 'anonymous' : 'token';
    const token = kind === 'token' ? signCustomerToken({ customerId: customer.customerId, secret: env.tokenSecret, now: new Date() }) : undefined;
    return new LoadSession({
      urls: cluster.urls, firstReplica: i % cluster.urls.length, script: new ScriptCursor(conversationScript(customer, kind)), errors, now,
      ...(token ? { token } : {}),
    });
  });
  const sending = new AbortController();
  const stop = new AbortController();
  // Every session and the chaos runner listen on these: one listener each is expected, not a leak.
  setMaxListeners(3 * sessions.length + 10, sending.signal, stop.signal);
  const onAbort = () => { sending.abort(); stop.abort(); };
  options.abort.addEventListener('abort', onAbort, { once: true });
  const start = now();
  const sendTimer = setTimeout(() => sending.abort(), args.seconds * 1000);
  const stopTimer = setTimeout(() => stop.abort(), args.seconds * 1000 + DRAIN_MS);
  const open = new Set(sessions);
  const progress = startProgress({ sessions, open, errors, start, now, log: out.progress });
  out.progress(`${sessions.length} sessions sending for ${args.seconds} s`);
  const chaos = args.chaos && env.databaseUrl && env.redisUrl
    ? runChaos({
      cluster, replicas: args.replicas, windowMs: args.seconds * 1000, startedAt: start, now, databaseUrl: env.databaseUrl, redisUrl: env.redisUrl,
      redisRestart: env.redisRestart, pgRestart: env.pgRestart, log: out.progress, signal: stop.signal,
    })
    : Promise.resolve([]);
  try {
    await Promise.all(sessions.map((s) => s.run({ sending: sending.signal, stop: stop.signal }).finally(() => open.delete(s))));
    const end = Math.min(now(), start + args.seconds * 1000);
    const events = await chaos;
    return { sessions, errors, window: { start, end }, chaos: events, urls: cluster.urls };
  } finally {
    clearTimeout(sendTimer);
    clearTimeout(stopTimer);
    clearInterval(progress);
    options.abort.removeEventListener('abort', onAbort);
    sending.abort();
    stop.abort();
  }
}

function startProgress(options: {
  sessions: LoadSession[]; open: Set<LoadSession>; errors: ErrorCounts; start: number; now: () => number; log: (line: string) => void;
}): NodeJS.Timeout {
  let lastAnswered = 0;
  return setInterval(() => {
    const answered = options.sessions.reduce((n, s) => n + s.messages.filter((m) => m.answeredAt !== undefined).length, 0);
    const elapsed = (options.now() - options.start) / 1000;
    const recent = (answered - lastAnswered) / (PROGRESS_EVERY_MS / 1000);
    lastAnswered = answered;
    options.log(`t=${elapsed.toFixed(0)}s answered=${answered} msgs/s=${(answered / elapsed).toFixed(1)} (last 5 s: ${recent.toFixed(1)}) ` +
      `open=${options.open.size} errors=${options.errors.total}`);
  }, PROGRESS_EVERY_MS);
}

async function cleanUp(options: { cluster?: Cluster; where: BenchDatabase; keep: boolean; sqliteDir?: string; log: (line: string) => void }): Promise<void> {
  if (options.cluster) {
    options.log('stopping the cluster');
    await options.cluster.stop().catch((error: unknown) => options.log(`could not stop the cluster: ${String(error)}`));
  }
  const { where } = options;
  if (options.keep) {
    options.log(`kept ${'url' in where ? `schema ${where.schema}` : options.sqliteDir}`);
    return;
  }
  if ('url' in where) {
    await withStore(where, (store) => dropSchema(store, where.schema))
      .catch((error: unknown) => options.log(`could not drop schema ${where.schema}: ${String(error)}`));
  }
  if (options.sqliteDir) rmSync(options.sqliteDir, { recursive: true, force: true });
}
