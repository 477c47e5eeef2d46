import type { Kysely } from 'kysely';
import { CounterpartError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { Address, Database } from '../../store/index.js';
import { distanceCosts, warehouseOptions, type DistanceTariff, type LatLng, type WarehouseCost, type WarehouseSite } from './costs.js';
import { explainWarehouseChoice, type WarehouseChoiceExplanation } from './why.js';

/** Prices shipping from each site to an address. */
export type ShippingCostFn = (input: { address: Address; sites: readonly WarehouseSite[] }) => Readonly<Record<string, WarehouseCost>>;

/**
 * A {@link ShippingCostFn} that places the address with `locate` and prices by distance.
 *
 * @throws {@link InvalidInputError} when `locate` cannot place the postcode.
 */
export function distanceShippingCost(options: { locate: (postcode: string) => LatLng | null; tariff: DistanceTariff }): ShippingCostFn {
  return ({ address, sites }) => {
    const destination = options.locate(address.postcode);
    if (!destination) throw new InvalidInputError(`Cannot place postcode ${address.postcode} to price shipping`);
    return distanceCosts({ sites, destination, tariff: options.tariff });
  };
}

/** Options of {@link explainOrderWarehouse}. */
export interface ExplainOrderWarehouseOptions {
  db: Kysely<Database>;
  orderId: number;
  /** When given, the order must belong to this customer (else `NotFoundError('order')`). */
  customerId?: number;
  shippingCost: ShippingCostFn;
}

/** The answer, with what stock it was judged on. */
export interface OrderWarehouseExplanation extends WarehouseChoiceExplanation {
  orderId: number;
  /** Always `now-plus-order`: today's available stock with this order's units added back to its warehouse. */
  stockBasis: 'now-plus-order';
}

/**
 * "Why did order X ship from W?", answered from the store.
 *
 * @remarks The store keeps current stock only. This order's units are added back to the warehouse
 * it shipped from (they are reserved there, or have left), which approximates what that
 * warehouse had when the order was placed; other orders since then are not undone.
 * @throws {@link NotFoundError} `order` when the order does not exist (or is another customer's).
 */
export async function explainOrderWarehouse(options: ExplainOrderWarehouseOptions): Promise<OrderWarehouseExplanation> {
  const { db, orderId } = options;
  let orderQuery = db.selectFrom('orders').select(['id', 'warehouse_id', 'delivery_address', 'currency', 'customer_id']).where('id', '=', orderId);
  if (options.customerId !== undefined) orderQuery = orderQuery.where('customer_id', '=', options.customerId);
  const order = Number.isSafeInteger(orderId) ? await orderQuery.executeTakeFirst() : undefined;
  if (!order) throw new NotFoundError('order');
  const [lines, siteRows] = await Promise.all([
    db.selectFrom('order_lines').select(['sku', 'quantity', 'product_id']).where('order_id', '=', order.id).orderBy('line_no').execute(),
    db.selectFrom('warehouses').select(['id', 'code', 'city', 'lat', 'lng']).orderBy('code').execute(),
  ]);
  const stockRows = lines.length === 0 ? [] : await db
    .selectFrom('stock')
    .innerJoin('products', 'products.id', 'stock.product_id')
    .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
    .select(['products.sku', 'warehouses.id as warehouseId', 'warehouses.code', 'stock.on_hand', 'stock.reserved'])
    .where('stock.product_id', 'in', lines.map((l) => l.product_id))
    .execute();
  const shippedFrom = siteRows.find((s) => s.id === order.warehouse_id)?.code ?? String(order.warehouse_id);
  const stock = stockRows.map((row) => ({
    sku: row.sku,
    warehouse: row.code,
    available: Math.max(0, row.on_hand - row.reserved) + (row.warehouseId === order.warehouse_id ? orderedUnits(lines, row.sku) : 0),
  }));
  const sites: WarehouseSite[] = siteRows.map((s) => ({ code: s.code, name: s.city, lat: s.lat, lng: s.lng }));
  const costs = options.shippingCost({ address: readAddress(order.delivery_address), sites });
  const answer = explainWarehouseChoice({
    shippedFrom,
    request: { lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), warehouses: warehouseOptions({ sites, stock, costs }), currency: order.currency },
  });
  return { ...answer, orderId: order.id, stockBasis: 'now-plus-order' };
}

function orderedUnits(lines: readonly { sku: string; quantity: number }[], sku: string): number {
  return lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
}

function readAddress(json: string): Address {
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && 'postcode' in value && 'country' in value) return value as Address;
  } catch {
    // fall through to the error below
  }
  throw new CounterpartError({ code: 'corrupt_record', message: 'stored address is not a valid Address', userMessage: 'Something went wrong on our side. Please try again later.' });
}
