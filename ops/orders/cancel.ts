import { loadOwnedOrder } from './load.js';
import { recordHistory, updateOrderIfUnchanged } from './order-writes.js';
import { describeOrder } from './read.js';
import { cancelRefusal } from './rules.js';
import type { Actor, OrderDetail, OwnedOrderRef } from './types.js';

/** Options for {@link cancelOrder}. */
export interface CancelOrderOptions extends OwnedOrderRef {
  actor: Actor;
  now: Date;
  /** Why, kept in the status history. */
  reason?: string;
}

/** What a cancellation does, known before anything is written. */
export interface CancelPlan {
  orderId: number;
  /** The full total, shipping included: nothing was sent. */
  refundMinor: number;
  currency: string;
}

/** A cancelled order and what the customer gets back. */
export interface CancelOrderResult extends CancelPlan {
  /** The order after cancelling. */
  order: OrderDetail;
}

/**
 * Cancels an order that has not left the warehouse (`paid` or `packed`).
 *
 * @remarks Writes the order and a history row; run it inside the caller's transaction.
 * With `dryRun: true` it checks the same rules and returns the {@link CancelPlan}, writing nothing,
 * so a confirmation question is only asked when the answer "yes" can succeed.
 * @throws {@link RuleViolationError} `order_dispatched` (suggestion `start_return`),
 * `order_already_cancelled` or `order_not_cancellable`.
 * @throws {@link NotFoundError} `order` when it does not exist or belongs to someone else.
 * @throws {@link ConflictError} when the order changed concurrently.
 * @example
 * const { refundMinor } = await cancelOrder({ db: trx, customerId: 12, orderId: 1001, actor: 'customer:12', now });
 */
export function cancelOrder(options: CancelOrderOptions & { dryRun: true }): Promise<CancelPlan>;
export function cancelOrder(options: CancelOrderOptions & { dryRun?: false }): Promise<CancelOrderResult>;
export async function cancelOrder(options: CancelOrderOptions & { dryRun?: boolean }): Promise<CancelPlan | CancelOrderResult> {
  const order = await loadOwnedOrder(options);
  const refusal = cancelRefusal(order);
  if (refusal) throw refusal;
  const plan: CancelPlan = { orderId: order.id, refundMinor: order.total_minor, currency: order.currency };
  if (options.dryRun) return plan;
  await updateOrderIfUnchanged(options.db, { order, status: 'cancelled', now: options.now });
  await recordHistory(options.db, {
    orderId: order.id,
    status: 'cancelled',
    at: options.now,
    actor: options.actor,
    note: options.reason?.trim().slice(0, 500) || null,
  });
  return { ...plan, order: await describeOrder(options.db, await loadOwnedOrder(options)) };
}
