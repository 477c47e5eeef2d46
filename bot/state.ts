import { z } from 'zod';
import { DEFAULT_LANGUAGE, LanguageSchema } from './messages/index.js';

/** A tool call being assembled over several turns. */
export const PendingCallSchema = z.object({
  tool: z.string(),
  args: z.record(z.string(), z.unknown()),
  /** What the bot asked for last: a slot value or a yes/no confirmation. */
  awaiting: z.enum(['slot', 'confirmation']),
  slot: z.string().optional(),
  /** How many times the same question was asked without an answer. */
  retries: z.number().int().default(0),
});
export type PendingCall = z.infer<typeof PendingCallSchema>;

/** The in-chat identity check (order number + e-mail) while it collects both. */
export const IdentifyStateSchema = z.object({
  orderId: z.number().int().optional(),
  email: z.string().optional(),
});

/**
 * Dialogue state persisted with the conversation after every turn, so a restart
 * (or another replica) continues exactly where the conversation was.
 */
export const DialogueStateSchema = z.object({
  /** The order the conversation is about, used when the customer says "it" or "my order". */
  focusOrderId: z.number().int().optional(),
  pending: PendingCallSchema.optional(),
  identify: IdentifyStateSchema.optional(),
  /** A task to resume once the customer has been identified. */
  afterIdentify: PendingCallSchema.optional(),
  /** The last tool that answered, with its arguments: a follow-up ("create those") takes its scope. */
  lastCall: z.object({ tool: z.string(), args: z.record(z.string(), z.unknown()) }).optional(),
  /**
   * Turns in a row the bot did not understand (intent below the confidence threshold and
   * nothing in the knowledge base); at two, a colleague takes over. Absent means none.
   */
  lowConfidenceTurns: z.number().int().min(0).optional(),
  /**
   * The language of the customer's last message that showed one, for texts the bot sends
   * on its own. States saved before replies were translated have none: English.
   */
  language: LanguageSchema,
});
export type DialogueState = z.infer<typeof DialogueStateSchema>;

/** The state of a conversation that has not started yet. */
export function emptyState(): DialogueState {
  return { language: DEFAULT_LANGUAGE };
}

/** Parses stored state; unreadable state (for example from an older version) starts afresh. */
export function parseState(json: string): DialogueState {
  try {
    const parsed = DialogueStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : emptyState();
  } catch {
    return emptyState();
  }
}
