import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getConversation, insertMessages, openHandoff, saveConversationState, type Database, type NewMessage } from '../store/index.js';
import type { HandoffEvent } from './handoff-events.js';
import { messagesIn } from './messages/index.js';
import { toActivity } from './to-activity.js';
import { parseState } from './state.js';

/** Below this score a customer's message is strongly negative enough to bring in a person. @defaultValue -0.8 */
export const STRONGLY_NEGATIVE = -0.8;

/**
 * Opens a hand-off when a customer message scored in the background is strongly negative: the
 * third way into the agents' queue, beside asking for a person and two not-understood turns.
 *
 * @remarks Runs outside any turn, so it writes like one: the hand-off, the bot's one "connecting you
 * with a colleague" message (stored before it is delivered) and the cleared dialogue state in one
 * transaction, with the state's version check, so a turn running at the same moment retries after it.
 * Staff conversations, conversations already handed off and scores above the threshold change nothing.
 * @returns the event to publish (with the message for the customer's channels), or undefined.
 */
export async function handOffIfStronglyNegative(options: {
  db: Kysely<Database>; conversationId: string; activityId: string; score: number; now: Date; threshold?: number;
}): Promise<HandoffEvent | undefined> {
  if (options.score > (options.threshold ?? STRONGLY_NEGATIVE)) return undefined;
  return options.db.transaction().execute(async (trx) => {
    const conversation = await getConversation(trx, options.conversationId);
    if (conversation.staff_user_id !== null) return undefined;
    const { handoff, created } = await openHandoff(trx, { conversationId: conversation.id, reason: 'negative_sentiment', now: options.now });
    if (!created) return undefined;
    const state = parseState(conversation.state);
    state.pending = undefined;
    state.identify = undefined;
    state.afterIdentify = undefined;
    const row: NewMessage = {
      activity_id: randomUUID(), conversation_id: conversation.id, direction: 'out', channel: conversation.channel, user_id: 'bot',
      role: 'bot', text: messagesIn(state.language).handoffConnecting, intent: null, entities: null, confidence: null, sentiment: null,
      client_message_id: null, reply_to_id: options.activityId, payload: null, created_at: options.now.toISOString(),
    };
    await insertMessages(trx, [row]);
    await saveConversationState(trx, {
      id: conversation.id, state: JSON.stringify(state), expectedVersion: conversation.version, customerId: conversation.customer_id, now: options.now,
    });
    return { type: 'opened', handoffId: handoff.id, conversationId: conversation.id, reason: 'negative_sentiment', activity: toActivity(row) };
  });
}
