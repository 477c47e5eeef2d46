import { z } from 'zod';
import { formatMoney } from '../../core/money.js';
import { UnauthorizedError } from '../../core/errors.js';
import type { Caller, ToolContext } from '../../core/tools.js';
import {
  cancelOrder, changeDeliveryAddress, getOrder, listRecentOrders, startReturn,
  AddressSchema, type Actor, type OrderDetail, type OrderSummary,
} from '../../ops/index.js';
import { formatDay } from '../reply.js';
import type { BotTool } from './registry.js';

const OrderArgs = z.object({ orderId: z.number().int().positive() }).strict();
const ReturnArgs = z.object({
  orderId: z.number().int().positive(),
  lines: z.union([z.literal('all'), z.array(z.object({ lineId: z.number().int(), quantity: z.number().int().positive() })).min(1)]),
  reason: z.string().max(500).optional(),
}).strict();
const AddressArgs = z.object({ orderId: z.number().int().positive(), address: AddressSchema }).strict();

/** Order tools act for an identified customer only. */
function customerOf(caller: Caller): number {
  if (caller.customerId === undefined) throw new UnauthorizedError('customer not identified');
  return caller.customerId;
}

const actor = (ctx: ToolContext): Actor => `customer:${customerOf(ctx.caller)}`;

function describeStatus(order: OrderDetail): string {
  const n = `Order #${order.id}`;
  const s = order.shipment;
  switch (order.status) {
    case 'paid': return `${n} is confirmed and paid; it hasn't been packed yet, so it can still be changed or cancelled.`;
    case 'packed': return `${n} is packed and waiting for the courier. It can still be changed or cancelled until it leaves the warehouse.`;
    case 'cancelled': return `${n} was cancelled.`;
    case 'returned': return `${n} was returned.`;
    case 'delivered': return `${n} was delivered${s?.deliveredAt ? ` on ${formatDay(s.deliveredAt)}` : ''}.`;
    case 'shipped': {
      if (!s) return `${n} has left our warehouse.`;
      const tracking = `${s.carrier}, tracking number ${s.trackingNumber}`;
      if (s.delayed) {
        return `${n} is on its way with ${tracking}, but it's running late: it was promised for ${formatDay(s.promisedDate)} and ${s.carrier} now expects ${formatDay(s.estimatedDate)}. Sorry about that.`;
      }
      return `${n} is on its way with ${tracking}. Expected delivery: ${formatDay(s.estimatedDate)}.`;
    }
  }
}

function itemsLine(order: Pick<OrderDetail, 'lines' | 'totalMinor' | 'currency'>): string {
  const items = order.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ');
  return `${items} (total ${formatMoney(order.totalMinor, order.currency)})`;
}

export const orderStatusTool: BotTool<z.infer<typeof OrderArgs>, OrderDetail> = {
  name: 'order_status',
  description: 'Status of one order with shipment tracking and estimated delivery.',
  args: OrderArgs,
  roles: ['customer'],
  changesState: false,
  async run(ctx, args) {
    const order = await getOrder({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId });
    const refunds = order.returns.map((r) => `Return #${r.id}: ${r.status}, refund ${formatMoney(r.refundMinor, order.currency)}`);
    return { data: order, text: [describeStatus(order), `Items: ${itemsLine(order)}.`, ...refunds].join('\n') };
  },
};

export function summaryLine(order: OrderSummary): string {
  return `#${order.id} · ${order.status} · placed ${formatDay(order.placedAt)} · ${formatMoney(order.totalMinor, order.currency)}`;
}

export const listOrdersTool: BotTool<Record<string, never>, OrderSummary[]> = {
  name: 'list_orders',
  description: "The customer's most recent orders.",
  args: z.object({}).strict(),
  roles: ['customer'],
  changesState: false,
  async run(ctx) {
    const orders = await listRecentOrders({ db: ctx.db, customerId: customerOf(ctx.caller), limit: 5 });
    const text = orders.length === 0
      ? "I can't see any orders on your account yet."
      : `Your recent orders:\n${orders.map((o) => `• ${summaryLine(o)}`).join('\n')}`;
    return { data: orders, text };
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
    return { data: check, text: `Cancel order #${order.id}: ${itemsLine(order)}? You'll be refunded ${formatMoney(check.refundMinor, order.currency)}.` };
  },
  async run(ctx, args) {
    const result = await cancelOrder({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, actor: actor(ctx), now: ctx.now });
    return {
      data: result,
      text: `Done: order #${args.orderId} is cancelled. A refund of ${formatMoney(result.refundMinor, result.order.currency)} goes back to your original payment method within 5 working days.`,
    };
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
    const a = args.address;
    const lines = [a.name, a.line1, a.line2, `${a.city} ${a.postcode}`, a.country].filter(Boolean).join(', ');
    return { data: args.address, text: `Change the delivery address of order #${args.orderId} to: ${lines}?` };
  },
  async run(ctx, args) {
    const result = await changeDeliveryAddress({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, address: args.address, actor: actor(ctx), now: ctx.now });
    return { data: result, text: `Done: order #${args.orderId} will now be delivered to ${args.address.line1}, ${args.address.city} ${args.address.postcode}.` };
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
    const items = check.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ');
    return { data: check, text: `Return ${items} from order #${args.orderId} for a refund of ${formatMoney(check.refundMinor, check.currency)}?` };
  },
  async run(ctx, args) {
    const result = await startReturn({ db: ctx.db, customerId: customerOf(ctx.caller), orderId: args.orderId, lines: args.lines, reason: args.reason, actor: actor(ctx), now: ctx.now });
    return {
      data: result,
      text: `Your return #${result.returnId} is registered. Send the items back within 14 days using the label we've e-mailed you; ${formatMoney(result.refundMinor, result.currency)} will be refunded once they arrive.`,
    };
  },
};

