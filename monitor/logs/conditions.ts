import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../store/schema.js';
import { SENTIMENT_BANDS, type LogFilter } from './filter.js';

type MessagesEb = ExpressionBuilder<Database, 'messages'>;
type ConversationsEb = ExpressionBuilder<Database, 'conversations'>;
type Conditions = Array<Expression<SqlBool>>;

/** `%`, `_` and the escape character itself match literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * Conditions on the message itself: direction, intent, sentiment, free text.
 *
 * @remarks Both sides of the text match go through the database's own `lower()`, so each
 * engine folds case consistently (SQLite: ASCII letters; PostgreSQL: per its locale).
 */
export function messageContentConditions(eb: MessagesEb, filter: LogFilter): Conditions {
  const where: Conditions = [];
  if (filter.direction) where.push(eb('messages.direction', '=', filter.direction));
  if (filter.intent) where.push(eb('messages.intent', '=', filter.intent));
  if (filter.sentiment === 'negative') where.push(eb('messages.sentiment', '<', SENTIMENT_BANDS.negativeBelow));
  if (filter.sentiment === 'positive') where.push(eb('messages.sentiment', '>', SENTIMENT_BANDS.positiveAbove));
  if (filter.sentiment === 'neutral') {
    where.push(eb('messages.sentiment', '>=', SENTIMENT_BANDS.negativeBelow), eb('messages.sentiment', '<=', SENTIMENT_BANDS.positiveAbove));
  }
  if (filter.sentimentMin !== undefined) where.push(eb('messages.sentiment', '>=', filter.sentimentMin));
  if (filter.sentimentMax !== undefined) where.push(eb('messages.sentiment', '<=', filter.sentimentMax));
  if (filter.q) where.push(sql<SqlBool>`lower(${eb.ref('messages.text')}) like lower(${likePattern(filter.q)}) escape '!'`);
  return where;
}

/** Whether any field of the filter is about individual messages. */
export function filtersMessageContent(filter: LogFilter): boolean {
  return filter.direction !== undefined || filter.intent !== undefined || filter.sentiment !== undefined
    || filter.sentimentMin !== undefined || filter.sentimentMax !== undefined || filter.q !== undefined;
}

/** Hand-off statuses that count as open. */
const OPEN_HANDOFF: Array<'queued' | 'active'> = ['queued', 'active'];

/** Every condition of a message search. */
export function messageConditions(eb: MessagesEb, filter: LogFilter): Conditions {
  const where = messageContentConditions(eb, filter);
  if (filter.from) where.push(eb('messages.created_at', '>=', filter.from));
  if (filter.to) where.push(eb('messages.created_at', '<', filter.to));
  if (filter.channel) where.push(eb('messages.channel', '=', filter.channel));
  if (filter.conversationId) where.push(eb('messages.conversation_id', '=', filter.conversationId));
  if (filter.customerId !== undefined) {
    where.push(eb('messages.conversation_id', 'in',
      eb.selectFrom('conversations').select('conversations.id').where('conversations.customer_id', '=', filter.customerId)));
  }
  if (filter.handoff) {
    const handoffs = eb.selectFrom('handoffs').select('handoffs.conversation_id');
    where.push(filter.handoff === 'none'
      ? eb('messages.conversation_id', 'not in', handoffs)
      : eb('messages.conversation_id', 'in', filter.handoff === 'open' ? handoffs.where('handoffs.status', 'in', OPEN_HANDOFF) : handoffs));
  }
  return where;
}

/** Every condition of a conversation search; message fields ask for at least one such message. */
export function conversationConditions(eb: ConversationsEb, filter: LogFilter): Conditions {
  const where: Conditions = [];
  if (filter.from) where.push(eb('conversations.created_at', '>=', filter.from));
  if (filter.to) where.push(eb('conversations.created_at', '<', filter.to));
  if (filter.channel) where.push(eb('conversations.channel', '=', filter.channel));
  if (filter.conversationId) where.push(eb('conversations.id', '=', filter.conversationId));
  if (filter.customerId !== undefined) where.push(eb('conversations.customer_id', '=', filter.customerId));
  if (filter.handoff) {
    const handoffs = eb.selectFrom('handoffs').select('handoffs.conversation_id');
    where.push(filter.handoff === 'none'
      ? eb('conversations.id', 'not in', handoffs)
      : eb('conversations.id', 'in', filter.handoff === 'open' ? handoffs.where('handoffs.status', 'in', OPEN_HANDOFF) : handoffs));
  }
  if (filtersMessageContent(filter)) {
    where.push(eb('conversations.id', 'in', eb.selectFrom('messages').select('messages.conversation_id')
      .where((inner) => inner.and(messageContentConditions(inner, filter)))));
  }
  return where;
}

/** Messages strictly after `position` in the page order of `(created_at, id)`. */
export function messagesAfter(eb: MessagesEb, position: { createdAt: string; id: number; order: 'asc' | 'desc' }): Expression<SqlBool> {
  const op = position.order === 'desc' ? '<' : '>';
  return eb.or([
    eb('messages.created_at', op, position.createdAt),
    eb.and([eb('messages.created_at', '=', position.createdAt), eb('messages.id', op, position.id)]),
  ]);
}

/** Conversations strictly after `position` in the page order of `(created_at, id)`. */
export function conversationsAfter(eb: ConversationsEb, position: { createdAt: string; id: string; order: 'asc' | 'desc' }): Expression<SqlBool> {
  const op = position.order === 'desc' ? '<' : '>';
  return eb.or([
    eb('conversations.created_at', op, position.createdAt),
    eb.and([eb('conversations.created_at', '=', position.createdAt), eb('conversations.id', op, position.id)]),
  ]);
}
