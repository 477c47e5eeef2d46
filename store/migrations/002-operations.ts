import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.js';

/**
 * Draft purchase orders staff confirm in chat, and the delivery route plans they ask for.
 *
 * @remarks Route stops are stored so a customer's ETA can be read from the plan their parcel is on.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await withId(db.schema.createTable('purchase_orders'), dialect)
    .addColumn('supplier_id', 'integer', (c) => c.notNull().references('suppliers.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('total_units', 'integer', notNull)
    .addColumn('total_minor', 'integer')
    .addColumn('created_by', 'text', notNull)
    .addColumn('conversation_id', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('purchase_orders_supplier_idx').on('purchase_orders').columns(['supplier_id', 'status']).execute();

  await withId(db.schema.createTable('purchase_order_lines'), dialect)
    .addColumn('purchase_order_id', 'integer', (c) => c.notNull().references('purchase_orders.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('sku', 'text', notNull)
    .addColumn('warehouse_id', 'integer', (c) => c.references('warehouses.id'))
    .addColumn('quantity', 'integer', notNull)
    .addColumn('pack_size', 'integer', notNull)
    .addColumn('unit_cost_minor', 'integer')
    .addColumn('reasoning', 'text', notNull)
    .execute();
  await db.schema.createIndex('purchase_order_lines_po_idx').on('purchase_order_lines').column('purchase_order_id').execute();

  await withId(db.schema.createTable('route_plans'), dialect)
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('date', 'text', notNull)
    .addColumn('vehicles', 'integer', notNull)
    .addColumn('total_km', 'real', notNull)
    .addColumn('plan', 'text', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('route_plans_day_idx').on('route_plans').columns(['warehouse_id', 'date']).execute();

  await withId(db.schema.createTable('route_stops'), dialect)
    .addColumn('route_plan_id', 'integer', (c) => c.notNull().references('route_plans.id'))
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('vehicle', 'integer', notNull)
    .addColumn('seq', 'integer', notNull)
    .addColumn('arrival', 'text', notNull)
    .execute();
  await db.schema.createIndex('route_stops_order_idx').on('route_stops').column('order_id').execute();
}
