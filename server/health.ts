import type { RequestHandler } from 'express';
import { sql, type Kysely } from 'kysely';
import type { Redis } from 'ioredis';
import { DependencyError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/** One dependency `/readyz` asks about. `check` resolves when it is usable and throws otherwise. */
export interface ReadinessCheck {
  name: string;
  check(signal: AbortSignal): Promise<void>;
}

/** The outcome of one {@link ReadinessCheck}. `error` is a short reason, set only when not ok. */
export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** The `/readyz` body. */
export interface Readiness {
  ready: boolean;
  checks: CheckResult[];
}

/** Checks slower than this count as failed. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;
/** Redis gets this long to open its connection before a check fails. */
const REDIS_CONNECT_TIMEOUT_MS = 1_000;
/** Error texts in the body are cut to this many characters. */
const MAX_ERROR_LENGTH = 200;

/**
 * Runs every check at once, each bounded by `timeoutMs`; ready when all pass.
 *
 * @example
 * const { ready, checks } = await checkReadiness([databaseCheck(store.db)]);
 */
export async function checkReadiness(checks: readonly ReadinessCheck[], options: { timeoutMs?: number } = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const results = await Promise.all(checks.map((check) => runCheck(check, timeoutMs)));
  return { ready: results.every((r) => r.ok), checks: results };
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DependencyError(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([check.check(controller.signal), timeout]);
    return { name: check.name, ok: true, ms: elapsed(started) };
  } catch (error) {
    return { name: check.name, ok: false, ms: elapsed(started), error: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The database answers a trivial query. */
export function databaseCheck(db: Kysely<any>): ReadinessCheck {
  return { name: 'database', check: async () => { await sql`select 1`.execute(db); } };
}

/** Something in this process is ready (for example the bot with its trained models). */
export function flagCheck(name: string, isReady: () => boolean): ReadinessCheck {
  return {
    name,
    check: async () => { if (!isReady()) throw new DependencyError(`${name} not ready yet`); },
  };
}

/** A Redis readiness check with the one connection it shares across checks. */
export interface RedisCheck extends ReadinessCheck {
  /** Closes the shared connection. */
  close(): Promise<void>;
}

/**
 * Redis answers PING. One client, connected on the first check and reconnecting in the
 * background; while it is down, checks fail at once instead of queueing commands.
 *
 * @remarks ioredis is imported on the first check, so deployments without Redis never load it.
 */
export function redisCheck(url: string, options: { logger?: Logger } = {}): RedisCheck {
  let client: Promise<Redis> | undefined;
  const open = async (): Promise<Redis> => {
    const { Redis } = await import('ioredis');
    const redis = new Redis(url, {
      lazyConnect: true, connectTimeout: REDIS_CONNECT_TIMEOUT_MS, enableOfflineQueue: false, maxRetriesPerRequest: 1,
    });
    // Failures reach /readyz through the checks; ioredis would print unhandled error events.
    redis.on('error', (error: unknown) => options.logger?.debug({ err: error }, 'redis connection error'));
    return redis;
  };
  return {
    name: 'redis',
    async check() {
      client ??= open();
      const redis = await client;
      if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
      const answer = await redis.ping();
      if (answer !== 'PONG') throw new DependencyError(`unexpected PING answer: ${answer}`);
    },
    async close() {
      const pending = client;
      client = undefined;
      if (pending) (await pending).disconnect();
    },
  };
}

/**
 * The `GET /readyz` handler: 200 with every check listed when all pass, 503 otherwise.
 * Logs when a check starts failing and when it recovers, not on every probe.
 */
export function readinessHandler(options: { checks: readonly ReadinessCheck[]; timeoutMs?: number; logger?: Logger }): RequestHandler {
  const failing = new Set<string>();
  return async (_req, res) => {
    const readiness = await checkReadiness(options.checks, { timeoutMs: options.timeoutMs });
    for (const result of readiness.checks) {
      if (!result.ok && !failing.has(result.name)) options.logger?.warn({ check: result.name, error: result.error }, 'readiness check failing');
      if (result.ok && failing.delete(result.name)) options.logger?.info({ check: result.name }, 'readiness check recovered');
      if (!result.ok) failing.add(result.name);
    }
    res.status(readiness.ready ? 200 : 503).set('cache-control', 'no-store').json(readiness);
  };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}
