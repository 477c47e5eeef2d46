import type { Insertable, Kysely } from 'kysely';
import { DependencyError, RuleViolationError, isCounterpartError } from '../../core/errors.js';
import type { Database, ReturnLinesTable } from '../schema.js';
import type { DemoOrderIds } from './demo-customer.js';
import { generateShop, type ShopData } from './generate.js';
import { MAX_PARAMETERS, insertChunked } from './insert.js';
import { resolveSeedOptions, type SeedOptions, type SeedScale } from './options.js';
import { SUPPLIERS, WAREHOUSES } from './reference.js';
import { customerRow, historyRows, orderLineRows, orderRow, returnRow, shipmentRow } from './rows.js';

/** Tables the seed writes, in foreign-key order. */
export type SeededTable =
  | 'warehouses' | 'suppliers' | 'products' | 'stock' | 'customers' | 'staff_users' | 'orders' | 'order_lines'
  | 'order_status_history' | 'shipments' | 'returns' | 'return_lines' | 'sales_daily';

/** What {@link seedDemoShop} wrote. */
export interface SeedSummary {
  seed: number;
  scale: SeedScale;
  /** The `now` the shop was generated for, ISO-8601 UTC. */
  now: string;
  /** Rows written per table. */
  counts: Record<SeededTable, number>;
  /** Order number of each of the demo customer's hand-picked orders. */
  demoOrders: DemoOrderIds;
}

type Step = readonly [SeededTable, (db: Kysely<Database>, shop: ShopData) => Promise<number>];

/**
 * Return lines point at generated ids of returns and order lines, so they are looked up
 * after those rows exist rather than guessed, which keeps PostgreSQL sequences untouched.
 */
async function insertReturnLines(db: Kysely<Database>, shop: ShopData): Promise<number> {
  const returned = shop.orders.filter((o) => o.return);
  const returnIds = new Map<number, number>();
  const lineIds = new Map<string, number>();
  for (let i = 0; i < returned.length; i += MAX_PARAMETERS) {
    const orderIds = returned.slice(i, i + MAX_PARAMETERS).map((o) => o.id);
    const returns = await db.selectFrom('returns').select(['id', 'order_id']).where('order_id', 'in', orderIds).execute();
    for (const r of returns) returnIds.set(r.order_id, r.id);
    const lines = await db.selectFrom('order_lines').select(['id', 'order_id', 'line_no']).where('order_id', 'in', orderIds).execute();
    for (const l of lines) lineIds.set(`${l.order_id}:${l.line_no}`, l.id);
  }
  const rows: Insertable<ReturnLinesTable>[] = returned.flatMap((o) => o.return!.lines.map((l) => ({
    return_id: returnIds.get(o.id)!,
    order_line_id: lineIds.get(`${o.id}:${l.lineNo}`)!,
    quantity: l.quantity,
  })));
  return insertChunked(db, 'return_lines', rows);
}

const STEPS: readonly Step[] = [
  ['warehouses', (db) => insertChunked(db, 'warehouses', WAREHOUSES)],
  ['suppliers', (db) => insertChunked(db, 'suppliers', SUPPLIERS)],
  ['products', (db, shop) => insertChunked(db, 'products', shop.products.map((p) => p.row))],
  ['stock', (db, shop) => insertChunked(db, 'stock', shop.stock)],
  ['customers', (db, shop) => insertChunked(db, 'customers', shop.customers.map(customerRow))],
  ['staff_users', (db, shop) => insertChunked(db, 'staff_users', shop.staff)],
  ['orders', (db, shop) => insertChunked(db, 'orders', shop.orders.map(orderRow))],
  ['order_lines', (db, shop) => insertChunked(db, 'order_lines', shop.orders.flatMap(orderLineRows))],
  ['order_status_history', (db, shop) => insertChunked(db, 'order_status_history', shop.orders.flatMap(historyRows))],
  ['shipments', (db, shop) => insertChunked(db, 'shipments', shop.orders.flatMap((o) => shipmentRow(o) ?? []))],
  ['returns', (db, shop) => insertChunked(db, 'returns', shop.orders.flatMap((o) => returnRow(o) ?? []))],
  ['return_lines', insertReturnLines],
  ['sales_daily', (db, shop) => insertChunked(db, 'sales_daily', shop.sales)],
];

/**
 * Whether the shop has no products yet, the signal to seed it on first start.
 *
 * @example
 * if (await isDatabaseEmpty(store.db)) await seedDemoShop(store.db);
 */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('products').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Fills an empty database with the deterministic demo shop "Northwind Outfitters".
 *
 * @remarks Everything is generated in memory first and then written in one transaction
 * with multi-row inserts, so a failure leaves the database empty and the demo scale
 * seeds in a few seconds. The same `seed` and `now` always produce the same rows.
 * @throws `InvalidInputError` when an option is malformed.
 * @throws `RuleViolationError` (`seed_target_not_empty`) when the shop already has products.
 * @throws `DependencyError` when the database rejects the writes.
 *
 * @example
 * const summary = await seedDemoShop(store.db, { scale: 'demo', onProgress: (step, done, total) => log(step, done, total) });
 */
export async function seedDemoShop(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedSummary> {
  const resolved = resolveSeedOptions(options);
  if (!(await isDatabaseEmpty(db))) {
    throw new RuleViolationError({
      code: 'seed_target_not_empty',
      userMessage: 'The shop database already has products; the demo shop can only be seeded into an empty database.',
    });
  }
  const total = STEPS.length + 1;
  const shop = generateShop(resolved);
  options.onProgress?.('generate', 1, total);
  const counts = {} as Record<SeededTable, number>;
  try {
    await db.transaction().execute(async (trx) => {
      for (const [index, [table, write]] of STEPS.entries()) {
        options.signal?.throwIfAborted();
        counts[table] = await write(trx, shop);
        options.onProgress?.(table, index + 2, total);
      }
    });
  } catch (error) {
    if (isCounterpartError(error) || options.signal?.aborted) throw error;
    throw new DependencyError('seeding the demo shop failed', error);
  }
  return { seed: resolved.seed, scale: resolved.scale, now: new Date(resolved.nowMs).toISOString(), counts, demoOrders: shop.demoOrders };
}
