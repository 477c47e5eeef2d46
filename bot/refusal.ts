import { RuleViolationError, type CounterpartError } from '../core/errors.js';
import type { Catalogue } from './messages/index.js';
import type { Reply } from './reply.js';
import type { PendingCall } from './state.js';

/** Explains a tool's refusal in the customer's language, with a button for what the rule suggests instead. */
export function refusal(m: Catalogue, error: CounterpartError, pending: PendingCall): Reply {
  const orderId = typeof pending.args.orderId === 'number' ? pending.args.orderId : undefined;
  if (error.code === 'not_found') {
    return { text: orderId ? m.orderNotFound({ orderId }) : m.notFound };
  }
  if (error.code === 'forbidden') return { text: m.notAllowed };
  const details = error.details ?? {};
  const text = m.refusal({
    code: error.code, userMessage: error.userMessage, tool: pending.tool, orderId,
    status: typeof details.status === 'string' ? details.status : undefined,
    returnBy: typeof details.returnBy === 'string' ? details.returnBy : undefined,
    returnable: typeof details.returnable === 'number' ? details.returnable : undefined,
  });
  const suggestion = error instanceof RuleViolationError ? error.suggestion : undefined;
  if (!suggestion || !orderId) return { text };
  return { text, quickReplies: [suggestion === 'start_return' ? m.suggestReturn({ orderId }) : m.suggestCancel({ orderId })] };
}
