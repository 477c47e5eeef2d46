import type { Kysely } from 'kysely';
import type { QuickReply } from '../core/activity.js';
import type { ParseResult } from '../core/nlu.js';
import { InvalidInputError, isCounterpartError } from '../core/errors.js';
import { listRecentOrders, parseAddress, returnableLines, type ReturnableLine } from '../ops/index.js';
import type { Database } from '../store/index.js';
import { messagesIn, type Language } from './messages/index.js';
import type { Reply } from './reply.js';

/** What a slot sees when it tries to fill itself from the customer's message. */
export interface SlotContext {
  db: Kysely<Database>;
  parse: ParseResult;
  customerId?: number;
  customerName?: string;
  args: Record<string, unknown>;
  focusOrderId?: number;
  /** True when the bot asked for exactly this slot last turn, so the whole message is the answer. */
  asked: boolean;
  now: Date;
  /** The language the bot is answering in. */
  language: Language;
}

/** A fill attempt: a value, nothing, or a message saying why the answer was not usable. */
export type SlotFill = { value: unknown } | { problem: string } | undefined;

/** One argument a tool needs and how to get it from the conversation. */
export interface SlotSpec {
  name: string;
  fill(ctx: SlotContext): Promise<SlotFill>;
  ask(ctx: SlotContext): Promise<Reply>;
  /** Answers are names or addresses, in Latin letters whatever language the customer speaks. */
  quotesNames?: boolean;
  /** The entity type that answers this slot, when one does; such an entity is never a plain "no". */
  entityType?: string;
}

/** A customer task: the intent that starts it, the tool that does it and the slots it needs. */
export interface Task {
  intent: string;
  tool: string;
  slots: SlotSpec[];
  /** Order tools need an identified customer. */
  needsCustomer: boolean;
  /**
   * Optional arguments taken from the message that starts the task (a warehouse, a horizon, a
   * date): refinements the tool has defaults for, so they are never asked for.
   */
  initialArgs?(options: { parse: ParseResult; now: Date }): Record<string, unknown>;
  /**
   * A tool whose last call this task follows up: its arguments are the defaults, so "create the
   * purchase orders" right after "what should Leeds reorder?" stays with Leeds.
   */
  followsUp?: string;
}

/** The normalised value of the first entity of `type` in the message. */
export function entityValue(parse: ParseResult, type: string): string | undefined {
  return parse.entities.find((e) => e.type === type)?.value;
}

const orderIdSlot: SlotSpec = {
  name: 'orderId',
  entityType: 'order_id',
  async fill(ctx) {
    const mentioned = entityValue(ctx.parse, 'order_id');
    if (mentioned) return { value: Number(mentioned) };
    // "it" / "my order" refers to the order the conversation is about, unless we just asked which one.
    if (!ctx.asked && ctx.focusOrderId !== undefined) return { value: ctx.focusOrderId };
    return undefined;
  },
  async ask(ctx) {
    const m = messagesIn(ctx.language);
    if (ctx.customerId === undefined) return { text: m.askOrderAnonymous };
    const orders = await listRecentOrders({ db: ctx.db, customerId: ctx.customerId, limit: 5 });
    if (orders.length === 0) return { text: m.askOrderNoOrders };
    return { text: m.askOrderRecent({ orders }), quickReplies: orders.map((order) => m.orderChoice({ order })) };
  },
};

const addressSlot: SlotSpec = {
  name: 'address',
  quotesNames: true,
  async fill(ctx) {
    if (!ctx.asked) return undefined;
    try {
      return { value: parseAddress(ctx.parse.text, { defaultName: ctx.customerName ?? 'Customer' }) };
    } catch (error) {
      if (error instanceof InvalidInputError) return { problem: messagesIn(ctx.language).addressProblem({ userMessage: error.userMessage }) };
      throw error;
    }
  },
  async ask(ctx) {
    return { text: messagesIn(ctx.language).askAddress };
  },
};

const ALL_ITEMS = /\b(all|everything|every item|both|whole order)\b|全部|所有|都退|全退|整单|整个订单/i;
/** "item 2", or the Chinese "第2件" the Chinese buttons send. */
const ITEM_NUMBER = /\bitem\s*(\d+)\b|第\s*(\d+)\s*[件项个]/;

const returnLinesSlot: SlotSpec = {
  name: 'lines',
  quotesNames: true,
  async fill(ctx) {
    if (!ctx.asked) return undefined;
    if (ALL_ITEMS.test(ctx.parse.text)) return { value: 'all' };
    const lines = await returnable(ctx);
    if (lines === null) return { value: 'all' }; // let the tool explain why nothing can be returned
    const text = ctx.parse.text.toLowerCase();
    const byNumber = ITEM_NUMBER.exec(text);
    const chosen = byNumber
      ? lines.filter((l) => l.lineNo === Number(byNumber[1] ?? byNumber[2]))
      : lines.filter((l) => l.name.toLowerCase().split(/\s+/).some((w) => w.length > 3 && text.includes(w)));
    if (chosen.length === 0) return { problem: messagesIn(ctx.language).returnLinesUnclear };
    return { value: chosen.map((l) => ({ lineId: l.lineId, quantity: l.returnableQuantity })) };
  },
  async ask(ctx) {
    const m = messagesIn(ctx.language);
    const lines = (await returnable(ctx)) ?? [];
    if (lines.length <= 1) return { text: m.askReturnWholeOrder, quickReplies: [m.returnWholeOrderYes] };
    const quickReplies: QuickReply[] = [m.allItems, ...lines.map((line) => m.returnLineChoice({ line }))];
    return { text: m.askReturnLines({ lines }), quickReplies };
  },
};

/** Lines still returnable, or null when the order cannot be returned at all (the tool says why). */
async function returnable(ctx: SlotContext): Promise<ReturnableLine[] | null> {
  const orderId = ctx.args.orderId;
  if (typeof orderId !== 'number' || ctx.customerId === undefined) return null;
  try {
    return (await returnableLines({ db: ctx.db, customerId: ctx.customerId, orderId, now: ctx.now })).lines;
  } catch (error) {
    if (isCounterpartError(error) && !error.retryable) return null;
    throw error;
  }
}

/** Customer tasks, keyed by the intent that starts them. */
export const TASKS: Readonly<Record<string, Task>> = {
  order_status: { intent: 'order_status', tool: 'order_status', slots: [orderIdSlot], needsCustomer: true },
  // A refund is part of the order's story: the status reply covers its returns.
  refund_status: { intent: 'refund_status', tool: 'order_status', slots: [orderIdSlot], needsCustomer: true },
  list_orders: { intent: 'list_orders', tool: 'list_orders', slots: [], needsCustomer: true },
  cancel_order: { intent: 'cancel_order', tool: 'cancel_order', slots: [orderIdSlot], needsCustomer: true },
  change_address: { intent: 'change_address', tool: 'change_address', slots: [orderIdSlot, addressSlot], needsCustomer: true },
  start_return: { intent: 'start_return', tool: 'start_return', slots: [orderIdSlot, returnLinesSlot], needsCustomer: true },
};

export function taskForTool(tool: string): Task | undefined {
  return Object.values(TASKS).find((t) => t.tool === tool);
}
