import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.js';

export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('phone', 'text')
    .addColumn('default_address', 'text', notNull)
    .addColumn('locale', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await db.schema.createTable('suppliers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', notNull)
    .addColumn('email', 'text', notNull)
    .addColumn('country', 'text', notNull)
    .addColumn('lead_time_days', 'integer', notNull)
    .execute();

  await db.schema.createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('category', 'text', notNull)
    .addColumn('price_minor', 'integer', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('supplier_id', 'integer', (c) => c.notNull().references('suppliers.id'))
    .addColumn('attributes', 'text', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema.createTable('warehouses')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('city', 'text', notNull)
    .addColumn('lat', 'real', notNull)
    .addColumn('lng', 'real', notNull)
    .execute();

  await db.schema.createTable('stock')
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('on_hand', 'integer', notNull)
    .addColumn('reserved', 'integer', notNull)
    .addColumn('reorder_point', 'integer', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('stock_pk', ['warehouse_id', 'product_id'])
    .execute();

  await db.schema.createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('placed_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('subtotal_minor', 'integer', notNull)
    .addColumn('shipping_minor', 'integer', notNull)
    .addColumn('total_minor', 'integer', notNull)
    .addColumn('delivery_address', 'text', notNull)
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .execute();
  await db.schema.createIndex('orders_customer_idx').on('orders').columns(['customer_id', 'placed_at']).execute();
  await db.schema.createIndex('orders_status_idx').on('orders').column('status').execute();

  await withId(db.schema.createTable('order_lines'), dialect)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', notNull)
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('sku', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('quantity', 'integer', notNull)
    .addColumn('unit_price_minor', 'integer', notNull)
    .addColumn('returned_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('order_lines_order_idx').on('order_lines').column('order_id').execute();

  await withId(db.schema.createTable('order_status_history'), dialect)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('at', 'text', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('order_history_order_idx').on('order_status_history').column('order_id').execute();

  await withId(db.schema.createTable('shipments'), dialect)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('carrier', 'text', notNull)
    .addColumn('tracking_number', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('shipped_at', 'text', notNull)
    .addColumn('promised_date', 'text', notNull)
    .addColumn('estimated_date', 'text', notNull)
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('shipments_order_idx').on('shipments').column('order_id').execute();

  await withId(db.schema.createTable('returns'), dialect)
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('reason', 'text')
    .addColumn('refund_minor', 'integer', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('returns_order_idx').on('returns').column('order_id').execute();

  await withId(db.schema.createTable('return_lines'), dialect)
    .addColumn('return_id', 'integer', (c) => c.notNull().references('returns.id'))
    .addColumn('order_line_id', 'integer', (c) => c.notNull().references('order_lines.id'))
    .addColumn('quantity', 'integer', notNull)
    .execute();

  await db.schema.createTable('sales_daily')
    .addColumn('date', 'text', notNull)
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('warehouse_id', 'integer', (c) => c.notNull().references('warehouses.id'))
    .addColumn('units', 'integer', notNull)
    .addColumn('revenue_minor', 'integer', notNull)
    .addColumn('promo', 'integer', notNull)
    .addPrimaryKeyConstraint('sales_daily_pk', ['product_id', 'warehouse_id', 'date'])
    .execute();

  await db.schema.createTable('staff_users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  await db.schema.createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', notNull)
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('staff_user_id', 'integer', (c) => c.references('staff_users.id'))
    .addColumn('state', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(db.schema.createTable('messages'), dialect)
    .addColumn('activity_id', 'text', (c) => c.notNull().unique())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('direction', 'text', notNull)
    .addColumn('channel', 'text', notNull)
    .addColumn('user_id', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('intent', 'text')
    .addColumn('entities', 'text')
    .addColumn('confidence', 'real')
    .addColumn('sentiment', 'real')
    .addColumn('client_message_id', 'text')
    .addColumn('reply_to_id', 'text')
    .addColumn('payload', 'text')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await db.schema.createIndex('messages_conversation_idx').on('messages').columns(['conversation_id', 'id']).execute();
  // A client message id is processed once per conversation: the unique index makes a
  // concurrent duplicate fail at insert instead of being answered twice.
  await db.schema.createIndex('messages_client_id_uq').on('messages')
    .columns(['conversation_id', 'client_message_id']).unique().execute();

  await withId(db.schema.createTable('audit_log'), dialect)
    .addColumn('at', 'text', notNull)
    .addColumn('actor_type', 'text', notNull)
    .addColumn('actor_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('tool', 'text', notNull)
    .addColumn('arguments', 'text', notNull)
    .addColumn('result', 'text', notNull)
    .addColumn('outcome', 'text', notNull)
    .execute();
  await db.schema.createIndex('audit_conversation_idx').on('audit_log').column('conversation_id').execute();

  await withId(db.schema.createTable('identity_attempts'), dialect)
    .addColumn('key', 'text', notNull)
    .addColumn('at', 'text', notNull)
    .execute();
  await db.schema.createIndex('identity_attempts_key_idx').on('identity_attempts').columns(['key', 'at']).execute();
}
