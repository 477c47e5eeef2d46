import type { Kysely } from 'kysely';
import type { ParseResult } from '../core/nlu.js';
import { verifyOrderEmail } from '../ops/index.js';
import { countAttempts, recordAttempt, type Database } from '../store/index.js';
import { messagesIn, type Catalogue, type Language } from './messages/index.js';
import type { Reply } from './reply.js';

/** Limits on in-chat identity checks. */
export interface IdentityLimits {
  /** @defaultValue 5 */
  maxAttempts: number;
  /** @defaultValue 900 */
  windowSeconds: number;
}

export const DEFAULT_IDENTITY_LIMITS: IdentityLimits = { maxAttempts: 5, windowSeconds: 900 };

export type IdentifyOutcome =
  | { kind: 'need'; reply: Reply; orderId?: number; email?: string }
  | { kind: 'verified'; customerId: number; orderId: number }
  | { kind: 'failed'; reply: Reply };

/**
 * Collects an order number and an e-mail address and checks that they belong together.
 *
 * @remarks A wrong pair and an unknown order get exactly the same reply, and attempts are
 * limited per conversation and per order number, so the check cannot be used to find out
 * which order numbers exist or to guess an e-mail address.
 */
export async function identify(options: {
  db: Kysely<Database>;
  parse: ParseResult;
  known: { orderId?: number; email?: string };
  conversationId: string;
  limits: IdentityLimits;
  now: Date;
  /** The language of the replies. */
  language: Language;
}): Promise<IdentifyOutcome> {
  const m = messagesIn(options.language);
  const orderText = options.parse.entities.find((e) => e.type === 'order_id')?.value;
  const orderId = orderText ? Number(orderText) : options.known.orderId;
  const email = options.parse.entities.find((e) => e.type === 'email')?.value ?? options.known.email;
  if (orderId === undefined || email === undefined) return { kind: 'need', reply: askFor(m, { orderId, email }), orderId, email };

  const keys = [`conversation:${options.conversationId}`, `order:${orderId}`];
  const since = new Date(options.now.getTime() - options.limits.windowSeconds * 1000);
  const counts = await countAttempts(options.db, { keys, since });
  if (Math.max(0, ...counts.values()) >= options.limits.maxAttempts) {
    const minutes = Math.ceil(options.limits.windowSeconds / 60);
    return { kind: 'failed', reply: { text: m.identifyTooMany({ minutes }) } };
  }
  await recordAttempt(options.db, { keys, at: options.now });
  const customerId = await verifyOrderEmail({ db: options.db, orderId, email });
  if (customerId === null) {
    return { kind: 'failed', reply: { text: m.identifyFailed } };
  }
  return { kind: 'verified', customerId, orderId };
}

function askFor(m: Catalogue, have: { orderId?: number; email?: string }): Reply {
  if (have.orderId === undefined && have.email === undefined) return { text: m.identifyAskBoth };
  if (have.orderId === undefined) return { text: m.identifyAskOrder };
  return { text: m.identifyAskEmail({ orderId: have.orderId }) };
}
