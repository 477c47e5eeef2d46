import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkMessageText, type Activity, type Channel, type InboundMessage, type Principal } from '../core/activity.js';
import { ConflictError, DependencyError, ForbiddenError, isTransientConnectionError, UnauthorizedError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { TurnObserver, TurnRecord } from '../core/observer.js';
import type { NluEngine, ParseResult } from '../core/nlu.js';
import type { Caller, Clock, KnowledgeBase, ToolResult } from '../core/tools.js';
import {
  createConversation, findInboundByClientId, findOpenHandoff, findReplies, findStaffUser, getConversation, insertMessages,
  listMessages, lockConversation, saveConversationState, type Conversation, type Database, type Handoff, type NewMessage, type StaffUser,
} from '../store/index.js';
import { callToolDirectly } from './direct-call.js';
import { respond } from './dialogue.js';
import { handOffIfStronglyNegative } from './sentiment-handoff.js';
import { toActivity } from './to-activity.js';
import { TurnQueue } from './turn-queue.js';

export { toActivity };
import { HandoffEvents, type HandoffEvent } from './handoff-events.js';
import type { IdentityLimits } from './identify.js';
import { chooseLanguage, messagesIn } from './messages/index.js';
import { mainMenu, type Reply } from './reply.js';
import { parseState, type DialogueState } from './state.js';
import type { ToolRegistry } from './tools/registry.js';

/** What the bot needs; the server wires it. */
export interface BotOptions {
  db: Kysely<Database>;
  nlu: NluEngine;
  tools: ToolRegistry;
  knowledge?: KnowledgeBase;
  clock: Clock;
  limits: IdentityLimits;
  logger: Logger;
  /**
   * Where the bot tells agents' channels about hand-offs: one it opened, and every customer
   * message it stored without answering while a hand-off was open. Share it with the
   * `HandoffDesk` the agents use.
   * @defaultValue a private hub nobody listens to
   */
  handoffEvents?: HandoffEvents;
  /** Told about every committed turn (metrics, live monitor, background scoring). @defaultValue none */
  observers?: readonly TurnObserver[];
  /** Told each time a turn found its conversation changed underneath it and ran again (metrics). @defaultValue none */
  onConflict?: () => void;
}

/** Result of one inbound message. */
export interface TurnResult {
  inbound: Activity;
  replies: Activity[];
  /** True when this message was already processed and the stored replies were returned. */
  duplicate: boolean;
}

/** Concurrent writers to one conversation retry this many times before giving up. */
const MAX_CONFLICT_RETRIES = 3;

/** A committed turn and what to tell the hand-off listeners about it. */
interface TurnDone {
  result: TurnResult;
  events: HandoffEvent[];
}

/**
 * The turn pipeline every channel uses: validate, deduplicate, understand, decide, act,
 * then store both sides of the turn, the audit rows and the new state in one transaction.
 *
 * @example
 * const { id } = await bot.startConversation({ channel: 'rest' });
 * const { replies } = await bot.handleMessage({ conversationId: id, channel: 'rest', text: 'where is my order?' });
 */
export class Bot {
  private readonly handoffEvents: HandoffEvents;

  private nlu: NluEngine;

  private readonly queue = new TurnQueue();

  constructor(private readonly options: BotOptions) {
    this.nlu = options.nlu;
    this.handoffEvents = options.handoffEvents ?? new HandoffEvents({ logger: options.logger });
  }

  /**
   * Starts a conversation for whoever the token named: a customer, a registered staff user, or
   * (without a token) an anonymous customer. An unregistered staff id is refused.
   */
  async startConversation(options: { channel: Channel; principal?: Principal }): Promise<{ id: string }> {
    const id = randomUUID();
    const { principal } = options;
    if (principal?.kind === 'staff') await requireStaff(this.options.db, principal.staffId);
    if (principal?.kind === 'customer') await requireCustomer(this.options.db, principal.customerId);
    await createConversation(this.options.db, {
      id, channel: options.channel, now: this.options.clock.now(),
      ...(principal?.kind === 'customer' ? { customerId: principal.customerId } : {}),
      ...(principal?.kind === 'staff' ? { staffUserId: principal.staffId } : {}),
    });
    return { id };
  }

  /** Loads a conversation the caller may see; a token for someone else's conversation is refused. */
  async openConversation(options: { conversationId: string; principal?: Principal }): Promise<Conversation> {
    const conversation = await getConversation(this.options.db, options.conversationId);
    authorize(conversation, options.principal);
    return conversation;
  }

  /**
   * The message a channel shows when the customer opens the chat, in the language of the
   * customer's last message (English for a new conversation).
   *
   * @remarks Not stored: it is the same every time, and storing it would make it part of the turn history.
   */
  async welcome(options: { conversationId: string; principal?: Principal }): Promise<Reply> {
    const conversation = await this.openConversation(options);
    const m = messagesIn(parseState(conversation.state).language);
    if (conversation.staff_user_id !== null) return { text: m.staffWelcome };
    return { text: m.welcome, quickReplies: mainMenu(m) };
  }

  async history(options: { conversationId: string; principal?: Principal; limit?: number }): Promise<Activity[]> {
    await this.openConversation(options);
    const rows = await listMessages(this.options.db, { conversationId: options.conversationId, limit: options.limit });
    return rows.map(toActivity);
  }

  /** Runs one tool for a signed-in caller outside any conversation (see {@link callToolDirectly}). */
  async callTool(options: { principal: Principal | undefined; tool: string; args: unknown; signal?: AbortSignal }): Promise<ToolResult> {
    const { db, tools, clock } = this.options;
    return callToolDirectly({ ...options, db, tools, now: clock.now() });
  }

  /**
   * Runs one customer or staff turn.
   *
   * @remarks While a hand-off is queued or active for the conversation, the message is stored
   * and passed to the agents (a `customer_message` hand-off event); the bot neither answers nor
   * runs a tool, and `replies` is empty.
   */
  /**
   * Hands the conversation to a person when a background score says the customer's message was
   * strongly negative (see {@link handOffIfStronglyNegative}); agents and the customer's channels hear of it.
   */
  async handOffIfStronglyNegative(scored: { conversationId: string; activityId: string; score: number }): Promise<boolean> {
    const event = await handOffIfStronglyNegative({ ...scored, db: this.options.db, now: this.options.clock.now() });
    if (event) this.handoffEvents.publish(event);
    return event !== undefined;
  }

  /** Swaps in a retrained NLU model; turns already parsing finish with the old one. */
  replaceNlu(engine: NluEngine): void {
    this.nlu = engine;
  }

  /**
   * Runs one turn: after the conversation's earlier turns in this process, and under the
   * conversation's database lock, so turns never interleave across replicas either.
   *
   * @remarks A message whose `clientMessageId` was already stored (a retry, a reconnect, the same
   * message sent to a second replica) gets the stored replies back with `duplicate: true` and
   * runs nothing. An unreachable database becomes a retryable {@link DependencyError}: nothing
   * was stored, and the client may send the same message again.
   */
  async handleMessage(message: InboundMessage): Promise<TurnResult> {
    const text = checkMessageText(message.text);
    return this.queue.run(message.conversationId, async () => {
      try {
        return await this.runTurn({ ...message, text });
      } catch (error) {
        if (isTransientConnectionError(error)) throw new DependencyError('database unavailable', error);
        throw error;
      }
    });
  }

  /**
   * Waits for the turns this process has accepted to finish (graceful shutdown), at most `timeoutMs`.
   * @returns how many were still running when the time ran out
   */
  drain(timeoutMs: number): Promise<number> {
    return this.queue.drain(timeoutMs);
  }

  private async runTurn(message: InboundMessage & { text: string }): Promise<TurnResult> {
    const { text } = message;
    await this.openConversation(message);
    const earlier = await this.replayed(message);
    if (earlier) return earlier;
    const started = performance.now();
    const [parse] = await this.nlu.parse([text]);
    if (!parse) throw new DependencyError('NLU returned no result');
    const nluMs = performance.now() - started;
    for (let attempt = 0; ; attempt++) {
      try {
        const done = await this.turn(message, parse);
        done.events.forEach((event) => this.handoffEvents.publish(event));
        if (!done.result.duplicate) this.observe({ ...done.result, parse, nluMs, totalMs: performance.now() - started, message });
        return done.result;
      } catch (error) {
        const replay = await this.replayed(message);
        if (replay) return replay; // a concurrent copy of the same message won the race
        if (!(error instanceof ConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        this.options.onConflict?.();
        this.options.logger.debug({ conversationId: message.conversationId, attempt }, 'turn conflict, retrying');
      }
    }
  }

  private observe(turn: TurnResult & { parse: ParseResult; nluMs: number; totalMs: number; message: InboundMessage }): void {
    const record: TurnRecord = {
      conversationId: turn.message.conversationId, channel: turn.message.channel, inbound: turn.inbound, replies: turn.replies,
      parse: turn.parse, nluMs: turn.nluMs, totalMs: turn.totalMs,
    };
    for (const observer of this.options.observers ?? []) {
      try {
        observer.onTurn(record);
      } catch (error) {
        this.options.logger.error({ err: error }, 'turn observer failed');
      }
    }
  }

  private async replayed(message: InboundMessage, db: Kysely<Database> = this.options.db): Promise<TurnResult | undefined> {
    if (!message.clientMessageId) return undefined;
    const inbound = await findInboundByClientId(db, { conversationId: message.conversationId, clientMessageId: message.clientMessageId });
    if (!inbound) return undefined;
    const replies = await findReplies(db, inbound.activity_id);
    return { inbound: toActivity(inbound), replies: replies.map(toActivity), duplicate: true };
  }

  private async turn(message: InboundMessage & { text: string }, parse: ParseResult): Promise<TurnDone> {
    const { db, clock } = this.options;
    return db.transaction().execute(async (trx) => {
      await lockConversation(trx, message.conversationId);
      // Under the lock: the same message may have just been answered by another replica.
      const replay = await this.replayed(message, trx);
      if (replay) return { result: replay, events: [] };
      const conversation = await getConversation(trx, message.conversationId);
      authorize(conversation, message.principal);
      const caller = await callerOf(trx, conversation, message.principal);
      const customerId = caller.customerId;
      const state = parseState(conversation.state);
      const now = clock.now();
      const handoff = caller.role === 'customer' ? await findOpenHandoff(trx, conversation.id) : undefined;
      if (handoff) return silentTurn(trx, { message, parse, caller, conversation, state, handoff, now });
      const customer = customerId === undefined ? undefined
        : await trx.selectFrom('customers').select('name').where('id', '=', customerId).executeTakeFirst();
      const outcome = await respond({
        db: trx, tools: this.options.tools, knowledge: this.options.knowledge, state, parse, now,
        caller, customerName: customer?.name, limits: this.options.limits,
      });
      const rows = messageRows({ message, parse, replies: outcome.replies, caller, now });
      await insertMessages(trx, rows);
      await saveConversationState(trx, {
        id: conversation.id, state: JSON.stringify(state), expectedVersion: conversation.version,
        customerId: outcome.identifiedCustomerId ?? customerId ?? null, now,
      });
      const [inbound, ...replies] = rows.map(toActivity);
      const events: HandoffEvent[] = outcome.handoff
        ? [{ type: 'opened', handoffId: outcome.handoff.id, conversationId: conversation.id, reason: outcome.handoff.reason }]
        : [];
      return { result: { inbound: inbound as Activity, replies, duplicate: false }, events };
    });
  }
}

/**
 * A customer's turn while a colleague has the conversation: store the message, keep the
 * language up to date for the bot's "you're back" message, answer nothing.
 *
 * @remarks The state is still written (with its version check), so a turn racing the agent's
 * release conflicts and retries instead of staying silent after the hand-off closed.
 */
async function silentTurn(db: Kysely<Database>, options: {
  message: InboundMessage & { text: string }; parse: ParseResult; caller: Caller; conversation: Conversation;
  state: DialogueState; handoff: Handoff; now: Date;
}): Promise<TurnDone> {
  const { message, parse, caller, conversation, state, handoff, now } = options;
  state.language = chooseLanguage({ parse, previous: state.language, quotesNames: false });
  const rows = messageRows({ message, parse, replies: [], caller, now });
  await insertMessages(db, rows);
  await saveConversationState(db, {
    id: conversation.id, state: JSON.stringify(state), expectedVersion: conversation.version, customerId: caller.customerId ?? null, now,
  });
  const inbound = toActivity(rows[0] as NewMessage);
  return {
    result: { inbound, replies: [], duplicate: false },
    events: [{ type: 'customer_message', handoffId: handoff.id, conversationId: conversation.id, activity: inbound }],
  };
}

/**
 * Refuses a token for someone else's conversation.
 *
 * @remarks A staff conversation answers only to its staff user's token on every message (the
 * conversation id alone never grants the staff tools); a customer conversation refuses staff
 * tokens and other customers' tokens, and accepts anonymous messages as before.
 */
function authorize(conversation: Conversation, principal: Principal | undefined): void {
  if (conversation.staff_user_id !== null) {
    if (principal?.kind !== 'staff' || principal.staffId !== conversation.staff_user_id) {
      throw new ForbiddenError('this conversation belongs to a staff user');
    }
    return;
  }
  if (principal?.kind === 'staff') throw new ForbiddenError('this is a customer conversation');
  if (principal?.kind === 'customer' && conversation.customer_id !== null && conversation.customer_id !== principal.customerId) {
    throw new ForbiddenError('this conversation belongs to another customer');
  }
}

async function requireStaff(db: Kysely<Database>, staffId: number): Promise<StaffUser> {
  const staff = await findStaffUser(db, staffId);
  if (!staff) throw new ForbiddenError('this staff user is not registered');
  return staff;
}

/**
 * Refuses a correctly signed token for a customer this shop does not have (deleted, or signed for
 * another shop's data): a clear 401 instead of a foreign-key failure when the conversation is saved.
 */
async function requireCustomer(db: Kysely<Database>, customerId: number): Promise<void> {
  const found = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!found) throw new UnauthorizedError('this customer is not known to the shop');
}

/** The tool caller of a turn (after {@link authorize}): the staff user, or the conversation's customer if known. */
async function callerOf(db: Kysely<Database>, conversation: Conversation, principal: Principal | undefined): Promise<Caller> {
  if (conversation.staff_user_id !== null) {
    // Read every turn: a user removed or given another role since the conversation started gets exactly that.
    const staff = await requireStaff(db, conversation.staff_user_id);
    return { role: 'staff', staffId: staff.id, staffRole: staff.role, conversationId: conversation.id };
  }
  if (conversation.customer_id === null && principal?.kind === 'customer') await requireCustomer(db, principal.customerId);
  const customerId = conversation.customer_id ?? (principal?.kind === 'customer' ? principal.customerId : undefined);
  return { role: 'customer', customerId, conversationId: conversation.id };
}

function senderId(caller: Caller, conversationId: string): string {
  if (caller.staffId !== undefined) return `staff:${caller.staffId}`;
  return caller.customerId !== undefined ? `customer:${caller.customerId}` : `anonymous:${conversationId}`;
}

function messageRows(options: { message: InboundMessage; parse: ParseResult; replies: Reply[]; caller: Caller; now: Date }): NewMessage[] {
  const { message, parse, now } = options;
  const at = now.toISOString();
  const inboundId = randomUUID();
  const top = parse.intents[0];
  const inbound: NewMessage = {
    activity_id: inboundId, conversation_id: message.conversationId, direction: 'in', channel: message.channel,
    user_id: senderId(options.caller, message.conversationId),
    role: options.caller.role, text: message.text, intent: top?.name ?? null, entities: JSON.stringify(parse.entities),
    confidence: top?.confidence ?? null, sentiment: null, client_message_id: message.clientMessageId ?? null,
    reply_to_id: null, payload: null, created_at: at,
  };
  const replies = options.replies.map((reply): NewMessage => ({
    activity_id: randomUUID(), conversation_id: message.conversationId, direction: 'out', channel: message.channel,
    user_id: 'bot', role: 'bot', text: reply.text, intent: null, entities: null, confidence: null, sentiment: null,
    client_message_id: null, reply_to_id: inboundId, created_at: at,
    payload: reply.quickReplies?.length || reply.sources?.length || reply.chunkIds?.length || reply.tables?.length
      ? JSON.stringify({ quickReplies: reply.quickReplies, sources: reply.sources, chunkIds: reply.chunkIds, tables: reply.tables })
      : null,
  }));
  return [inbound, ...replies];
}

