import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DependencyError, InvalidInputError } from '../core/errors.js';
import { settledWithin } from '../core/timing.js';
import { ManagedProcess, STOP_GRACE_MS } from './cluster-process.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Startup on a fresh database seeds the shop and trains the models: about a minute, with room to spare. */
export const READY_TIMEOUT_MS = 180_000;
/** The worker has no HTTP port: it is up when it logs this. */
const WORKER_STARTED = /worker started/;

/** Options for {@link startCluster}. */
export interface ClusterOptions {
  /** Number of server replicas (≥ 1). */
  replicas: number;
  /** Port of the first replica; replica i listens on `basePort + i`. @defaultValue 3001 */
  basePort?: number;
  /** Interface the replicas listen on. @defaultValue 127.0.0.1 */
  host?: string;
  /**
   * The environment every child starts from (usually `process.env`). `DATABASE_URL` and
   * `REDIS_URL` in it are what the replicas and the worker share.
   */
  env: Record<string, string | undefined>;
  /** Where the children's prefixed output and the cluster's own lines go. @defaultValue stdout */
  log?: (line: string) => void;
  /** How long one replica may take to answer `/readyz` with 200. @defaultValue {@link READY_TIMEOUT_MS} */
  readyTimeoutMs?: number;
  /** Aborting it during the start stops every child started so far; the start then rejects. */
  signal?: AbortSignal;
}

/** A running cluster. Replica indexes are 0-based and match `urls`; nothing is ever restarted automatically. */
export interface Cluster {
  readonly urls: readonly string[];
  /** Whether a worker process was started (only with `REDIS_URL`). */
  readonly hasWorker: boolean;
  /** Sends `signal` to replica `i` and resolves when it has exited (SIGKILL after 20 s). @defaultValue SIGTERM */
  kill(i: number, signal?: NodeJS.Signals): Promise<void>;
  /** Starts replica `i` again on its port (stopping it first if it still runs); resolves when `/readyz` answers 200. */
  restart(i: number): Promise<void>;
  /** Whether replica `i` is running. */
  isRunning(i: number): boolean;
  /** SIGTERM to every child, SIGKILL to those still running after 20 s; resolves when all are gone. */
  stop(): Promise<void>;
}

/**
 * Starts `replicas` web servers (`server/main.ts`) on consecutive ports and, with Redis, one job
 * worker (`server/worker.ts`), all on the same database.
 *
 * @remarks Replica 1 starts alone and may seed an empty database; the others start with
 * `SEED_ON_START=false` once it is ready, so exactly one process seeds. Replicas run with
 * `JOBS_IN_SERVER=false` when the worker does the background work. Several replicas need
 * PostgreSQL and Redis: SQLite is one process's file, and replicas share sessions and jobs
 * through Redis. On a failed start every child already started is stopped before the error.
 *
 * @example
 * const cluster = await startCluster({ replicas: 2, env: process.env });
 * console.log(cluster.urls); // ['http://127.0.0.1:3001', 'http://127.0.0.1:3002']
 * await cluster.stop();
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { replicas, env } = options;
  const basePort = options.basePort ?? 3001;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => { process.stdout.write(`${line}\n`); });
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  checkClusterOptions({ replicas, basePort, env });
  const hasWorker = Boolean(env.REDIS_URL);
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const urls = Array.from({ length: replicas }, (_, i) => `http://${urlHost}:${basePort + i}`);
  await Promise.all(urls.map((_, i) => assertPortFree(host, basePort + i)));

  const children: Array<ManagedProcess | undefined> = new Array(replicas).fill(undefined);
  let worker: ManagedProcess | undefined;
  const childEnv = (i: number): Record<string, string | undefined> => ({
    ...env,
    PORT: String(basePort + i),
    HOST: host,
    JOBS_IN_SERVER: hasWorker ? 'false' : 'true',
    ...(i > 0 ? { SEED_ON_START: 'false' } : {}),
  });
  const watchExit = (child: ManagedProcess) => {
    void child.exited.then(({ code, signal }) => log(`cluster   | ${child.name} exited (code ${code}, signal ${signal})`));
  };
  const startReplica = async (i: number): Promise<void> => {
    const child = new ManagedProcess({ name: `replica-${i + 1}`, script: 'server/main.ts', cwd: REPO_ROOT, env: childEnv(i), log });
    children[i] = child;
    watchExit(child);
    await child.waitReady(`${urls[i]}/readyz`, { timeoutMs: readyTimeoutMs });
    log(`cluster   | ${child.name} ready at ${urls[i]}`);
  };
  const startWorker = async (): Promise<void> => {
    worker = new ManagedProcess({ name: 'worker', script: 'server/worker.ts', cwd: REPO_ROOT, env: { ...env }, log });
    watchExit(worker);
    await worker.waitForLine(WORKER_STARTED, readyTimeoutMs);
    log('cluster   | worker started');
  };
  const stop = async (): Promise<void> => {
    await Promise.all([...children, worker].map((child) => child?.stop(STOP_GRACE_MS)));
  };

  const abort = () => { void stop(); };
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (options.signal?.aborted) throw new DependencyError('cluster start aborted');
    await startReplica(0);
    if (options.signal?.aborted) throw new DependencyError('cluster start aborted');
    await Promise.all([...urls.slice(1).map((_, i) => startReplica(i + 1)), ...(hasWorker ? [startWorker()] : [])]);
  } catch (error) {
    await stop();
    throw options.signal?.aborted ? new DependencyError('cluster start aborted', error) : error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }

  const replica = (i: number): void => {
    if (!Number.isInteger(i) || i < 0 || i >= replicas) throw new InvalidInputError(`no replica ${i}: indexes are 0 to ${replicas - 1}`);
  };
  return {
    urls,
    hasWorker,
    async kill(i, signal = 'SIGTERM') {
      replica(i);
      const child = children[i];
      if (!child?.running) return;
      if (signal === 'SIGTERM') return child.stop(STOP_GRACE_MS);
      child.signal(signal);
      if (!(await settledWithin(child.exited, STOP_GRACE_MS))) await child.stop(0);
    },
    async restart(i) {
      replica(i);
      await children[i]?.stop(STOP_GRACE_MS);
      await assertPortFree(host, basePort + i);
      await startReplica(i);
    },
    isRunning(i) {
      replica(i);
      return children[i]?.running ?? false;
    },
    stop,
  };
}

/** @throws {@link InvalidInputError} when several replicas are asked for without PostgreSQL and Redis. */
export function checkClusterOptions(options: { replicas: number; basePort: number; env: Record<string, string | undefined> }): void {
  const { replicas, basePort, env } = options;
  if (!Number.isInteger(replicas) || replicas < 1) throw new InvalidInputError('replicas must be a positive integer');
  if (!Number.isInteger(basePort) || basePort < 1 || basePort + replicas - 1 > 65535) throw new InvalidInputError('base port must leave room for every replica below 65536');
  if (replicas > 1) {
    const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new InvalidInputError(
        `${replicas} replicas need PostgreSQL and Redis, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set ` +
        '(SQLite is one process\'s file; replicas share jobs and chat rooms through Redis)',
      );
    }
  }
}

/** Fails when something already listens on `port`: its `/readyz` would be mistaken for a replica's. */
async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(new DependencyError(`port ${port} on ${host} is taken (${error.code ?? error.message}); pick another base port`));
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
