import { z } from 'zod';
import { UnauthorizedError } from '../../core/errors.js';
import type { Caller, ToolContext } from '../../core/tools.js';
import {
  cancelOrder, changeDeliveryAddress, getOrder, listRecentOrders, readDeliveryEstimate, startReturn,
  AddressSchema, DELIVERY_DEFAULTS, type Actor, type OrderDetail, type OrderSummary,
} from '../../ops/index.js';
import { messagesIn } from '../messages/index.js';
import { routeMessages } from '../messages/routes.js';
import type { BotTool } from './registry.js';

const OrderArgs = z.object({ orderId: z.number().int().positive() }).strict();
const ReturnArgs = z.object({
  orderId: z.number().int().positive(),
  lines: z.union([z.literal('all'), z.array(z.object({ lineId: z.number().int(), quantity: z.number().int().positive() })).min(1)]),
  reason: z.string().max(500).optional(),
}).strict();
const AddressArgs = z.object({ orderId: z.number().int().positive(), address: AddressSchema }).strict();

/** Order tools act for an identified customer only. */
/** The identified customer calling, or {@link UnauthorizedError} for an anonymous caller. */
export function customerOf(caller: Caller): number {
  if (caller.customerId === undefined) throw new UnauthorizedError('customer not identified');
  return caller.customerId;
}

const actor = (ctx: ToolContext): Actor => `customer:${customerOf(ctx.caller)}`;

export const orderStatusTool: BotTool<z.infer<typeof OrderArgs>, OrderDetail> = {
  name: 'order_status',
  description: 'Status of one order with shipment tracking and estimated delivery.',
  args: OrderArgs,
  roles: ['customer'],
  changesState: false,
  async run(ctx, args) {
    const customerId = customerOf(ctx.caller);
    const order = await getOrder({ db: ctx.db, customerId, orderId: args.orderId });
    const text = messagesIn(ctx.language).orderStatus({ order });
    // A van plan is more precise than the carrier's day: say when the van is due.
    const estimate = await readDeliveryEstimate({ db: ctx.db, orderId: args.orderId, customerId, now: ctx.now });
    if (estimate.kind !== 'planned') return { data: order, text };
    return { data: order, text: `${text}\n${routeMessages[ctx.language].etaReply({ estimate, timeZone: DELIVERY_DEFAULTS.timeZone })}` };
  },
};

export const listOrdersTool: BotTool<Record<string, never>, OrderSummary[]> = {
  name: 'list_orders',
  description: "The customer's most recent orders.",
  args: z.object({}).strict(),
  roles: ['customer'],
  changesState: false,
  async run(ctx) {
    const orders = await listRecentOrders({ db: ctx.db, customerId: customerOf(ctx.caller), limit: 5 });
    return { data: orders, text: messagesIn(ctx.language).orderList({ orders }) };
  },
};

export const cancelOrderTool: BotTool<z.infer<typeof OrderArgs>, unknown> = {
  name: 'cancel_order',
  description: 'Cancel an order that has not been dispatched yet; refunds the full amount.',
  args: OrderArgs,
  roles: ['customer'],
  changesState: true,
  async preview(ctx, args) {
    const order = await getOrder({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId });
    // Same rule check as the real call, without writing: the cancel runs in a rolled-back probe.
    const check = await cancelOrder({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, actor: actor(ctx), now: ctx.now, dryRun: true });
    return { data: check, text: messagesIn(ctx.language).cancelPreview({ order, refundMinor: check.refundMinor }) };
  },
  async run(ctx, args) {
    const result = await cancelOrder({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, actor: actor(ctx), now: ctx.now });
    const text = messagesIn(ctx.language).cancelDone({ orderId: args.orderId, refundMinor: result.refundMinor, currency: result.order.currency });
    return { data: result, text };
  },
};

export const changeAddressTool: BotTool<z.infer<typeof AddressArgs>, unknown> = {
  name: 'change_address',
  description: 'Change the delivery address of an order that has not been dispatched yet.',
  args: AddressArgs,
  roles: ['customer'],
  changesState: true,
  async preview(ctx, args) {
    await changeDeliveryAddress({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, address: args.address, actor: actor(ctx), now: ctx.now, dryRun: true });
    return { data: args.address, text: messagesIn(ctx.language).addressPreview({ orderId: args.orderId, address: args.address }) };
  },
  async run(ctx, args) {
    const result = await changeDeliveryAddress({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, address: args.address, actor: actor(ctx), now: ctx.now });
    return { data: result, text: messagesIn(ctx.language).addressDone({ orderId: args.orderId, address: args.address }) };
  },
};

export const startReturnTool: BotTool<z.infer<typeof ReturnArgs>, unknown> = {
  name: 'start_return',
  description: 'Start a return and refund for some or all lines of a delivered order inside the return window.',
  args: ReturnArgs,
  roles: ['customer'],
  changesState: true,
  async preview(ctx, args) {
    const check = await startReturn({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, lines: args.lines, reason: args.reason, actor: actor(ctx), now: ctx.now, dryRun: true });
    return { data: check, text: messagesIn(ctx.language).returnPreview({ plan: check }) };
  },
  async run(ctx, args) {
    const result = await startReturn({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, lines: args.lines, reason: args.reason, actor: actor(ctx), now: ctx.now });
    const text = messagesIn(ctx.language).returnDone({ returnId: result.returnId, refundMinor: result.refundMinor, currency: result.currency });
    return { data: result, text };
  },
};

