import type { Kysely } from 'kysely';
import { z } from 'zod';
import { NotFoundError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Database } from '../../store/index.js';
import {
  DeliverySettingsSchema, buildDeliveryProblem, minutesOf, toDeliveryPlan,
  type DeliveryPlan, type DeliverySettingsInput,
} from './delivery-problem.js';
import {
  WAITING_STATUSES, type DeliveryDay, type DeliveryOrder, type PostcodeLocator, type DeliveryWarehouse,
} from './delivery-types.js';
import { zonedInstant } from './local-time.js';
import { planRoutes } from './solver.js';

/** Every warehouse, by code. */
export async function listWarehouses(options: { db: Kysely<Database> }): Promise<DeliveryWarehouse[]> {
  return options.db.selectFrom('warehouses').select(['id', 'code', 'name', 'city', 'lat', 'lng']).orderBy('code').execute();
}

/**
 * The warehouse with `code` (case-insensitive).
 *
 * @throws {@link NotFoundError} naming the known codes in `details.known`.
 */
export async function findWarehouse(options: { db: Kysely<Database>; code: string }): Promise<DeliveryWarehouse> {
  const all = await listWarehouses(options);
  const found = all.find((w) => w.code.toUpperCase() === options.code.trim().toUpperCase());
  if (!found) throw new NotFoundError(`warehouse ${options.code}`, { warehouse: options.code, known: all.map((w) => w.code) });
  return found;
}

/** Which warehouse's waiting orders to read, and how to place their postcodes. */
export interface ReadDeliveriesOptions {
  db: Kysely<Database>;
  warehouse: DeliveryWarehouse;
  locate: PostcodeLocator;
  /** ISO time: only orders placed before it count (an order placed after the vans left cannot be on them). */
  placedBefore?: string;
}

const AddressFields = z.object({ city: z.string(), postcode: z.string() });

/**
 * Orders waiting at one warehouse ({@link WAITING_STATUSES}), with their units and location.
 *
 * @remarks Ordered by order number so the same store always gives the same problem. An
 * address that cannot be read or a postcode the locator does not know puts the order in
 * `unlocated` instead of dropping it.
 */
export async function readDeliveries(options: ReadDeliveriesOptions): Promise<DeliveryDay> {
  let query = options.db
    .selectFrom('orders')
    .leftJoin('order_lines', 'order_lines.order_id', 'orders.id')
    .select(['orders.id', 'orders.customer_id', 'orders.status', 'orders.delivery_address'])
    .select((eb) => eb.fn.sum<number | string | null>('order_lines.quantity').as('units'))
    .where('orders.warehouse_id', '=', options.warehouse.id)
    .where('orders.status', 'in', [...WAITING_STATUSES]);
  if (options.placedBefore) query = query.where('orders.placed_at', '<', options.placedBefore);
  const rows = await query
    .groupBy(['orders.id', 'orders.customer_id', 'orders.status', 'orders.delivery_address'])
    .orderBy('orders.id')
    .execute();
  const day: DeliveryDay = { warehouse: options.warehouse, located: [], unlocated: [] };
  for (const row of rows) {
    const address = readAddress(row.delivery_address);
    const order: DeliveryOrder = {
      orderId: row.id, customerId: row.customer_id, status: row.status,
      town: address?.city ?? '', postcode: address?.postcode ?? '', units: Number(row.units ?? 0),
    };
    const place = address ? options.locate(address.postcode) : null;
    if (place) day.located.push({ ...order, lat: place.lat, lng: place.lng });
    else day.unlocated.push(order);
  }
  return day;
}

function readAddress(json: string): z.infer<typeof AddressFields> | null {
  try {
    const parsed = AddressFields.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** What {@link planDeliveries} needs besides its settings. */
export interface PlanDeliveriesOptions extends DeliverySettingsInput {
  db: Kysely<Database>;
  locate: PostcodeLocator;
  /** Warehouse code, for example `LDS`. */
  warehouse: string;
  signal?: AbortSignal;
}

/**
 * Plans one day's van runs from a warehouse to the orders waiting there.
 *
 * @remarks Deterministic: the solver runs with the settings' fixed seed and iteration count, so
 * the same orders and settings give the same plan on any machine. Orders larger than a van,
 * orders no van can reach and return from within the shift, and orders that do not fit the
 * fleet come back in `unserved`; orders whose postcode cannot be placed in `unlocated`.
 * Nothing is stored: pass the result to `saveRoutePlan` to keep it.
 * @throws {@link InvalidInputError} for bad settings; {@link NotFoundError} for an unknown warehouse.
 * @example
 * const plan = await planDeliveries({ db, locate, warehouse: 'LDS', date: '2026-11-26', vans: 3 });
 */
export async function planDeliveries(options: PlanDeliveriesOptions): Promise<DeliveryPlan> {
  const { db, locate, warehouse, signal, ...input } = options;
  const settings = parseInput(DeliverySettingsSchema, input, 'delivery plan settings');
  const site = await findWarehouse({ db, code: warehouse });
  const placedBefore = zonedInstant({ date: settings.date, minutes: minutesOf(settings.shiftStart), timeZone: settings.timeZone }).toISOString();
  const day = await readDeliveries({ db, warehouse: site, locate, placedBefore });
  const fits = day.located.filter((d) => d.units <= settings.capacity);
  const tooBig = day.located.filter((d) => d.units > settings.capacity);
  const routePlan = planRoutes(buildDeliveryProblem({ warehouse: site, stops: fits, settings }), {
    seed: settings.seed, maxIterations: settings.maxIterations, ...(signal ? { signal } : {}),
  });
  return toDeliveryPlan({ day, stops: fits, tooBig, settings, routePlan, placedBefore });
}
