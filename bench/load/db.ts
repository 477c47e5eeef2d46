import { sql } from 'kysely';
import { DependencyError, InvalidInputError } from '../../core/errors.js';
import { openDatabase, type Store } from '../../store/index.js';
import type { InboundRow, OutboundRow } from './reconcile.js';
import type { BenchCustomer } from './script.js';

/** Ids per `in (…)` list: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;
/** Statuses in order of preference: a paid order asks for confirmation before a cancel (declined by the script). */
const STATUS_ORDER = ['paid', 'packed', 'shipped', 'delivered', 'returned', 'cancelled'];

/** Where the cluster's data lives: a PostgreSQL schema, or a SQLite file. */
export type BenchDatabase = { url: string; schema: string } | { sqlitePath: string };

/** Opens the cluster's database for the bench's reads (small pool: the servers need the connections). */
export function openBenchStore(where: BenchDatabase): Promise<Store> {
  return 'url' in where ? openDatabase({ url: where.url, schema: where.schema, poolSize: 2 }) : openDatabase({ sqlitePath: where.sqlitePath });
}

/**
 * One order per customer (not the demo customer), paid ones first, for `count` sessions; wraps
 * around when the shop has fewer customers than sessions.
 */
export async function pickCustomers(store: Store, count: number): Promise<BenchCustomer[]> {
  const rows = await store.db.selectFrom('orders').innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.id as orderId', 'orders.status', 'customers.id as customerId', 'customers.email'])
    .where('orders.customer_id', '!=', 1)
    .orderBy('orders.id')
    .execute();
  const rank = (status: string) => { const i = STATUS_ORDER.indexOf(status); return i < 0 ? STATUS_ORDER.length : i; };
  rows.sort((a, b) => rank(a.status) - rank(b.status) || a.orderId - b.orderId);
  const byCustomer = new Map<number, BenchCustomer>();
  for (const row of rows) {
    if (!byCustomer.has(row.customerId)) byCustomer.set(row.customerId, { customerId: row.customerId, orderId: row.orderId, email: row.email });
    if (byCustomer.size >= count) break;
  }
  const picked = [...byCustomer.values()];
  if (picked.length === 0) throw new DependencyError('the database holds no orders: was the demo shop seeded?');
  return Array.from({ length: count }, (_, i) => picked[i % picked.length] as BenchCustomer);
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The inbound rows and the reply rows of the given conversations (read-only). */
export async function loadConversationRows(store: Store, conversationIds: readonly string[]): Promise<{ inbound: InboundRow[]; outbound: OutboundRow[] }> {
  const inbound: InboundRow[] = [];
  const outbound: OutboundRow[] = [];
  for (const ids of chunks([...new Set(conversationIds)])) {
    const rows = await store.db.selectFrom('messages')
      .select(['activity_id', 'direction', 'client_message_id', 'reply_to_id', 'created_at'])
      .where('conversation_id', 'in', ids)
      .execute();
    for (const row of rows) {
      if (row.direction === 'in') inbound.push({ activityId: row.activity_id, clientMessageId: row.client_message_id });
      else if (row.reply_to_id !== null) outbound.push({ activityId: row.activity_id, replyToId: row.reply_to_id, createdAt: row.created_at });
    }
  }
  return { inbound, outbound };
}

/** Drops the bench's PostgreSQL schema with everything in it. */
export async function dropSchema(store: Store, schema: string): Promise<void> {
  if (!/^bench_[a-z0-9_]+$/.test(schema)) throw new InvalidInputError(`refusing to drop ${schema}: not a bench schema`);
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
}
