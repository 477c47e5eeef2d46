import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';

type Builder = CreateTableBuilder<string, never>;

/** Generated integer primary key in the dialect's own way. */
export function withId(table: Builder, dialect: 'sqlite' | 'postgres'): Builder {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
