import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { DependencyError } from '../core/errors.js';
import * as initial from './migrations/001-initial.js';
import * as operations from './migrations/002-operations.js';
import * as staffChannels from './migrations/003-staff-channels.js';
import * as monitor from './migrations/004-monitor.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Options for {@link openDatabase}. */
export interface DatabaseOptions {
  /** PostgreSQL connection URL; when absent the embedded SQLite file is used. */
  url?: string;
  /**
   * SQLite file path, or `:memory:`.
   * @defaultValue `data/counterpart.db`
   */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created if missing); lets tests own an isolated schema. */
  schema?: string;
  /** @defaultValue 10 */
  poolSize?: number;
  /**
   * Told when an idle PostgreSQL connection breaks (the server restarted, the network dropped).
   * The pool discards that connection and opens a new one on the next query.
   * @defaultValue ignore
   */
  onConnectionError?: (error: Error) => void;
}

/** An open database with its dialect, so that the few dialect-specific statements can branch once. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens the database (PostgreSQL when `url` is given, SQLite otherwise) and runs pending migrations.
 *
 * @example
 * const store = await openDatabase({ sqlitePath: 'data/shop.db' });
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Store> {
  const store = options.url ? await openPostgres(options.url, options) : await openSqlite(options.sqlitePath ?? 'data/counterpart.db');
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw new DependencyError('database migration failed', error);
  }
  return store;
}

async function openSqlite(path: string): Promise<Store> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SqliteDatabase(path);
  // WAL lets readers proceed while a turn writes; foreign keys are off by default in SQLite.
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Store> {
  const pg = await import('pg');
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new DependencyError(`invalid PostgreSQL schema name: ${schema}`);
  }
  const pool = new pg.default.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // A server that does not answer fails the query (a retryable error the client re-sends on)
    // instead of hanging it; long enough for a busy pool to hand over a connection.
    connectionTimeoutMillis: 20_000,
  });
  // Without listeners, a connection broken by a PostgreSQL restart would crash the process: the
  // pool's covers idle connections, the per-client one those checked out between two queries (a
  // query running at that moment fails on its own, and the caller sees that error).
  const onError = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', onError);
  pool.on('connect', (client) => { client.on('error', onError); });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new DependencyError('cannot connect to PostgreSQL', error);
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** Migrations in order; names never change once released. */
const MIGRATIONS: ReadonlyArray<{ name: string; up: (db: Kysely<unknown>, dialect: Dialect) => Promise<void> }> = [
  { name: '001-initial', up: initial.up },
  { name: '002-operations', up: operations.up },
  { name: '003-staff-channels', up: staffChannels.up },
  { name: '004-monitor', up: monitor.up },
];

/**
 * Applies pending migrations in one transaction.
 *
 * @remarks Not Kysely's Migrator: its table-existence check introspects every schema of the
 * database and fails when another schema is dropped at the same moment (tests drop theirs).
 * PostgreSQL replicas starting together serialise on an advisory lock.
 */
async function migrate(store: Store): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7283041)`.execute(trx);
    await sql`create table if not exists counterpart_migrations (name text primary key, applied_at text not null)`.execute(trx);
    const rows = await sql<{ name: string }>`select name from counterpart_migrations`.execute(trx);
    const applied = new Set(rows.rows.map((r) => r.name));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.name)) continue;
      await migration.up(trx as unknown as Kysely<unknown>, store.dialect);
      await sql`insert into counterpart_migrations (name, applied_at) values (${migration.name}, ${new Date().toISOString()})`.execute(trx);
    }
  });
}
