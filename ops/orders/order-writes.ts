import type { Kysely } from 'kysely';
import { ConflictError } from '../../core/errors.js';
import type { Address, Database, Order, OrderStatus } from '../../store/index.js';
import type { Actor } from './types.js';

/** Appends one row to the order's status history. */
export async function recordHistory(
  db: Kysely<Database>,
  entry: { orderId: number; status: OrderStatus; at: Date; actor: Actor; note?: string | null },
): Promise<void> {
  await db
    .insertInto('order_status_history')
    .values({ order_id: entry.orderId, status: entry.status, at: entry.at.toISOString(), actor: entry.actor, note: entry.note ?? null })
    .execute();
}

/**
 * Updates an order (status, delivery address) and its `updated_at`, but only if it is still as it was read.
 *
 * @remarks The rules were checked against the row as read; a concurrent writer (another
 * conversation, a warehouse scan) may have changed it since. The guarded update makes that a
 * retryable conflict instead of, say, cancelling an order that has just been dispatched.
 */
export async function updateOrderIfUnchanged(
  db: Kysely<Database>,
  change: { order: Order; now: Date; status?: OrderStatus; deliveryAddress?: Address },
): Promise<void> {
  const result = await db
    .updateTable('orders')
    .set({
      updated_at: change.now.toISOString(),
      ...(change.status ? { status: change.status } : {}),
      ...(change.deliveryAddress ? { delivery_address: JSON.stringify(change.deliveryAddress) } : {}),
    })
    .where('id', '=', change.order.id)
    .where('status', '=', change.order.status)
    .where('updated_at', '=', change.order.updated_at)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new ConflictError('order changed while it was being updated', { orderId: change.order.id });
  }
}
