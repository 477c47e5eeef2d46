import type { Insertable, Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { AuditLogTable, Conversation, Database, Message, NewMessage } from './schema.js';

/** Creates a conversation with empty dialogue state. */
export async function createConversation(
  db: Kysely<Database>,
  options: { id: string; channel: string; customerId?: number; staffUserId?: number; now: Date },
): Promise<Conversation> {
  const at = options.now.toISOString();
  const row = {
    id: options.id,
    channel: options.channel,
    customer_id: options.customerId ?? null,
    staff_user_id: options.staffUserId ?? null,
    state: '{}',
    version: 0,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('conversations').values(row).execute();
  return row;
}

/** Loads a conversation or throws {@link NotFoundError}. */
export async function getConversation(db: Kysely<Database>, id: string): Promise<Conversation> {
  const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('conversation', { id });
  return row;
}

/**
 * Writes the dialogue state if nobody else wrote it since `expectedVersion` was read.
 *
 * @remarks Optimistic concurrency (like an eTag): two replicas answering the same conversation
 * at once cannot overwrite each other's state; the loser gets a retryable {@link ConflictError}.
 */
export async function saveConversationState(
  db: Kysely<Database>,
  options: { id: string; state: string; expectedVersion: number; customerId: number | null; now: Date },
): Promise<void> {
  const result = await db.updateTable('conversations')
    .set({ state: options.state, version: options.expectedVersion + 1, customer_id: options.customerId, updated_at: options.now.toISOString() })
    .where('id', '=', options.id)
    .where('version', '=', options.expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new ConflictError('conversation changed concurrently', { id: options.id });
}

/** The inbound message a client already sent with this id, if any. */
export async function findInboundByClientId(
  db: Kysely<Database>,
  options: { conversationId: string; clientMessageId: string },
): Promise<Message | undefined> {
  return db.selectFrom('messages').selectAll()
    .where('conversation_id', '=', options.conversationId)
    .where('client_message_id', '=', options.clientMessageId)
    .where('direction', '=', 'in')
    .executeTakeFirst();
}

/** Bot messages that answered the inbound activity `activityId`, in order. */
export async function findReplies(db: Kysely<Database>, activityId: string): Promise<Message[]> {
  return db.selectFrom('messages').selectAll().where('reply_to_id', '=', activityId).orderBy('id').execute();
}

/**
 * Messages of a conversation, oldest first.
 * @defaultValue limit 200 (the newest 200)
 */
export async function listMessages(db: Kysely<Database>, options: { conversationId: string; limit?: number }): Promise<Message[]> {
  const rows = await db.selectFrom('messages').selectAll()
    .where('conversation_id', '=', options.conversationId)
    .orderBy('id', 'desc').limit(options.limit ?? 200).execute();
  return rows.reverse();
}

export async function insertMessages(db: Kysely<Database>, rows: readonly NewMessage[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('messages').values([...rows]).execute();
}

export async function insertAudit(db: Kysely<Database>, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** Attempts recorded under any of `keys` since `since`. */
export async function countAttempts(db: Kysely<Database>, options: { keys: readonly string[]; since: Date }): Promise<Map<string, number>> {
  const rows = await db.selectFrom('identity_attempts')
    .select(['key', db.fn.countAll().as('n')])
    .where('key', 'in', [...options.keys])
    .where('at', '>=', options.since.toISOString())
    .groupBy('key').execute();
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

export async function recordAttempt(db: Kysely<Database>, options: { keys: readonly string[]; at: Date }): Promise<void> {
  const at = options.at.toISOString();
  await db.insertInto('identity_attempts').values(options.keys.map((key) => ({ key, at }))).execute();
}

/** One stored message by its public activity id. */
export async function findMessageByActivityId(db: Kysely<Database>, activityId: string): Promise<Message | undefined> {
  return db.selectFrom('messages').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
}

/**
 * Customer messages stored between `from` and `to` that still have no sentiment score (their
 * scoring job was lost: Redis restarted empty, or was down when the turn queued it), oldest first.
 */
export async function listUnscoredCustomerMessages(
  db: Kysely<Database>,
  options: { from: Date; to: Date; limit: number },
): Promise<Array<Pick<Message, 'activity_id'>>> {
  return db.selectFrom('messages').select('activity_id')
    .where('direction', '=', 'in').where('role', '=', 'customer').where('sentiment', 'is', null)
    .where('created_at', '>=', options.from.toISOString()).where('created_at', '<', options.to.toISOString())
    .orderBy('created_at').limit(options.limit).execute();
}

/** Records a message's sentiment score; returns false when the message does not exist. */
export async function setMessageSentiment(db: Kysely<Database>, options: { activityId: string; score: number }): Promise<boolean> {
  const result = await db.updateTable('messages').set({ sentiment: options.score }).where('activity_id', '=', options.activityId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
