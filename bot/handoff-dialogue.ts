import type { Kysely } from 'kysely';
import type { Caller } from '../core/tools.js';
import { openHandoff, type Database, type HandoffReason } from '../store/index.js';
import { messagesIn } from './messages/index.js';
import type { Reply } from './reply.js';
import type { DialogueState } from './state.js';

/** Turns in a row the bot may fail to understand before a colleague takes over. */
export const LOW_CONFIDENCE_TURNS_BEFORE_HANDOFF = 2;

/** The dialogue's side of stepping aside: what to say, and the hand-off it opened. */
export interface HandOffOutcome {
  replies: Reply[];
  /** Set when this turn opened a new hand-off (not when one was already open). */
  handoff?: { id: number; reason: HandoffReason };
}

/**
 * Hands a customer's conversation to a colleague: opens (or finds) the hand-off in the turn's
 * transaction, forgets any half-asked question, and says once that a colleague is coming.
 *
 * @remarks Staff conversations have no agents to hand to; they get the "not in this chat" text.
 * From the next message on, the pipeline stores the customer's messages and the bot says nothing
 * until an agent releases the hand-off.
 */
export async function handOff(options: {
  db: Kysely<Database>; caller: Caller; state: DialogueState; reason: HandoffReason; now: Date;
}): Promise<HandOffOutcome> {
  const { caller, state } = options;
  const m = messagesIn(state.language);
  if (caller.role !== 'customer' || caller.conversationId === undefined) return { replies: [{ text: m.humanHandoff }] };
  const { handoff, created } = await openHandoff(options.db, { conversationId: caller.conversationId, reason: options.reason, now: options.now });
  state.pending = undefined;
  state.identify = undefined;
  state.afterIdentify = undefined;
  state.lowConfidenceTurns = undefined;
  return { replies: [{ text: m.handoffConnecting }], ...(created ? { handoff: { id: handoff.id, reason: options.reason } } : {}) };
}
