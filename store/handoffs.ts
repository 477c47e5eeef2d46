import type { Kysely, Selectable } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { Database, HandoffsTable } from './schema.js';

/** A stored hand-off (see {@link HandoffsTable}). */
export type Handoff = Selectable<HandoffsTable>;

/** Why the bot stepped aside. */
export type HandoffReason = 'customer_asked' | 'low_confidence' | 'negative_sentiment';
/** How an agent ended a hand-off: the customer's matter was settled, or the agent gave the chat back. */
export type HandoffOutcome = 'resolved' | 'returned_to_bot';

/** An open hand-off as the agents' queue lists it. */
export interface QueuedHandoff extends Handoff {
  customer_id: number | null;
  customer_name: string | null;
  agent_name: string | null;
  channel: string;
  /** The customer's latest message in the conversation, if any. */
  last_customer_text: string | null;
}

const OPEN: readonly Handoff['status'][] = ['queued', 'active'];

/**
 * Opens a hand-off for the conversation, or returns the one already open.
 *
 * @remarks Run inside the turn's transaction: the conversation's optimistic version check
 * then keeps two concurrent turns from opening two hand-offs.
 */
export async function openHandoff(
  db: Kysely<Database>,
  options: { conversationId: string; reason: HandoffReason; now: Date },
): Promise<{ handoff: Handoff; created: boolean }> {
  const open = await findOpenHandoff(db, options.conversationId);
  if (open) return { handoff: open, created: false };
  const row = await db.insertInto('handoffs').values({
    conversation_id: options.conversationId, reason: options.reason, status: 'queued', agent_staff_id: null,
    requested_at: options.now.toISOString(), accepted_at: null, closed_at: null, outcome: null, summary: null,
  }).returningAll().executeTakeFirstOrThrow();
  return { handoff: row, created: true };
}

/** The queued or active hand-off of a conversation, if any. */
export async function findOpenHandoff(db: Kysely<Database>, conversationId: string): Promise<Handoff | undefined> {
  return db.selectFrom('handoffs').selectAll()
    .where('conversation_id', '=', conversationId).where('status', 'in', [...OPEN])
    .orderBy('id', 'desc').executeTakeFirst();
}

/** Loads a hand-off or throws {@link NotFoundError}. */
export async function getHandoff(db: Kysely<Database>, id: number): Promise<Handoff> {
  const row = await db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('hand-off', { id });
  return row;
}

/** Queued and active hand-offs, oldest request first, with who the customer is and what they said last. */
export async function listOpenHandoffs(db: Kysely<Database>): Promise<QueuedHandoff[]> {
  return db.selectFrom('handoffs')
    .innerJoin('conversations', 'conversations.id', 'handoffs.conversation_id')
    .leftJoin('customers', 'customers.id', 'conversations.customer_id')
    .leftJoin('staff_users', 'staff_users.id', 'handoffs.agent_staff_id')
    .selectAll('handoffs')
    .select((eb) => [
      'conversations.customer_id as customer_id', 'conversations.channel as channel',
      'customers.name as customer_name', 'staff_users.name as agent_name',
      eb.selectFrom('messages').select('messages.text')
        .whereRef('messages.conversation_id', '=', 'handoffs.conversation_id').where('messages.direction', '=', 'in')
        .orderBy('messages.id', 'desc').limit(1).as('last_customer_text'),
    ])
    .where('handoffs.status', 'in', [...OPEN])
    .orderBy('handoffs.requested_at').orderBy('handoffs.id')
    .execute();
}

/**
 * Gives a queued hand-off to one agent.
 *
 * @returns false when it was not queued any more (another agent took it first, or it was closed).
 * @remarks A conditional update, so of two agents pressing "take" at once exactly one wins.
 */
export async function takeHandoff(db: Kysely<Database>, options: { id: number; staffId: number; now: Date }): Promise<boolean> {
  const result = await db.updateTable('handoffs')
    .set({ status: 'active', agent_staff_id: options.staffId, accepted_at: options.now.toISOString() })
    .where('id', '=', options.id).where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Closes an open hand-off with its outcome and summary.
 *
 * @returns false when it was already closed.
 */
export async function closeHandoff(
  db: Kysely<Database>,
  options: { id: number; outcome: HandoffOutcome; summary: string; now: Date },
): Promise<boolean> {
  const result = await db.updateTable('handoffs')
    .set({ status: 'closed', closed_at: options.now.toISOString(), outcome: options.outcome, summary: options.summary })
    .where('id', '=', options.id).where('status', 'in', [...OPEN])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What was said in a conversation since `since`: customer and agent message counts, and the customer's last words. */
export async function handoffTraffic(
  db: Kysely<Database>,
  options: { conversationId: string; since: string },
): Promise<{ customerMessages: number; agentMessages: number; lastCustomerText: string | null }> {
  const counts = await db.selectFrom('messages')
    .select(['role', db.fn.countAll().as('n')])
    .where('conversation_id', '=', options.conversationId).where('created_at', '>=', options.since)
    .where('role', 'in', ['customer', 'agent'])
    .groupBy('role').execute();
  const last = await db.selectFrom('messages').select('text')
    .where('conversation_id', '=', options.conversationId).where('direction', '=', 'in')
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  const count = (role: string) => Number(counts.find((c) => c.role === role)?.n ?? 0);
  return { customerMessages: count('customer'), agentMessages: count('agent'), lastCustomerText: last?.text ?? null };
}
