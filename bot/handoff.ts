import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { checkMessageText, type Activity } from '../core/activity.js';
import { ConflictError, ForbiddenError, RuleViolationError } from '../core/errors.js';
import type { StaffRole } from '../core/staff.js';
import type { Clock } from '../core/tools.js';
import {
  closeHandoff, findStaffUser, getConversation, getHandoff, handoffTraffic, insertMessages, listMessages, listOpenHandoffs,
  saveConversationState, takeHandoff, type Database, type Handoff, type HandoffReason, type NewMessage, type QueuedHandoff,
} from '../store/index.js';
import type { HandoffEvents } from './handoff-events.js';
import { messagesIn } from './messages/index.js';
import { toActivity } from './pipeline.js';
import { parseState } from './state.js';

/** Staff roles that may answer customers in hand-offs. */
export const AGENT_ROLES: readonly StaffRole[] = ['agent', 'manager', 'admin'];
/** Roles that may also release a hand-off another agent holds. */
const SUPERVISOR_ROLES: ReadonlySet<StaffRole> = new Set(['manager', 'admin']);
/** The summary keeps this many characters of the customer's last message. */
const LAST_MESSAGE_CHARS = 280;
const MAX_CONFLICT_RETRIES = 3;

/** How an agent ends a hand-off, as agents' channels send it. */
export const HandoffOutcomeSchema = z.enum(['resolved', 'returned_to_bot']);

/** What `handoffs.summary` holds (JSON): enough to see at a glance how the hand-off went. */
export const HandoffSummarySchema = z.object({
  reason: z.string(),
  /** Seconds from the request until an agent took it (or until it closed, if nobody did). */
  waitSeconds: z.number().int().min(0),
  customerMessages: z.number().int().min(0),
  agentMessages: z.number().int().min(0),
  lastCustomerMessage: z.string().nullable(),
});
export type HandoffSummary = z.infer<typeof HandoffSummarySchema>;

/** A staff user allowed to work hand-offs. */
export interface Agent {
  id: number;
  name: string;
  role: StaffRole;
}

/** One open hand-off as agents see it in the queue. */
export interface QueueEntry {
  id: number;
  conversationId: string;
  reason: HandoffReason;
  status: 'queued' | 'active';
  channel: string;
  customerName?: string;
  agent?: { id: number; name: string };
  requestedAt: string;
  acceptedAt?: string;
  /** How long the customer has waited (queued) or waited before an agent took it (active). */
  waitSeconds: number;
  lastCustomerMessage?: string;
}

/** What the agents' side needs. */
export interface HandoffDeskOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** The hub the bot publishes to as well (see `BotOptions.handoffEvents`). */
  events: HandoffEvents;
}

const takenError = () => new RuleViolationError({ code: 'handoff_taken', userMessage: 'Another agent has already taken this conversation.' });
const closedError = () => new RuleViolationError({ code: 'handoff_closed', userMessage: 'This hand-off is already closed.' });
const seconds = (from: string, to: Date) => Math.max(0, Math.round((to.getTime() - Date.parse(from)) / 1000));

/**
 * The human side of hand-offs: the queue, taking a conversation, answering the customer and
 * giving the conversation back to the bot. Every method checks the staff user's role again,
 * so a user demoted since signing in can no longer act.
 *
 * @example
 * const desk = new HandoffDesk({ db, clock, events });
 * await desk.take({ handoffId, staffId: 4 });
 * await desk.reply({ handoffId, staffId: 4, text: 'Hi, Aisha here. Let me look at your order.' });
 * await desk.release({ handoffId, staffId: 4, outcome: 'resolved' });
 */
export class HandoffDesk {
  constructor(private readonly options: HandoffDeskOptions) {}

  /** The hub this desk publishes to; agents' channels subscribe here. */
  get events(): HandoffEvents {
    return this.options.events;
  }

  /** The staff user, if their role may work hand-offs; throws `ForbiddenError` otherwise. */
  async requireAgent(staffId: number): Promise<Agent> {
    return requireAgent(this.options.db, staffId);
  }

  /** Queued and active hand-offs, oldest first. */
  async queue(): Promise<QueueEntry[]> {
    const now = this.options.clock.now();
    return (await listOpenHandoffs(this.options.db)).map((row) => queueEntry(row, now));
  }

  /** The conversation behind a hand-off, oldest message first, for an agent to read. */
  async history(options: { handoffId: number; staffId: number }): Promise<Activity[]> {
    const { db } = this.options;
    await requireAgent(db, options.staffId);
    const handoff = await getHandoff(db, options.handoffId);
    const rows = await listMessages(db, { conversationId: handoff.conversation_id });
    const names = await staffNames(db, rows.map((r) => r.user_id));
    return rows.map((row) => withName(toActivity(row), names));
  }

  /**
   * Gives a queued hand-off to this agent.
   * @throws RuleViolationError `handoff_taken` when another agent was first, `handoff_closed` when it is over.
   */
  async take(options: { handoffId: number; staffId: number }): Promise<Handoff> {
    const { db, clock } = this.options;
    const agent = await requireAgent(db, options.staffId);
    if (!(await takeHandoff(db, { id: options.handoffId, staffId: agent.id, now: clock.now() }))) {
      const handoff = await getHandoff(db, options.handoffId);
      throw handoff.status === 'closed' ? closedError() : takenError();
    }
    const handoff = await getHandoff(db, options.handoffId);
    this.options.events.publish({ type: 'taken', handoffId: handoff.id, conversationId: handoff.conversation_id, agentStaffId: agent.id });
    return handoff;
  }

