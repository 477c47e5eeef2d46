import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { messageConditions } from './conditions.js';
import { csvRecord } from './csv.js';
import type { LogFilter } from './filter.js';
import { MESSAGE_COLUMNS, toLogMessage, type LogMessage, type Redaction } from './rows.js';

export type ExportFormat = 'ndjson' | 'csv';

/** CSV columns, in order; `entities` is the JSON array. */
export const CSV_COLUMNS = [
  'id', 'activityId', 'conversationId', 'createdAt', 'direction', 'channel', 'userId', 'role',
  'intent', 'confidence', 'sentiment', 'text', 'entities',
] as const satisfies ReadonlyArray<keyof LogMessage>;

/** @defaultValue batchSize 1000 */
export interface ExportOptions {
  filter: LogFilter;
  format: ExportFormat;
  redaction: Redaction;
  /** Stops reading between batches (the client went away). */
  signal?: AbortSignal;
  batchSize?: number;
}

function formatRow(message: LogMessage, format: ExportFormat): string {
  if (format === 'ndjson') return `${JSON.stringify(message)}\n`;
  return csvRecord(CSV_COLUMNS.map((column) => (column === 'entities' ? JSON.stringify(message.entities) : message[column])));
}

/**
 * Every message matching `filter`, oldest first, as NDJSON lines or CSV records (with a header),
 * one string chunk per batch of rows.
 *
 * @remarks Memory stays flat however many rows match: batches are read by keyset on the
 * primary key (`id > last id`, `batchSize` rows), so only one batch is held at a time and each
 * read is a range scan of the primary key. Not Kysely's `.stream()`: on PostgreSQL it needs
 * the `pg-cursor` package (not a dependency), and on SQLite it would hold the single connection
 * for the whole export — bot turns would wait behind a slow download. Between batches the
 * connection is free. Rows inserted during an export appear if their id is still ahead.
 *
 * @example
 * for await (const chunk of exportMessages(db, { filter: {}, format: 'ndjson', redaction: { raw: false } })) out.write(chunk);
 */
export async function* exportMessages(db: Kysely<Database>, options: ExportOptions): AsyncGenerator<string, void, undefined> {
  const batchSize = options.batchSize ?? 1000;
  if (options.format === 'csv') yield csvRecord(CSV_COLUMNS);
  let lastId: number | undefined;
  for (;;) {
    if (options.signal?.aborted) return;
    const rows = await db.selectFrom('messages').select(MESSAGE_COLUMNS)
      .where((eb) => eb.and([...messageConditions(eb, options.filter), ...(lastId === undefined ? [] : [eb('messages.id', '>', lastId)])]))
      .orderBy('messages.id', 'asc')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    lastId = Number(rows[rows.length - 1]!.id);
    yield rows.map((row) => formatRow(toLogMessage(row, options.redaction), options.format)).join('');
    if (rows.length < batchSize) return;
  }
}
