import { z } from 'zod';
import { InvalidInputError, PayloadTooLargeError } from './errors.js';
import { ReplyTableSchema } from './table.js';

/** Channels that carry conversations. Adapters translate their payloads to and from {@link Activity}. */
export const ChannelSchema = z.enum(['webchat', 'rest', 'teams', 'slack']);
export type Channel = z.infer<typeof ChannelSchema>;

export const RoleSchema = z.enum(['customer', 'staff', 'bot', 'agent']);
export type Role = z.infer<typeof RoleSchema>;

/** Largest message text accepted from a user, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 4096;

export const QuickReplySchema = z.object({
  /** Text shown on the button. */
  title: z.string().min(1).max(200),
  /** Text sent back as the user's message when the button is pressed. */
  value: z.string().min(1).max(MAX_MESSAGE_BYTES),
});
export type QuickReply = z.infer<typeof QuickReplySchema>;

export const SourceSchema = z.object({ title: z.string(), url: z.string().optional() });
export type Source = z.infer<typeof SourceSchema>;

/**
 * One message or signal on any channel: the only shape the bot sees.
 *
 * @remarks Modelled on the Bot Framework Activity protocol, reduced to what the bot uses.
 * Rich parts (quick replies, sources) degrade to plain text on channels that cannot show them.
 */
export const ActivitySchema = z.object({
  id: z.string(),
  type: z.enum(['message', 'typing', 'event']),
  channel: ChannelSchema,
  conversationId: z.string(),
  from: z.object({ id: z.string(), role: RoleSchema, name: z.string().optional() }),
  text: z.string().optional(),
  /** ISO-8601 time the activity was created. */
  timestamp: z.string(),
  /** Client-chosen id that makes re-sending the same message idempotent. */
  clientMessageId: z.string().optional(),
  /** Id of the inbound activity this one answers. */
  replyToId: z.string().optional(),
  quickReplies: z.array(QuickReplySchema).optional(),
  sources: z.array(SourceSchema).optional(),
  /** Tables the text also spells out, for channels that can draw them. */
  tables: z.array(ReplyTableSchema).optional(),
  locale: z.string().optional(),
});
export type Activity = z.infer<typeof ActivitySchema>;

/**
 * Who a signed token proves the sender is: a customer of the shop or a registered staff user.
 *
 * @remarks Without a token the sender is an anonymous customer, who may still identify in the
 * conversation with an order number and e-mail. Staff never act anonymously.
 */
export type Principal =
  | { kind: 'customer'; customerId: number }
  | { kind: 'staff'; staffId: number };

/** What an adapter hands to the bot for one inbound user message. */
export interface InboundMessage {
  conversationId: string;
  channel: Channel;
  text: string;
  clientMessageId?: string;
  /** Who a signed token on this request proves the sender is, if any. */
  principal?: Principal;
  /** Network origin, used for rate limiting only. */
  origin?: string;
}

// Control characters other than tab and line breaks mean the "text" is really binary data.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/**
 * Checks a user's message text and returns it trimmed.
 * Throws {@link InvalidInputError} for non-strings, empty, whitespace-only or binary text and
 * {@link PayloadTooLargeError} above {@link MAX_MESSAGE_BYTES}.
 */
export function checkMessageText(text: unknown): string {
  if (typeof text !== 'string') throw new InvalidInputError('text must be a string');
  if (Buffer.byteLength(text, 'utf8') > MAX_MESSAGE_BYTES) {
    throw new PayloadTooLargeError(`text is longer than ${MAX_MESSAGE_BYTES} bytes`);
  }
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new InvalidInputError('text must not be empty');
  if (BINARY.test(trimmed)) throw new InvalidInputError('text contains binary or control characters');
  return trimmed;
}

/** Client-chosen idempotency key: 1–100 printable characters. */
export const ClientMessageIdSchema = z.string().min(1).max(100).regex(/^[\x21-\x7E]+$/, 'must be printable ASCII without spaces');
