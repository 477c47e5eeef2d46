import type { Insertable } from 'kysely';
import type { StockTable } from '../schema.js';
import type { SeedProduct } from './catalog.js';
import type { SeedOrder } from './order-model.js';
import type { Rng } from './random.js';
import { SUPPLIERS, WAREHOUSES, WAREHOUSE_SHARE } from './reference.js';
import { HOUR_MS, isoTime } from './time.js';

/** Days of demand kept as safety stock on top of the supplier's lead time. */
const SAFETY_DAYS = 7;

/** Units held for orders that are paid or packed but not yet dispatched, per warehouse and product. */
function reservedUnits(orders: readonly SeedOrder[]): Map<string, number> {
  const reserved = new Map<string, number>();
  for (const order of orders) {
    if (order.status !== 'paid' && order.status !== 'packed') continue;
    for (const line of order.lines) {
      const key = `${order.warehouseId}:${line.product.row.id}`;
      reserved.set(key, (reserved.get(key) ?? 0) + line.quantity);
    }
  }
  return reserved;
}

/**
 * Stock per product and warehouse: mostly healthy, some below the reorder point, some out.
 *
 * @remarks `reserved` matches the open orders exactly and `on_hand` is never below it
 * (reserved units are still on the shelf until dispatch), so available stock is never negative.
 */
export function buildStock(rng: Rng, options: { products: readonly SeedProduct[]; orders: readonly SeedOrder[]; nowMs: number }): Insertable<StockTable>[] {
  const reserved = reservedUnits(options.orders);
  const rows: Insertable<StockTable>[] = [];
  for (const product of options.products) {
    const leadTime = SUPPLIERS.find((s) => s.id === product.row.supplier_id)?.lead_time_days ?? 14;
    for (const warehouse of WAREHOUSES) {
      const daily = product.baseRate * (WAREHOUSE_SHARE[warehouse.id] ?? 0.3);
      const reorderPoint = Math.max(2, Math.ceil(daily * (leadTime + SAFETY_DAYS)));
      const held = reserved.get(`${warehouse.id}:${product.row.id}`) ?? 0;
      const roll = rng.next();
      let free: number;
      if (roll < 0.07) free = 0;
      else if (roll < 0.2) free = rng.int(1, Math.max(1, reorderPoint - 1));
      else free = reorderPoint + Math.ceil(daily * rng.float(5, 60)) + rng.int(0, 5);
      rows.push({
        warehouse_id: warehouse.id,
        product_id: product.row.id,
        on_hand: held + free,
        reserved: held,
        reorder_point: reorderPoint,
        updated_at: isoTime(options.nowMs - rng.float(0.5, 30) * HOUR_MS),
      });
    }
  }
  return rows;
}
