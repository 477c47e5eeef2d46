import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/index.js';
import type { SupplierRef } from './types.js';
import { parseInput } from '../../core/validation.js';

/** What the store knows about buying one SKU: its supplier, stated lead time and available stock. */
export interface SupplyFacts {
  sku: string;
  name: string;
  supplier: SupplierRef & { email: string; leadTimeDays: number };
  /** Available units (on hand − reserved, floored at 0 per warehouse), summed over the warehouses read. */
  available: number;
}

/** Options of {@link readSupplyFacts}. */
export interface ReadSupplyFactsOptions {
  db: Kysely<Database>;
  /** Only stock in these warehouse codes; all when absent. */
  warehouses?: readonly string[];
  /** Only these SKUs; all active products when absent. */
  skus?: readonly string[];
}

const FilterSchema = z.object({
  warehouses: z.array(z.string().min(1).max(16)).max(100).optional(),
  skus: z.array(z.string().min(1).max(64)).max(1000).optional(),
});

/**
 * Supplier, lead time and available stock per active SKU, by SKU.
 *
 * @remarks Pack sizes, MOQs, purchase prices, units on order and forecast error are not in the
 * store; the caller adds them (and demand) to build {@link ReplenishmentItem}s.
 */
export async function readSupplyFacts(options: ReadSupplyFactsOptions): Promise<SupplyFacts[]> {
  const filter = parseInput(FilterSchema, { warehouses: options.warehouses, skus: options.skus }, 'supply filter');
  let query = options.db
    .selectFrom('products')
    .innerJoin('suppliers', 'suppliers.id', 'products.supplier_id')
    .innerJoin('stock', 'stock.product_id', 'products.id')
    .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
    .select(['products.sku', 'products.name', 'suppliers.id as supplierId', 'suppliers.name as supplierName', 'suppliers.email', 'suppliers.lead_time_days', 'stock.on_hand', 'stock.reserved'])
    .where('products.active', '=', 1);
  if (filter.warehouses) query = query.where('warehouses.code', 'in', filter.warehouses.length > 0 ? filter.warehouses : ['']);
  if (filter.skus) query = query.where('products.sku', 'in', filter.skus.length > 0 ? filter.skus : ['']);
  const rows = await query.orderBy('products.sku').execute();
  const bySku = new Map<string, SupplyFacts>();
  for (const row of rows) {
    const facts = bySku.get(row.sku) ?? {
      sku: row.sku,
      name: row.name,
      supplier: { id: row.supplierId, name: row.supplierName, email: row.email, leadTimeDays: row.lead_time_days },
      available: 0,
    };
    facts.available += Math.max(0, row.on_hand - row.reserved);
    bySku.set(row.sku, facts);
  }
  return [...bySku.values()];
}
