import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import { DependencyError } from '../core/errors.js';
import * as initial from './migrations/001-initial.js';
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
    await migrate(store, options.url ? options.schema : undefined);
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
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new DependencyError('cannot connect to PostgreSQL', error);
  }
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

class StaticMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const d = this.dialect;
    return { '001-initial': { up: (db) => initial.up(db, d) } };
  }
}

async function migrate(store: Store, schema: string | undefined): Promise<void> {
  // Without the schema, Kysely finds migration tables of any schema and takes them for its own.
  const migrator = new Migrator({
    db: store.db,
    provider: new StaticMigrations(store.dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
