import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkMessageText, type Activity, type Channel, type InboundMessage } from '../core/activity.js';
import { ConflictError, DependencyError, ForbiddenError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { NluEngine, ParseResult } from '../core/nlu.js';
import type { Clock, KnowledgeBase } from '../core/tools.js';
import {
  createConversation, findInboundByClientId, findReplies, getConversation, insertMessages, listMessages,
  saveConversationState, type Conversation, type Database, type Message, type NewMessage,
} from '../store/index.js';
import { respond } from './dialogue.js';
import type { IdentityLimits } from './identify.js';
import { messagesIn } from './messages/index.js';
import { mainMenu, type Reply } from './reply.js';
import { parseState } from './state.js';
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

/**
 * The turn pipeline every channel uses: validate, deduplicate, understand, decide, act,
 * then store both sides of the turn, the audit rows and the new state in one transaction.
 *
 * @example
 * const { id } = await bot.startConversation({ channel: 'rest' });
 * const { replies } = await bot.handleMessage({ conversationId: id, channel: 'rest', text: 'where is my order?' });
 */
export class Bot {
  constructor(private readonly options: BotOptions) {}

  async startConversation(options: { channel: Channel; customerId?: number }): Promise<{ id: string }> {
    const id = randomUUID();
    await createConversation(this.options.db, { id, channel: options.channel, customerId: options.customerId, now: this.options.clock.now() });
    return { id };
  }

  /** Loads a conversation the caller may see; a token for another customer is refused. */
  async openConversation(options: { conversationId: string; authenticatedCustomerId?: number }): Promise<Conversation> {
    const conversation = await getConversation(this.options.db, options.conversationId);
    authorize(conversation, options.authenticatedCustomerId);
    return conversation;
  }

  /**
   * The message a channel shows when the customer opens the chat, in the language of the
   * customer's last message (English for a new conversation).
   *
   * @remarks Not stored: it is the same every time, and storing it would make it part of the turn history.
   */
  async welcome(options: { conversationId: string; authenticatedCustomerId?: number }): Promise<Reply> {
    const conversation = await this.openConversation(options);
    const m = messagesIn(parseState(conversation.state).language);
    return { text: m.welcome, quickReplies: mainMenu(m) };
  }

  async history(options: { conversationId: string; authenticatedCustomerId?: number; limit?: number }): Promise<Activity[]> {
    await this.openConversation(options);
    const rows = await listMessages(this.options.db, { conversationId: options.conversationId, limit: options.limit });
    return rows.map(toActivity);
  }

  async handleMessage(message: InboundMessage): Promise<TurnResult> {
    const text = checkMessageText(message.text);
    await this.openConversation(message);
    const earlier = await this.replayed(message);
    if (earlier) return earlier;
    const [parse] = await this.options.nlu.parse([text]);
    if (!parse) throw new DependencyError('NLU returned no result');
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.turn({ ...message, text }, parse);
      } catch (error) {
        const replay = await this.replayed(message);
        if (replay) return replay; // a concurrent copy of the same message won the race
        if (!(error instanceof ConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
        this.options.logger.debug({ conversationId: message.conversationId, attempt }, 'turn conflict, retrying');
      }
    }
  }

  private async replayed(message: InboundMessage): Promise<TurnResult | undefined> {
    if (!message.clientMessageId) return undefined;
    const inbound = await findInboundByClientId(this.options.db, { conversationId: message.conversationId, clientMessageId: message.clientMessageId });
    if (!inbound) return undefined;
    const replies = await findReplies(this.options.db, inbound.activity_id);
    return { inbound: toActivity(inbound), replies: replies.map(toActivity), duplicate: true };
  }

  private async turn(message: InboundMessage & { text: string }, parse: ParseResult): Promise<TurnResult> {
    const { db, clock } = this.options;
    return db.transaction().execute(async (trx) => {
      const conversation = await getConversation(trx, message.conversationId);
      authorize(conversation, message.authenticatedCustomerId);
      const customerId = conversation.customer_id ?? message.authenticatedCustomerId;
      const state = parseState(conversation.state);
      const now = clock.now();
      const customer = customerId === undefined ? undefined
        : await trx.selectFrom('customers').select('name').where('id', '=', customerId).executeTakeFirst();
      const outcome = await respond({
        db: trx, tools: this.options.tools, knowledge: this.options.knowledge, state, parse, now,
        caller: { role: 'customer', customerId, conversationId: conversation.id },
        customerName: customer?.name, limits: this.options.limits,
      });
      const rows = messageRows({ message, parse, replies: outcome.replies, customerId, now });
      await insertMessages(trx, rows);
      await saveConversationState(trx, {
        id: conversation.id, state: JSON.stringify(state), expectedVersion: conversation.version,
        customerId: outcome.identifiedCustomerId ?? customerId ?? null, now,
      });
      const [inbound, ...replies] = rows.map(toActivity);
      return { inbound: inbound as Activity, replies, duplicate: false };
    });
  }
}

function authorize(conversation: Conversation, authenticatedCustomerId: number | undefined): void {
  if (authenticatedCustomerId !== undefined && conversation.customer_id !== null && conversation.customer_id !== authenticatedCustomerId) {
    throw new ForbiddenError('this conversation belongs to another customer');
  }
}

function messageRows(options: { message: InboundMessage; parse: ParseResult; replies: Reply[]; customerId?: number; now: Date }): NewMessage[] {
  const { message, parse, now } = options;
  const at = now.toISOString();
  const inboundId = randomUUID();
  const top = parse.intents[0];
  const inbound: NewMessage = {
    activity_id: inboundId, conversation_id: message.conversationId, direction: 'in', channel: message.channel,
    user_id: options.customerId !== undefined ? `customer:${options.customerId}` : `anonymous:${message.conversationId}`,
    role: 'customer', text: message.text, intent: top?.name ?? null, entities: JSON.stringify(parse.entities),
    confidence: top?.confidence ?? null, sentiment: null, client_message_id: message.clientMessageId ?? null,
    reply_to_id: null, payload: null, created_at: at,
  };
  const replies = options.replies.map((reply): NewMessage => ({
    activity_id: randomUUID(), conversation_id: message.conversationId, direction: 'out', channel: message.channel,
    user_id: 'bot', role: 'bot', text: reply.text, intent: null, entities: null, confidence: null, sentiment: null,
    client_message_id: null, reply_to_id: inboundId, created_at: at,
    payload: reply.quickReplies?.length || reply.sources?.length || reply.chunkIds?.length
      ? JSON.stringify({ quickReplies: reply.quickReplies, sources: reply.sources, chunkIds: reply.chunkIds })
      : null,
  }));
  return [inbound, ...replies];
}

/** A stored message as the channel-neutral Activity. */
export function toActivity(row: Message | NewMessage): Activity {
  const payload = row.payload ? (JSON.parse(row.payload) as Pick<Activity, 'quickReplies' | 'sources'>) : {};
  return {
    id: row.activity_id,
    type: 'message',
    channel: row.channel as Channel,
    conversationId: row.conversation_id,
    from: { id: row.user_id, role: row.role === 'bot' ? 'bot' : 'customer' },
    text: row.text,
    timestamp: row.created_at,
    ...(row.client_message_id ? { clientMessageId: row.client_message_id } : {}),
    ...(row.reply_to_id ? { replyToId: row.reply_to_id } : {}),
    ...(payload.quickReplies?.length ? { quickReplies: payload.quickReplies } : {}),
    ...(payload.sources?.length ? { sources: payload.sources } : {}),
  };
}