  /** Stores the agent's message to the customer and publishes it for the customer's channel. */
  async reply(options: { handoffId: number; staffId: number; text: string }): Promise<Activity> {
    const { db, clock } = this.options;
    const text = checkMessageText(options.text);
    const agent = await requireAgent(db, options.staffId);
    const handoff = await getHandoff(db, options.handoffId);
    if (handoff.status === 'closed') throw closedError();
    if (handoff.status !== 'active' || handoff.agent_staff_id !== agent.id) throw new ForbiddenError('take this hand-off before answering');
    const conversation = await getConversation(db, handoff.conversation_id);
    const row = outRow({ conversationId: conversation.id, channel: conversation.channel, userId: `staff:${agent.id}`, role: 'agent', text, now: clock.now() });
    await insertMessages(db, [row]);
    const activity: Activity = { ...toActivity(row), from: { id: row.user_id, role: 'agent', name: agent.name } };
    this.options.events.publish({ type: 'agent_message', handoffId: handoff.id, conversationId: conversation.id, activity });
    return activity;
  }

  /**
   * Ends a hand-off: records the outcome and a summary, tells the customer in their language
   * that the assistant is back, and lets the bot answer again.
   *
   * @remarks The agent holding it releases it; a manager or admin may release anyone's, and any
   * agent a queued one. Writes the conversation's state with its version check, so a customer
   * message racing the release is retried after it (and answered by the bot) instead of lost.
   */
  async release(options: { handoffId: number; staffId: number; outcome: z.infer<typeof HandoffOutcomeSchema> }): Promise<{ summary: HandoffSummary; activity: Activity }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const done = await this.options.db.transaction().execute((trx) => this.close(trx, options));
        this.options.events.publish({
          type: 'closed', handoffId: options.handoffId, conversationId: done.activity.conversationId, outcome: options.outcome, activity: done.activity,
        });
        return done;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  private async close(
    db: Kysely<Database>,
    options: { handoffId: number; staffId: number; outcome: z.infer<typeof HandoffOutcomeSchema> },
  ): Promise<{ summary: HandoffSummary; activity: Activity }> {
    const agent = await requireAgent(db, options.staffId);
    const handoff = await getHandoff(db, options.handoffId);
    if (handoff.status === 'closed') throw closedError();
    if (handoff.status === 'active' && handoff.agent_staff_id !== agent.id && !SUPERVISOR_ROLES.has(agent.role)) {
      throw new ForbiddenError('another agent has this conversation');
    }
    const now = this.options.clock.now();
    const conversation = await getConversation(db, handoff.conversation_id);
    const traffic = await handoffTraffic(db, { conversationId: conversation.id, since: handoff.requested_at });
    const summary: HandoffSummary = {
      reason: handoff.reason,
      waitSeconds: seconds(handoff.requested_at, handoff.accepted_at ? new Date(handoff.accepted_at) : now),
      customerMessages: traffic.customerMessages,
      agentMessages: traffic.agentMessages,
      lastCustomerMessage: traffic.lastCustomerText === null ? null : traffic.lastCustomerText.slice(0, LAST_MESSAGE_CHARS),
    };
    if (!(await closeHandoff(db, { id: handoff.id, outcome: options.outcome, summary: JSON.stringify(summary), now }))) throw closedError();
    const state = parseState(conversation.state);
    state.lowConfidenceTurns = undefined;
    const row = outRow({
      conversationId: conversation.id, channel: conversation.channel, userId: 'bot', role: 'bot', text: messagesIn(state.language).handoffReturned, now,
    });
    await insertMessages(db, [row]);
    await saveConversationState(db, {
      id: conversation.id, state: JSON.stringify(state), expectedVersion: conversation.version, customerId: conversation.customer_id, now,
    });
    return { summary, activity: toActivity(row) };
  }
}

async function requireAgent(db: Kysely<Database>, staffId: number): Promise<Agent> {
  const staff = await findStaffUser(db, staffId);
  if (!staff || !AGENT_ROLES.includes(staff.role)) throw new ForbiddenError('only agents, managers and admins work hand-offs');
  return { id: staff.id, name: staff.name, role: staff.role };
}

function outRow(options: { conversationId: string; channel: string; userId: string; role: 'agent' | 'bot'; text: string; now: Date }): NewMessage {
  return {
    activity_id: randomUUID(), conversation_id: options.conversationId, direction: 'out', channel: options.channel,
    user_id: options.userId, role: options.role, text: options.text, intent: null, entities: null, confidence: null,
    sentiment: null, client_message_id: null, reply_to_id: null, payload: null, created_at: options.now.toISOString(),
  };
}

function queueEntry(row: QueuedHandoff, now: Date): QueueEntry {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    reason: row.reason as HandoffReason,
    status: row.status === 'active' ? 'active' : 'queued',
    channel: row.channel,
    ...(row.customer_name ? { customerName: row.customer_name } : {}),
    ...(row.agent_staff_id !== null ? { agent: { id: row.agent_staff_id, name: row.agent_name ?? `#${row.agent_staff_id}` } } : {}),
    requestedAt: row.requested_at,
    ...(row.accepted_at ? { acceptedAt: row.accepted_at } : {}),
    waitSeconds: seconds(row.requested_at, row.accepted_at ? new Date(row.accepted_at) : now),
    ...(row.last_customer_text ? { lastCustomerMessage: row.last_customer_text.slice(0, LAST_MESSAGE_CHARS) } : {}),
  };
}

/** Names of the staff users among `staff:<id>` sender ids. */
async function staffNames(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.flatMap((u) => /^staff:(\d+)$/.exec(u)?.[1] ?? []))].map(Number);
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [`staff:${r.id}`, r.name]));
}

function withName(activity: Activity, names: ReadonlyMap<string, string>): Activity {
  const name = names.get(activity.from.id);
  return name ? { ...activity, from: { ...activity.from, name } } : activity;
}
