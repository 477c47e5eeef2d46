import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { startServer, type RunningServer } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import type { Dialect } from '../../store/db.js';

export interface TestServer {
  server: RunningServer;
  config: Config;
  /** Stops the server and starts a new one on the same database (a restart). */
  restart(): Promise<RunningServer>;
  cleanup(): Promise<void>;
}

/** Starts the real server on an ephemeral port over a database only this test uses. */
export async function startTestServer(kind: Dialect, env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-server-'));
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', SEED_SCALE: 'small', SQLITE_PATH: join(dir, 'test.db'),
    // The hashed encoder needs no model: fast starts; retrieval tests cover USE-lite.
    KB_DIR: join(dir, 'kb'), KB_ENCODER: 'hashed', NLU_MODEL_DIR: join(dir, 'nlu-model'), NLU_ENCODER: 'hashed',
    SENTIMENT_MODEL_DIR: join(dir, 'sentiment-model'),
    // Jobs, broadcasts and rate-limit counters of this server only, when a test gives it Redis.
    REDIS_PREFIX: `test:${schema}`,
    ...(kind === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    ...env,
  });
  let server = await startServer({ config });
  return {
    get server() { return server; },
    config,
    async restart() {
      await server.close();
      server = await startServer({ config });
      return server;
    },
    async cleanup() {
      if (kind === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(server.store.db);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } as TestServer;
}

/** Small JSON client for the REST channel. */
export async function api(base: string, path: string, init: { method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
  const response = await fetch(`${base}/api${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await response.text();
  let json: any = undefined;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: response.status, json, text };
}
