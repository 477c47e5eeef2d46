import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { conversationConditions, conversationsAfter, messageConditions, messagesAfter } from './conditions.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { LogFilter, LogPage, LogResultPage } from './filter.js';
import { MESSAGE_COLUMNS, toLogMessage, type LogConversation, type LogMessage, type Redaction } from './rows.js';

function pageOf<T extends { createdAt: string; id: number | string }>(rows: T[], limit: number): LogResultPage<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * Messages matching `filter`, one page in `(created_at, id)` order.
 *
 * @remarks One row more than the page is read to know whether another page follows. At
 * scale, an index on `messages (created_at, id)` keeps every page a range scan.
 *
 * @example
 * const first = await searchMessages(db, { filter: { intent: 'order_status' }, page: { limit: 50, order: 'desc' }, redaction: { raw: false } });
 * const second = await searchMessages(db, { filter: { intent: 'order_status' }, page: { limit: 50, order: 'desc', cursor: first.nextCursor! }, redaction: { raw: false } });
 */
export async function searchMessages(
  db: Kysely<Database>,
  options: { filter: LogFilter; page: LogPage; redaction: Redaction },
): Promise<LogResultPage<LogMessage>> {
  const { filter, page } = options;
  const position = page.cursor ? decodeCursor(page.cursor, 'number') : undefined;
  const rows = await db.selectFrom('messages').select(MESSAGE_COLUMNS)
    .where((eb) => eb.and([
      ...messageConditions(eb, filter),
      ...(position ? [messagesAfter(eb, { ...position, order: page.order })] : []),
    ]))
    .orderBy('messages.created_at', page.order).orderBy('messages.id', page.order)
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows.map((row) => toLogMessage(row, options.redaction)), page.limit);
}

/**
 * Conversations matching `filter`, one page in `(created_at, id)` order, each with its number
 * of messages and the status of its latest hand-off.
 */
export async function searchConversations(
  db: Kysely<Database>,
  options: { filter: LogFilter; page: LogPage },
): Promise<LogResultPage<LogConversation>> {
  const { filter, page } = options;
  const position = page.cursor ? decodeCursor(page.cursor, 'string') : undefined;
  const rows = await db.selectFrom('conversations')
    .select((eb) => [
      'conversations.id', 'conversations.channel', 'conversations.customer_id', 'conversations.staff_user_id',
      'conversations.created_at', 'conversations.updated_at',
      eb.selectFrom('messages').select((inner) => inner.fn.countAll().as('n'))
        .whereRef('messages.conversation_id', '=', 'conversations.id').as('message_count'),
      eb.selectFrom('handoffs').select('handoffs.status')
        .whereRef('handoffs.conversation_id', '=', 'conversations.id').orderBy('handoffs.id', 'desc').limit(1).as('handoff'),
      eb.selectFrom('messages').select((inner) => inner.fn.avg<number | string | null>('messages.sentiment').as('a'))
        .whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.direction', '=', 'in')
        .where('messages.sentiment', 'is not', null).as('sentiment_average'),
      eb.selectFrom('messages').select((inner) => inner.fn.count<number | string>('messages.sentiment').as('c'))
        .whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.direction', '=', 'in')
        .where('messages.sentiment', 'is not', null).as('sentiment_scored'),
      eb.selectFrom('messages').select('messages.sentiment')
        .whereRef('messages.conversation_id', '=', 'conversations.id').where('messages.direction', '=', 'in')
        .where('messages.sentiment', 'is not', null).orderBy('messages.id', 'desc').limit(1).as('sentiment_latest'),
    ])
    .where((eb) => eb.and([
      ...conversationConditions(eb, filter),
      ...(position ? [conversationsAfter(eb, { ...position, order: page.order })] : []),
    ]))
    .orderBy('conversations.created_at', page.order).orderBy('conversations.id', page.order)
    .limit(page.limit + 1)
    .execute();
  return pageOf(rows.map((row): LogConversation => ({
    id: row.id,
    channel: row.channel,
    customerId: row.customer_id,
    staffUserId: row.staff_user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messageCount: Number(row.message_count ?? 0),
    handoff: row.handoff ?? null,
    sentiment: sentimentTrend(row),
  })), page.limit);
}

/** Average and latest score; `trend` < 0 means the customer's latest message is gloomier than their average. */
function sentimentTrend(row: { sentiment_average: unknown; sentiment_scored: unknown; sentiment_latest: unknown }): LogConversation['sentiment'] {
  const scored = Number(row.sentiment_scored ?? 0);
  if (scored === 0) return { scored: 0, average: null, latest: null, trend: null };
  const average = Number(row.sentiment_average);
  const latest = Number(row.sentiment_latest);
  return { scored, average, latest, trend: latest - average };
}
