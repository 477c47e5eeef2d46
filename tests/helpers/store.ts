import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type Dialect, type Store } from '../../store/db.js';
import { seedDemoShop } from '../../store/seed/index.js';

/**
 * Database back-ends the integration suites run on: SQLite always, PostgreSQL when
 * `DATABASE_URL` is set. In CI a missing URL is an error, never a silent skip.
 */
export function storeKinds(): Dialect[] {
  if (process.env.DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but DATABASE_URL is unset: the PostgreSQL suite must run in CI');
  console.warn('[tests] DATABASE_URL is unset: PostgreSQL suites are skipped (set it to run them)');
  return ['sqlite'];
}

export interface TestStore extends Store {
  /** Options that reopen the same database (for restart tests). */
  reopenOptions: { url?: string; sqlitePath?: string; schema?: string };
  /** Closes the store and drops what the test created. */
  cleanup(): Promise<void>;
}

/** Opens a fresh, migrated database that only this test uses. */
export async function openTestStore(kind: Dialect): Promise<TestStore> {
  const suffix = randomBytes(6).toString('hex');
  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is required for the PostgreSQL suite');
    const schema = `t_${suffix}`;
    const store = await openDatabase({ url, schema, poolSize: 4 });
    const cleanup = async () => {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    };
    return { ...store, reopenOptions: { url, schema }, cleanup };
  }
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-test-'));
  const sqlitePath = join(dir, 'test.db');
  const store = await openDatabase({ sqlitePath });
  const cleanup = async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { ...store, reopenOptions: { sqlitePath }, cleanup };
}

/** A fresh SQLite store with the small demo shop seeded: the fixture of the ops and staff-tool suites. */
export async function openSeededTestStore(options: { seed: number; now: Date }): Promise<TestStore> {
  const store = await openTestStore('sqlite');
  try {
    await seedDemoShop(store.db, { seed: options.seed, scale: 'small', now: options.now });
  } catch (error) {
    await store.cleanup();
    throw error;
  }
  return store;
}
