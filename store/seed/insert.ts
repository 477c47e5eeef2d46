import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Most bound parameters one statement may carry.
 *
 * @remarks SQLite allows 32,766 variables and PostgreSQL 65,535 parameters; staying under
 * the smaller limit lets one code path serve both, and larger statements gain little.
 */
export const MAX_PARAMETERS = 32_766;

/** Rows per multi-row INSERT for a table with `columns` columns. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns)));
}

/**
 * Inserts `rows` in multi-row statements that respect {@link MAX_PARAMETERS}.
 *
 * @remarks One statement per row would take minutes for two years of sales; one statement
 * for everything would exceed the engines' parameter limits.
 */
export async function insertChunked<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const size = rowsPerStatement(Object.keys(first).length);
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot relate a generic table name to its row type, hence the cast.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
  return rows.length;
}
