import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ConflictError, DependencyError, InvalidInputError, RuleViolationError } from '../../core/errors.js';
import type { Database, OrderLine, OrderStatus } from '../../store/index.js';
import { recordHistory, updateOrderIfUnchanged } from './order-writes.js';
import { loadReturnContext, type ReturnContext, type ReturnWindowOptions } from './return-window.js';
import type { Actor } from './types.js';

/** A line that still has units to return. */
export interface ReturnableLine {
  lineId: number;
  /** Position on the order, from 1, as shown to the customer. */
  lineNo: number;
  sku: string;
  name: string;
  unitPriceMinor: number;
  /** Ordered minus already returned. */
  returnableQuantity: number;
}

/** What may still be returned from an order, and until when. */
export interface ReturnableLines {
  orderId: number;
  currency: string;
  /** Last day (`YYYY-MM-DD`, UTC) on which a return may be started. */
  returnBy: string;
  lines: ReturnableLine[];
}

/**
 * Lines of a delivered order that can still be returned.
 *
 * @throws the same errors as {@link startReturn} would for the whole order.
 * @example
 * const { lines, returnBy } = await returnableLines({ db: trx, customerId: 12, orderId: 1004, now });
 */
export async function returnableLines(options: ReturnWindowOptions): Promise<ReturnableLines> {
  const context = await loadReturnContext(options);
  return {
    orderId: context.order.id,
    currency: context.order.currency,
    returnBy: context.returnBy,
    lines: context.lines
      .filter((line) => line.quantity > line.returned_quantity)
      .map((line) => ({
        lineId: line.id,
        lineNo: line.line_no,
        sku: line.sku,
        name: line.name,
        unitPriceMinor: line.unit_price_minor,
        returnableQuantity: line.quantity - line.returned_quantity,
      })),
  };
}

const ReturnRequestSchema = z.object({
  lines: z.union([
    z.literal('all'),
    z
      .array(
        z.object({
          lineId: z.number().int().positive('Please choose an item from the order.'),
          quantity: z.number().int('Please give a whole number of items.').positive('Please give a quantity of at least 1.'),
        }),
      )
      .min(1, 'Please say which items to return.')
      .max(100, 'That is more items than an order can hold.'),
  ]),
  reason: z.string().trim().max(500, 'Please keep the reason under 500 characters.').optional(),
});

/** Options for {@link startReturn}. */
export interface StartReturnOptions extends ReturnWindowOptions {
  /** `'all'` for every unit not yet returned, or the lines and how many units of each. */
  lines: 'all' | { lineId: number; quantity: number }[];
  reason?: string;
  actor: Actor;
}

/** What a return does, known before anything is written. */
export interface ReturnPlan {
  orderId: number;
  /** The order's status after the return: `returned` once every unit is. */
  orderStatus: OrderStatus;
  currency: string;
  refundMinor: number;
  lines: { lineId: number; lineNo: number; sku: string; name: string; quantity: number; refundMinor: number }[];
}

/** A return that was started. */
export interface StartReturnResult extends ReturnPlan {
  returnId: number;
}

/**
 * Starts a return on a delivered order within the return window.
 *
 * @remarks Writes the return, its lines, the returned quantities, the order and a history row:
 * run it inside the caller's transaction. With `dryRun: true` it checks the same rules and
 * returns the {@link ReturnPlan}, writing nothing. The refund covers goods only (see `refundFor`).
 * @throws {@link RuleViolationError} `order_not_delivered` (suggestion `cancel_order` while still
 * cancellable), `order_already_cancelled`, `return_window_closed`, `nothing_to_return`,
 * `return_quantity_exceeded`; {@link InvalidInputError} for a malformed request or a line not on
 * the order; {@link NotFoundError} `order`; {@link ConflictError} when the order changed concurrently.
 * @example
 * await startReturn({ db: trx, customerId: 12, orderId: 1004, lines: [{ lineId: 7, quantity: 1 }], actor: 'customer:12', now });
 */
