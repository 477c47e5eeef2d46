import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/index.js';
import type { CatalogItem, OrderBasket } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Options of {@link readOrderBaskets}. */
export interface ReadBasketsOptions {
  db: Kysely<Database>;
  /** Only orders placed before this ISO-8601 time; all when absent. */
  before?: string;
}

/**
 * Every order that was not cancelled, as a basket of distinct products, oldest first.
 *
 * @remarks Cancelled orders are left out: a cancellation says the customer did not, in the
 * end, want the products together. Returned orders stay in: they were bought together.
 */
export async function readOrderBaskets(options: ReadBasketsOptions): Promise<OrderBasket[]> {
  const { before } = parseInput(z.object({ before: z.string().datetime().optional() }), { before: options.before }, 'basket filter');
  let query = options.db
    .selectFrom('orders')
    .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
    .select(['orders.id', 'orders.customer_id', 'orders.placed_at', 'order_lines.product_id'])
    .where('orders.status', '!=', 'cancelled');
  if (before) query = query.where('orders.placed_at', '<', new Date(before).toISOString());
  const rows = await query.orderBy('orders.placed_at').orderBy('orders.id').orderBy('order_lines.line_no').execute();
  const baskets = new Map<number, { orderId: number; customerId: number; placedAt: string; productIds: number[] }>();
  for (const row of rows) {
    let basket = baskets.get(row.id);
    if (!basket) baskets.set(row.id, (basket = { orderId: row.id, customerId: row.customer_id, placedAt: row.placed_at, productIds: [] }));
    if (!basket.productIds.includes(row.product_id)) basket.productIds.push(row.product_id);
  }
  return [...baskets.values()];
}

/**
 * Active products with their category and the most units available in any one warehouse.
 *
 * @remarks The best warehouse, not the sum, because an order ships from one warehouse;
 * a product with no stock rows has 0 available and is never recommended.
 */
export async function readCatalog(options: { db: Kysely<Database> }): Promise<CatalogItem[]> {
  const products = await options.db.selectFrom('products').select(['id', 'category']).where('active', '=', 1).orderBy('id').execute();
  const stock = await options.db.selectFrom('stock').select(['product_id', 'on_hand', 'reserved']).execute();
  const best = new Map<number, number>();
  for (const row of stock) best.set(row.product_id, Math.max(best.get(row.product_id) ?? 0, row.on_hand - row.reserved));
  return products.map((p) => ({ productId: p.id, category: p.category, available: best.get(p.id) ?? 0 }));
}
