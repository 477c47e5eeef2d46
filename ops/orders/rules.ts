import { RuleViolationError } from '../../core/errors.js';
import type { Order, OrderStatus } from '../../store/index.js';

/**
 * Tool names a refusal may point the user to. The bot registers tools under these names.
 */
export const SUGGESTIONS = { startReturn: 'start_return', cancelOrder: 'cancel_order' } as const;

/** Statuses in which the order has not left the warehouse: it can still be cancelled or re-addressed. */
export const BEFORE_DISPATCH: readonly OrderStatus[] = ['paid', 'packed'];

/** Whether the order is still in the warehouse. */
export function isBeforeDispatch(status: OrderStatus): boolean {
  return BEFORE_DISPATCH.includes(status);
}

/** Why an order cannot be cancelled, or `null` when it can. */
export function cancelRefusal(order: Order): RuleViolationError | null {
  const details = { orderId: order.id, status: order.status };
  switch (order.status) {
    case 'paid':
    case 'packed':
      return null;
    case 'shipped':
      return new RuleViolationError({
        code: 'order_dispatched',
        userMessage: `Order ${order.id} has already been dispatched, so it can no longer be cancelled. Once it arrives you can return it for a refund.`,
        suggestion: SUGGESTIONS.startReturn,
        details,
      });
    case 'delivered':
      return new RuleViolationError({
        code: 'order_dispatched',
        userMessage: `Order ${order.id} has already been delivered, so it can no longer be cancelled. You can return it for a refund instead.`,
        suggestion: SUGGESTIONS.startReturn,
        details,
      });
    case 'cancelled':
      return alreadyCancelled(order);
    case 'returned':
      return new RuleViolationError({
        code: 'order_not_cancellable',
        userMessage: `Order ${order.id} has already been returned, so there is nothing left to cancel.`,
        details,
      });
  }
}

/** Why the delivery address of an order cannot be changed, or `null` when it can. */
export function addressChangeRefusal(order: Order): RuleViolationError | null {
  if (isBeforeDispatch(order.status)) return null;
  if (order.status === 'cancelled') return alreadyCancelled(order);
  return new RuleViolationError({
    code: 'order_dispatched',
    userMessage: `Order ${order.id} has already been dispatched, so its delivery address can no longer be changed.`,
    details: { orderId: order.id, status: order.status },
  });
}

/** Why an order cannot be returned given its status alone, or `null` when its status allows it. */
export function returnStatusRefusal(order: Order): RuleViolationError | null {
  const details = { orderId: order.id, status: order.status };
  switch (order.status) {
    case 'delivered':
      return null;
    case 'paid':
    case 'packed':
      return new RuleViolationError({
        code: 'order_not_delivered',
        userMessage: `Order ${order.id} hasn't been dispatched yet, so there is nothing to return. You can still cancel it instead.`,
        suggestion: SUGGESTIONS.cancelOrder,
        details,
      });
    case 'shipped':
      return new RuleViolationError({
        code: 'order_not_delivered',
        userMessage: `Order ${order.id} is on its way but hasn't been delivered yet. You can start a return once it arrives.`,
        details,
      });
    case 'cancelled':
      return alreadyCancelled(order);
    case 'returned':
      return nothingToReturn(order.id);
  }
}

/** Every unit of the order has already been returned. */
export function nothingToReturn(orderId: number): RuleViolationError {
  return new RuleViolationError({
    code: 'nothing_to_return',
    userMessage: `Everything on order ${orderId} has already been returned.`,
    details: { orderId },
  });
}

function alreadyCancelled(order: Order): RuleViolationError {
  return new RuleViolationError({
    code: 'order_already_cancelled',
    userMessage: `Order ${order.id} has already been cancelled.`,
    details: { orderId: order.id, status: order.status },
  });
}