export function startReturn(options: StartReturnOptions & { dryRun: true }): Promise<ReturnPlan>;
export function startReturn(options: StartReturnOptions & { dryRun?: false }): Promise<StartReturnResult>;
export async function startReturn(options: StartReturnOptions & { dryRun?: boolean }): Promise<ReturnPlan | StartReturnResult> {
  const request = ReturnRequestSchema.safeParse({ lines: options.lines, reason: options.reason });
  if (!request.success) throw new InvalidInputError(request.error.issues.map((issue) => issue.message).join(' '));
  const context = await loadReturnContext(options);
  const picks = pickLines(context, request.data.lines);
  const plan = planReturn(context, picks);
  if (options.dryRun) return plan;
  const { db, now } = options;
  const returnId = await insertReturn(db, { context, refundMinor: plan.refundMinor, reason: request.data.reason, now });
  await db.insertInto('return_lines').values(picks.map((pick) => ({ return_id: returnId, order_line_id: pick.line.id, quantity: pick.quantity }))).execute();
  for (const pick of picks) await addReturnedQuantity(db, pick);
  await updateOrderIfUnchanged(db, { order: context.order, status: plan.orderStatus, now });
  await recordHistory(db, { orderId: context.order.id, status: plan.orderStatus, at: now, actor: options.actor, note: `return ${returnId} requested` });
  return { ...plan, returnId };
}

function planReturn(context: ReturnContext, picks: Pick[]): ReturnPlan {
  const unitsLeft = context.lines.reduce((sum, line) => sum + line.quantity - line.returned_quantity, 0);
  const unitsPicked = picks.reduce((sum, pick) => sum + pick.quantity, 0);
  const lines = picks.map(({ line, quantity }) => ({
    lineId: line.id,
    lineNo: line.line_no,
    sku: line.sku,
    name: line.name,
    quantity,
    refundMinor: refundFor(line, quantity),
  }));
  return {
    orderId: context.order.id,
    orderStatus: unitsPicked === unitsLeft ? 'returned' : context.order.status,
    currency: context.order.currency,
    refundMinor: lines.reduce((sum, line) => sum + line.refundMinor, 0),
    lines,
  };
}

/**
 * Refund for returned units: quantity × unit price.
 *
 * @remarks Shipping is not refunded: the delivery was made as ordered, and a return undoes the
 * purchase of the goods, not the carriage. (Faulty or wrong items, where postage is refunded,
 * are a staff decision outside this flow.)
 */
function refundFor(line: OrderLine, quantity: number): number {
  return quantity * line.unit_price_minor;
}

interface Pick {
  line: OrderLine;
  quantity: number;
}

function pickLines(context: ReturnContext, wanted: 'all' | { lineId: number; quantity: number }[]): Pick[] {
  if (wanted === 'all') {
    return context.lines.filter((line) => line.quantity > line.returned_quantity).map((line) => ({ line, quantity: line.quantity - line.returned_quantity }));
  }
  const seen = new Set<number>();
  return wanted.map(({ lineId, quantity }) => {
    const line = context.lines.find((candidate) => candidate.id === lineId);
    if (!line) throw new InvalidInputError(`Order ${context.order.id} has no item with line id ${lineId}.`, { orderId: context.order.id, lineId });
    if (seen.has(lineId)) throw new InvalidInputError(`${line.name} is listed more than once; please give one quantity for it.`, { lineId });
    seen.add(lineId);
    const left = line.quantity - line.returned_quantity;
    if (quantity > left) throw quantityExceeded({ orderId: context.order.id, line, quantity, left });
    return { line, quantity };
  });
}

function quantityExceeded(info: { orderId: number; line: OrderLine; quantity: number; left: number }): RuleViolationError {
  const { line, left } = info;
  const userMessage = left === 0
    ? `${line.name} from order ${info.orderId} has already been returned.`
    : `You can return at most ${left} × ${line.name} from order ${info.orderId} (${line.quantity} ordered, ${line.returned_quantity} already returned).`;
  return new RuleViolationError({
    code: left === 0 ? 'nothing_to_return' : 'return_quantity_exceeded',
    userMessage,
    details: { orderId: info.orderId, lineId: line.id, requested: info.quantity, returnable: left },
  });
}

async function insertReturn(
  db: Kysely<Database>,
  values: { context: ReturnContext; refundMinor: number; reason: string | undefined; now: Date },
): Promise<number> {
  const at = values.now.toISOString();
  const row = await db
    .insertInto('returns')
    .values({
      order_id: values.context.order.id,
      customer_id: values.context.order.customer_id,
      status: 'requested',
      reason: values.reason || null,
      refund_minor: values.refundMinor,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new DependencyError('insert into returns returned no id');
  return row.id;
}

/** Adds returned units, refusing to go past the ordered quantity even against a concurrent return. */
async function addReturnedQuantity(db: Kysely<Database>, pick: Pick): Promise<void> {
  const result = await db
    .updateTable('order_lines')
    .set((eb) => ({ returned_quantity: eb('returned_quantity', '+', pick.quantity) }))
    .where('id', '=', pick.line.id)
    .where('returned_quantity', '=', pick.line.returned_quantity)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new ConflictError('order line changed while a return was being started', { lineId: pick.line.id });
}
