import type { Kysely } from 'kysely';
import { InvalidInputError, RuleViolationError } from '../../core/errors.js';
import type { Database, Order, OrderLine } from '../../store/index.js';
import { addDays, isoDate, loadOwnedOrder } from './load.js';
import { nothingToReturn, returnStatusRefusal } from './rules.js';
import type { OwnedOrderRef } from './types.js';

/**
 * Days after delivery during which a customer may start a return.
 *
 * @defaultValue 30
 */
export const RETURN_WINDOW_DAYS = 30;

/** Options shared by the return functions. */
export interface ReturnWindowOptions extends OwnedOrderRef {
  now: Date;
  /**
   * Days after delivery a return may be started, counted in whole UTC calendar days.
   * @defaultValue {@link RETURN_WINDOW_DAYS}
   */
  returnWindowDays?: number;
}

/** A delivered order that may be returned, with its lines as read. */
export interface ReturnContext {
  order: Order;
  lines: OrderLine[];
  /** Last day (`YYYY-MM-DD`, UTC) on which a return may be started. */
  returnBy: string;
}

const formatDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Loads an order and checks that a return may be started on it now.
 *
 * @remarks The window runs in whole calendar days: delivered on 1 November, a return may be
 * started up to and including 1 December (30 days), however late in the day either happens.
 * @throws {@link RuleViolationError} `order_not_delivered`, `order_already_cancelled`,
 * `return_window_closed` or `nothing_to_return`; {@link NotFoundError} `order`.
 */
export async function loadReturnContext(options: ReturnWindowOptions): Promise<ReturnContext> {
  const windowDays = options.returnWindowDays ?? RETURN_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 0) {
    throw new InvalidInputError('returnWindowDays must be a non-negative integer', { returnWindowDays: windowDays });
  }
  const order = await loadOwnedOrder(options);
  const refusal = returnStatusRefusal(order);
  if (refusal) throw refusal;
  const deliveredOn = isoDate(await deliveredAt(options.db, order));
  const returnBy = addDays(deliveredOn, windowDays);
  if (isoDate(options.now) > returnBy) {
    throw new RuleViolationError({
      code: 'return_window_closed',
      userMessage: `The ${windowDays}-day return window for order ${order.id} closed on ${formatDay.format(new Date(`${returnBy}T00:00:00Z`))}, so it can no longer be returned.`,
      details: { orderId: order.id, deliveredOn, returnBy },
    });
  }
  const lines = await options.db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).orderBy('line_no').orderBy('id').execute();
  if (lines.every((line) => line.returned_quantity >= line.quantity)) throw nothingToReturn(order.id);
  return { order, lines, returnBy };
}

/**
 * When the order was delivered: the carrier's delivery time, else the time it was marked delivered.
 *
 * @remarks The last fallback, the order time, can only shorten the window, never stretch it,
 * for orders whose delivery was never recorded.
 */
async function deliveredAt(db: Kysely<Database>, order: Order): Promise<string> {
  const shipment = await db
    .selectFrom('shipments')
    .select('delivered_at')
    .where('order_id', '=', order.id)
    .where('delivered_at', 'is not', null)
    .orderBy('delivered_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (shipment?.delivered_at) return shipment.delivered_at;
  const marked = await db
    .selectFrom('order_status_history')
    .select('at')
    .where('order_id', '=', order.id)
    .where('status', '=', 'delivered')
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  return marked?.at ?? order.placed_at;
}
