import type { ParseResult } from '../core/nlu.js';
import { messagesIn } from './messages/index.js';
import { ALLOCATION_TASKS } from './ops-tasks/allocation.js';
import { METRICS_TASKS } from './ops-tasks/metrics.js';
import { PURCHASING_TASKS } from './ops-tasks/purchasing.js';
import { ROUTE_TASKS } from './ops-tasks/routes.js';
import { entityValue, type SlotSpec, type Task } from './tasks.js';

const DAY_MS = 86_400_000;
/** The demo shop's SKU shape (`APP-1042`), for a bare answer to "which SKU?". */
const SKU_CODE = /\b[A-Za-z]{3}-\d{4}\b/;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/g;
/** Longest forecast horizon staff can ask for in chat; the tool's schema enforces the same. */
const MAX_WEEKS = 26;

const skuSlot: SlotSpec = {
  name: 'sku',
  entityType: 'sku',
  async fill(ctx) {
    const mentioned = entityValue(ctx.parse, 'sku');
    if (mentioned) return { value: mentioned.toUpperCase() };
    // Only when we just asked: then the whole message is the answer, even if the NLU missed it.
    const typed = ctx.asked ? SKU_CODE.exec(ctx.parse.text)?.[0] : undefined;
    return typed ? { value: typed.toUpperCase() } : undefined;
  },
  async ask(ctx) {
    return { text: messagesIn(ctx.language).askSku };
  },
};

/** Staff tasks, keyed by the intent that starts them; only callers with the staff role reach them. */
export const STAFF_TASKS: Readonly<Record<string, Task>> = {
  low_stock: { intent: 'low_stock', tool: 'low_stock_list', slots: [], needsCustomer: false, initialArgs: warehouseArg },
  stock_level: { intent: 'stock_level', tool: 'stock_level', slots: [skuSlot], needsCustomer: false },
  demand_forecast: { intent: 'demand_forecast', tool: 'demand_forecast', slots: [skuSlot], needsCustomer: false, initialArgs: forecastArgs },
  ...ROUTE_TASKS,
  ...ALLOCATION_TASKS,
  ...METRICS_TASKS,
  ...PURCHASING_TASKS,
};

export function staffTaskForTool(tool: string): Task | undefined {
  return Object.values(STAFF_TASKS).find((t) => t.tool === tool);
}

/** The warehouse code named in the message, when one is: without it the tools answer for every warehouse. */
export function warehouseArg(options: { parse: ParseResult }): Record<string, unknown> {
  const warehouse = entityValue(options.parse, 'warehouse');
  return warehouse ? { warehouse: warehouse.toUpperCase() } : {};
}

/** A forecast's warehouse and horizon in weeks (four when none is named). */
function forecastArgs(options: { parse: ParseResult; now: Date }): Record<string, unknown> {
  const weeks = horizonWeeks(options.parse, options.now);
  return { ...warehouseArg(options), ...(weeks === undefined ? {} : { weeks }) };
}

/** Weeks ahead from a number ("next 6 weeks") or from a date or interval's last day. */
function horizonWeeks(parse: ParseResult, now: Date): number | undefined {
  const quantity = Number(entityValue(parse, 'quantity'));
  if (Number.isInteger(quantity) && quantity >= 1) return Math.min(quantity, MAX_WEEKS);
  const days = entityValue(parse, 'date')?.match(ISO_DAY) ?? [];
  const last = days.at(-1);
  if (!last) return undefined;
  // An interval's end is exclusive ("next 6 weeks" ends on the day after); a single day is included.
  const end = Date.parse(`${last}T00:00:00Z`) + (days.length > 1 ? 0 : DAY_MS);
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const start = days.length > 1 ? Math.max(today, Date.parse(`${days[0]}T00:00:00Z`)) : today;
  const ahead = (end - start) / DAY_MS;
  return ahead > 0 ? Math.min(Math.ceil(ahead / 7), MAX_WEEKS) : undefined;
}
