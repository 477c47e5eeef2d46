import type { ParseResult } from '../../core/nlu.js';
import { listWarehouses } from '../../ops/index.js';
import { routeMessages } from '../messages/routes.js';
import { entityValue, type SlotSpec, type Task } from '../tasks.js';
import { MAX_VANS } from '../tools/routes.js';
import { staffOrderIdSlot } from './slots.js';

const ISO_DAY = /\d{4}-\d{2}-\d{2}/;
/** A bare warehouse code as the whole answer to "which warehouse?" (`mkn`, `LDS.`). */
const BARE_CODE = /^\s*([A-Za-z]{3})\s*[.!]?\s*$/;
/** "3 vans", "2 vehicles", "3辆车": a count of vans written as digits. */
const VANS_IN_TEXT = /(\d+)\s*(?:vans?|vehicles?|trucks?|drivers?|辆|台车)/i;
/** What follows a number that counts vans ("two routes" counts vans too: one route per van). */
const COUNTS_VANS = /^\s*(?:vans?|vehicles?|trucks?|drivers?|routes?|辆|台车|条路线)/i;
/** "80 units per van", "each van holds 80", "每车80件". */
const CAPACITY = /(\d+)\s*(?:units?|parcels?|items?)\s*(?:per|a|each)\s*van|each\s+van\s+(?:holds|carries|takes)\s+(\d+)|每(?:辆)?车\s*(\d+)\s*件/i;

/** Which warehouse the vans leave from: the NLU's `warehouse` entity, or a bare code when we just asked. */
const warehouseSlot: SlotSpec = {
  name: 'warehouse',
  entityType: 'warehouse',
  async fill(ctx) {
    const mentioned = entityValue(ctx.parse, 'warehouse');
    if (mentioned) return { value: mentioned.toUpperCase() };
    const typed = ctx.asked ? BARE_CODE.exec(ctx.parse.text)?.[1] : undefined;
    return typed ? { value: typed.toUpperCase() } : undefined;
  },
  async ask(ctx) {
    const m = routeMessages[ctx.language];
    const warehouses = await listWarehouses({ db: ctx.db });
    return { text: m.askWarehouse, quickReplies: warehouses.map((w) => m.warehouseChoice({ code: w.code, city: w.city })) };
  },
};

/**
 * The refinements of a route plan named in the first message: the day (the first day of a
 * `date` entity, which may be an interval), the number of vans and their capacity.
 *
 * @remarks A `quantity` counts vans only when a van word follows it: "plan a route for 12 local
 * deliveries" names 12 orders, not 12 vans. Counts above the tool's limit are left out so the
 * tool's default applies instead of a refusal. Nothing here is asked for: the tool has defaults.
 */
export function routePlanArgs(options: { parse: ParseResult; now: Date }): Record<string, unknown> {
  const { parse } = options;
  const args: Record<string, unknown> = {};
  const day = entityValue(parse, 'date')?.match(ISO_DAY)?.[0];
  if (day) args.date = day;
  const capacityMatch = CAPACITY.exec(parse.text);
  const capacity = Number(capacityMatch?.[1] ?? capacityMatch?.[2] ?? capacityMatch?.[3]);
  if (Number.isInteger(capacity) && capacity >= 1) args.capacity = capacity;
  const vans = vanCount(parse);
  if (vans !== undefined && vans >= 1 && vans <= MAX_VANS) args.vans = vans;
  return args;
}

function vanCount(parse: ParseResult): number | undefined {
  const written = VANS_IN_TEXT.exec(parse.text)?.[1];
  if (written) return Number(written);
  const quantity = parse.entities.find((e) => e.type === 'quantity' && (COUNTS_VANS.test(parse.text.slice(e.end)) || /辆|台/.test(e.text)));
  const value = Number(quantity?.value);
  return Number.isInteger(value) ? value : undefined;
}

/**
 * Route-planning tasks, keyed by the intent that starts them; staff only (the tool's roles say so).
 *
 * @remarks `shipment_eta` has no task here: customers reach it through the order conversation.
 */
export const ROUTE_TASKS: Record<string, Task> = {
  route_plan: { intent: 'route_plan', tool: 'route_plan', slots: [warehouseSlot], needsCustomer: false, initialArgs: routePlanArgs },
  /** Staff asking where any customer's order is get its planned arrival. */
  order_status: { intent: 'order_status', tool: 'shipment_eta', slots: [staffOrderIdSlot], needsCustomer: false },
};
