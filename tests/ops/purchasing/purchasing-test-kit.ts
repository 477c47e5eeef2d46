import type { Kysely } from 'kysely';
import type { Database } from '../../../store/index.js';

const DAY_MS = 86_400_000;

/**
 * Gives one SKU in one warehouse a known history: `unitsPerDay` sold on each of the last `days`
 * days up to yesterday, nothing before, and `onHand` units with none reserved.
 */
export async function constantSales(
  db: Kysely<Database>,
  options: { sku: string; warehouse: string; unitsPerDay: number; days: number; now: Date; onHand: number },
): Promise<void> {
  const product = await db.selectFrom('products').select('id').where('sku', '=', options.sku).executeTakeFirstOrThrow();
  const warehouse = await db.selectFrom('warehouses').select('id').where('code', '=', options.warehouse).executeTakeFirstOrThrow();
  await db.deleteFrom('sales_daily').where('product_id', '=', product.id).where('warehouse_id', '=', warehouse.id).execute();
  const rows = Array.from({ length: options.days }, (_, i) => ({
    date: new Date(options.now.getTime() - (i + 1) * DAY_MS).toISOString().slice(0, 10),
    product_id: product.id,
    warehouse_id: warehouse.id,
    units: options.unitsPerDay,
    revenue_minor: 0,
    promo: 0,
  }));
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('sales_daily').values(rows.slice(i, i + 100)).execute();
  await db.updateTable('stock').set({ on_hand: options.onHand, reserved: 0 })
    .where('product_id', '=', product.id).where('warehouse_id', '=', warehouse.id).execute();
}
