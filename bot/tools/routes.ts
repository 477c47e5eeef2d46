import { z } from 'zod';
import type { Caller } from '../../core/tools.js';
import {
  DELIVERY_DEFAULTS, createPostcodeLocator, listWarehouses, planDeliveries, plusDays, readDeliveryEstimate, saveRoutePlan, zonedDay,
  type DeliveryEstimate, type DeliveryPlan, type PostcodeLocator,
} from '../../ops/index.js';
import { TOWNS } from '../../store/seed/uk-data.js';
import { routeMessages } from '../messages/routes.js';
import { customerOf } from './orders.js';
import { ToolRegistry, type BotTool } from './registry.js';
import { STAFF_ROLES_FOR } from './staff-roles.js';

/** Most vans a plan asked for in chat may use; more is a fleet decision, not a chat one. */
export const MAX_VANS = 20;

const Warehouse = z.string().trim().toUpperCase().pipe(z.string().min(1).max(16));
const RoutePlanArgs = z.object({
  warehouse: Warehouse,
  /** The delivery day. @defaultValue tomorrow in the shop's time zone */
  date: z.iso.date().optional(),
  /** @defaultValue `DELIVERY_DEFAULTS.vans` */
  vans: z.number().int().min(1).max(MAX_VANS).optional(),
  /** Units per van. @defaultValue `DELIVERY_DEFAULTS.capacity` */
  capacity: z.number().int().min(1).max(10_000).optional(),
}).strict();
const EtaArgs = z.object({ orderId: z.number().int().positive() }).strict();

/** What the route-plan tool returns: the stored plan's id and the plan without the solver's raw output. */
export interface RoutePlanResult {
  routePlanId: number;
  plan: Omit<DeliveryPlan, 'routePlan'>;
}

/** How the route tools place postcodes. */
export interface RouteToolsOptions {
  /**
   * Places postcodes on the map.
   * @defaultValue the demo shop's towns (`createPostcodeLocator(TOWNS)`)
   */
  locate?: PostcodeLocator;
}

/** Who made the plan, as `route_plans.created_by` records it. */
const planner = (caller: Caller) => (caller.staffId === undefined ? 'staff' : `staff:${caller.staffId}`);

/**
 * `route_plan`: plans and stores one day's van runs from a warehouse, and shows them as tables.
 *
 * @remarks `changesState` is false although the plan is stored: the row is a record of what was
 * planned (so customers can read their ETA), it changes no order, stock or money, so there is
 * nothing for staff to confirm first. A new plan for the same day supersedes the earlier one.
 */
export function createRoutePlanTool(options: RouteToolsOptions = {}): BotTool<z.infer<typeof RoutePlanArgs>, RoutePlanResult | null> {
  const locate = options.locate ?? createPostcodeLocator(TOWNS);
  return {
    name: 'route_plan',
    description: 'Plan and save the van delivery routes for one warehouse and day: stops per van with arrival times, orders that do not fit.',
    args: RoutePlanArgs,
    roles: ['staff'],
    staffRoles: STAFF_ROLES_FOR.routes,
    changesState: false,
    async run(ctx, args) {
      const m = routeMessages[ctx.language];
      const today = zonedDay(ctx.now, DELIVERY_DEFAULTS.timeZone);
      const date = args.date ?? plusDays(today, 1);
      if (date < today) return { data: null, text: m.pastDate({ date }) };
      const known = (await listWarehouses({ db: ctx.db })).map((w) => w.code);
      if (!known.includes(args.warehouse)) return { data: null, text: m.unknownWarehouse({ warehouse: args.warehouse, known }) };
      const plan = await planDeliveries({
        db: ctx.db, locate, warehouse: args.warehouse, date,
        ...(args.vans === undefined ? {} : { vans: args.vans }),
        ...(args.capacity === undefined ? {} : { capacity: args.capacity }),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      const { routePlanId } = await saveRoutePlan({ db: ctx.db, plan, createdBy: planner(ctx.caller), now: ctx.now });
      const { routePlan: _solverOutput, ...summary } = plan;
      return { data: { routePlanId, plan: summary }, text: m.planReply({ plan, routePlanId }) };
    },
  };
}

/**
 * `shipment_eta`: when an order arrives, from the stored van plan, else the carrier's estimate.
 *
 * @remarks Customers may ask about their own orders only; another customer's order is reported
 * exactly like a missing one (`NotFoundError`), as the order tools do. Staff may ask about any.
 */
export const shipmentEtaTool: BotTool<z.infer<typeof EtaArgs>, DeliveryEstimate> = {
  name: 'shipment_eta',
  description: 'Planned arrival of an order: the van plan when there is one, else the carrier estimate.',
  args: EtaArgs,
  roles: ['customer', 'staff'],
  changesState: false,
  async run(ctx, args) {
    const customerId = ctx.caller.role === 'staff' ? undefined : customerOf(ctx.caller);
    const estimate = await readDeliveryEstimate({ db: ctx.db, orderId: args.orderId, now: ctx.now, ...(customerId === undefined ? {} : { customerId }) });
    return { data: estimate, text: routeMessages[ctx.language].etaReply({ estimate, timeZone: DELIVERY_DEFAULTS.timeZone }) };
  },
};

/**
 * Registers `route_plan` (staff) and `shipment_eta` (customers and staff) on a registry.
 *
 * @example
 * const tools = registerRouteTools(createBotTools());
 */
export function registerRouteTools(registry: ToolRegistry = new ToolRegistry(), options: RouteToolsOptions = {}): ToolRegistry {
  return registry.register(createRoutePlanTool(options)).register(shipmentEtaTool);
}
