import type { HandoffEvent, HandoffEvents } from '../../bot/index.js';
import type { Broadcaster } from '../broadcast.js';

/** The web chat adapter's room for one conversation (see `adapters/webchat/socket.ts`). */
const chatRoom = (conversationId: string) => `conversation:${conversationId}`;

/**
 * Sends what agents say (and the bot's "you're back with the assistant" when a hand-off closes, or
 * its "connecting you with a colleague" when a background score opened one)
 * to the customer's web chat tabs as `message` Activities on namespace `/chat`.
 *
 * @remarks The messages are stored before the event is published, so a customer who is offline
 * now sees them in the history the next time the widget connects.
 * @returns the function that stops delivering.
 */
export function deliverToWebchat(options: { chat: Broadcaster; events: HandoffEvents }): () => void {
  return options.events.subscribe((event) => deliverHandoffEvent(options.chat, event));
}

/** Sends one hand-off event's message, if it has one for the customer, to the conversation's web chat room. */
export function deliverHandoffEvent(chat: Broadcaster, event: HandoffEvent): void {
  if (event.type !== 'agent_message' && event.type !== 'closed' && event.type !== 'opened') return;
  if (event.activity) chat.to(chatRoom(event.conversationId)).emit('message', event.activity);
}
