import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  createPostcodeLocator, distanceShippingCost, explainOrderWarehouse,
  type DistanceTariff, type OrderWarehouseExplanation, type PostcodePlace,
} from '../../ops/index.js';
import type { Database } from '../../store/index.js';
import { TOWNS } from '../../store/seed/uk-data.js';
import { allocationMessages, type NamedWarehouse, type WarehouseMention } from '../messages/allocation.js';
import { ToolRegistry, type BotTool } from './registry.js';
import { STAFF_ROLES_FOR } from './staff-roles.js';

/**
 * The tariff the explanation prices shipping with: £2.50 a parcel plus 1p a km.
 *
 * @remarks The shop keeps no carrier rate cards; this is the tariff the allocation tests use, and
 * the reply states it as an assumption. Only the ranking of warehouses matters for the answer.
 */
export const DEFAULT_TARIFF: DistanceTariff = { baseMinor: 250, perKmMinor: 1 };

const ExplainArgs = z.object({
  orderId: z.number().int().positive(),
  /** The warehouse the staff member mentioned: a code (`LDS`), a city or a warehouse name. */
  warehouse: z.string().trim().min(1).max(64).optional(),
}).strict();

/** Arguments of `explain_order_warehouse`. */
export type ExplainOrderWarehouseArgs = z.infer<typeof ExplainArgs>;

/** The tool's data: the ops explanation, the warehouse's name, and what the staff member said. */
export interface OrderWarehouseAnswer extends OrderWarehouseExplanation {
  shippedFromName: string;
  mention?: WarehouseMention;
}

/** Options of {@link createExplainOrderWarehouseTool}. */
export interface AllocationToolOptions {
  /**
   * Postcode districts with coordinates, to place delivery addresses.
   * @defaultValue the demo shop's UK towns (`store/seed/uk-data.ts`)
   */
  places?: readonly PostcodePlace[];
  /** @defaultValue {@link DEFAULT_TARIFF} */
  tariff?: DistanceTariff;
}

/** A warehouse with its code, city (`name`) and full name (`title`). */
interface WarehouseRow extends NamedWarehouse {
  title: string;
}

/**
 * The warehouse a staff member means by `said`: its code, city or full name (any case), else the
 * one whose city the words contain ("the Leeds warehouse"); undefined when we have none there.
 */
function resolveWarehouse(said: string, warehouses: readonly WarehouseRow[]): NamedWarehouse | undefined {
  const words = said.trim().toLowerCase();
  const exact = warehouses.find((w) => [w.code, w.name, w.title].some((v) => v.toLowerCase() === words));
  const found = exact ?? warehouses.find((w) => words.includes(w.name.toLowerCase()));
  return found && { code: found.code, name: found.name };
}

async function readWarehouses(db: Kysely<Database>): Promise<WarehouseRow[]> {
  const rows = await db.selectFrom('warehouses').select(['code', 'city', 'name']).orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.city, title: r.name }));
}

/**
 * Builds `explain_order_warehouse`: "why did order X ship from W?" for staff.
 *
 * @remarks Read-only and staff-only. The allocation is re-run with today's stock (this order's units
 * added back to its warehouse) and a distance tariff, so the reply says which warehouse shipped it,
 * how every warehouse compares, why this one wins, and plainly when the warehouse the staff member
 * named is not the one it shipped from. An unknown order is `NotFoundError('order')`.
 * @example
 * registry.register(createExplainOrderWarehouseTool({ tariff: { baseMinor: 300, perKmMinor: 2 } }));
 */
export function createExplainOrderWarehouseTool(options: AllocationToolOptions = {}): BotTool<ExplainOrderWarehouseArgs, OrderWarehouseAnswer> {
  const tariff = options.tariff ?? DEFAULT_TARIFF;
  const shippingCost = distanceShippingCost({ locate: createPostcodeLocator(options.places ?? TOWNS), tariff });
  return {
    name: 'explain_order_warehouse',
    description: 'Why an order shipped from its warehouse: each warehouse\'s stock and shipping cost, and the rule that chose it.',
    args: ExplainArgs,
    roles: ['staff'],
    staffRoles: STAFF_ROLES_FOR.orders,
    changesState: false,
    async run(ctx, args) {
      const [answer, warehouses] = await Promise.all([
        explainOrderWarehouse({ db: ctx.db, orderId: args.orderId, shippingCost }),
        readWarehouses(ctx.db),
      ]);
      const shippedFrom = warehouses.find((w) => w.code === answer.shippedFrom) ?? { code: answer.shippedFrom, name: answer.shippedFrom };
      const mention = args.warehouse === undefined ? undefined : { said: args.warehouse, warehouse: resolveWarehouse(args.warehouse, warehouses) };
      const text = allocationMessages[ctx.language].orderWarehouse({
        orderId: answer.orderId, shippedFrom: { code: shippedFrom.code, name: shippedFrom.name }, plan: answer.plan, matchesPlan: answer.matchesPlan, mention, tariff,
      });
      return { data: { ...answer, shippedFromName: shippedFrom.name, ...(mention ? { mention } : {}) }, text };
    },
  };
}

/** `explain_order_warehouse` with the default places and tariff. */
export const explainOrderWarehouseTool = createExplainOrderWarehouseTool();

/**
 * Registers the allocation tools (`explain_order_warehouse`) on a registry.
 *
 * @remarks Staff-only and read-only; the registry refuses customers before the tool runs.
 */
export function registerAllocationTools(registry: ToolRegistry = new ToolRegistry()): ToolRegistry {
  return registry.register(explainOrderWarehouseTool);
}
