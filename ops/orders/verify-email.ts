import { createHash, timingSafeEqual } from 'node:crypto';
import type { DbOption } from './types.js';
import { isDbId } from './load.js';

/** Options for {@link verifyOrderEmail}. */
export interface VerifyOrderEmailOptions extends DbOption {
  orderId: number;
  /** The e-mail address the person says the order was placed with. */
  email: string;
}

// Compared when the order does not exist, so both failures do the same work.
const NO_EMAIL = digest('\u0000no-order');

function digest(email: string): Buffer {
  return createHash('sha256').update(email.trim().toLowerCase()).digest();
}

/**
 * Checks that an e-mail address is the one an order was placed with, to identify a guest.
 *
 * @remarks Returns the customer id on a match and `null` otherwise, without saying whether the
 * order or the e-mail was wrong, so order numbers cannot be probed. The comparison ignores case
 * and surrounding spaces and runs in constant time. Rate-limit the callers (see `identity_attempts`).
 * @example
 * const customerId = await verifyOrderEmail({ db, orderId: 1004, email: 'Ann@Example.com' });
 */
export async function verifyOrderEmail(options: VerifyOrderEmailOptions): Promise<number | null> {
  const row = isDbId(options.orderId)
    ? await options.db
        .selectFrom('orders')
        .innerJoin('customers', 'customers.id', 'orders.customer_id')
        .select(['customers.id as customerId', 'customers.email as email'])
        .where('orders.id', '=', options.orderId)
        .executeTakeFirst()
    : undefined;
  const matches = timingSafeEqual(digest(options.email), row ? digest(row.email) : NO_EMAIL);
  return row && matches ? row.customerId : null;
}
