import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DependencyError, InvalidInputError, NotFoundError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Database, PurchaseOrderStatus } from '../../store/index.js';
import type { DraftPurchaseOrder, SupplierRef } from './types.js';

/** Options of {@link createDraftPurchaseOrders}. */
export interface CreateDraftPurchaseOrdersOptions {
  /** The caller's transaction; one is opened when a plain handle is given. */
  db: Kysely<Database>;
  /** Usually `plan.orders` from {@link suggestPurchaseOrders}; lines need a warehouse. */
  orders: readonly DraftPurchaseOrder[];
  /** Who confirmed them: `staff:<id>` or `system`. */
  createdBy: string;
  /** The conversation they were confirmed in, when there was one. */
  conversationId?: string | null;
  now: Date;
}

/** A purchase order as stored, by number. */
export interface CreatedPurchaseOrder {
  id: number;
  /** What staff and suppliers see, e.g. `PO-000042`. */
  number: string;
  supplier: SupplierRef;
  currency: string;
  lineCount: number;
  totalUnits: number;
  totalMinor: number | null;
}

/** A stored purchase order with its lines, as {@link listPurchaseOrders} returns it. */
export interface PurchaseOrderRecord extends CreatedPurchaseOrder {
  status: PurchaseOrderStatus;
  createdBy: string;
  conversationId: string | null;
  createdAt: string;
  lines: { sku: string; warehouse: string | null; quantity: number; packSize: number; unitCostMinor: number | null; reasoning: string[] }[];
}

/** Statuses whose units are ordered but not yet received: they count as on order. */
export const OPEN_PURCHASE_ORDER_STATUSES: readonly PurchaseOrderStatus[] = ['draft', 'sent'];

const LineSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  warehouse: z.string().trim().min(1).max(16, 'must be a warehouse code'),
  quantity: z.number().int().positive('must be at least 1 unit'),
  packSize: z.number().int().positive(),
  unitCostMinor: z.number().int().nonnegative().nullable(),
  reasoning: z.array(z.string()).max(50),
});
const OptionsSchema = z.object({
  orders: z.array(z.object({
    supplier: z.object({ id: z.number().int().positive(), name: z.string().min(1) }),
    currency: z.string().regex(/^[A-Z]{3}$/),
    lines: z.array(LineSchema).min(1, 'an order needs at least one line').max(10_000),
  })).max(100),
  createdBy: z.string().regex(/^(staff:\d+|system)$/, "must be 'staff:<id>' or 'system'"),
  conversationId: z.string().min(1).max(200).nullish(),
});
type ParsedOrder = z.output<typeof OptionsSchema>['orders'][number];

/** The number staff and suppliers quote for a purchase order id. */
export function purchaseOrderNumber(id: number): string {
  return `PO-${String(id).padStart(6, '0')}`;
}

/**
 * Stores draft purchase orders and their lines, all or nothing, and returns their numbers.
 *
 * @remarks Drafts count as on order at once (see {@link readOnOrder}), so planning again right
 * after does not order the same units twice. Nothing is sent to a supplier here. Runs in the
 * caller's transaction when given one, else in its own.
 * @throws {@link InvalidInputError} for a malformed order or a line whose SKU another supplier makes.
 * @throws {@link NotFoundError} for an unknown SKU or warehouse code.
 * @example
 * const created = await createDraftPurchaseOrders({ db: trx, orders: plan.orders, createdBy: 'staff:7', now });
 */
export async function createDraftPurchaseOrders(options: CreateDraftPurchaseOrdersOptions): Promise<CreatedPurchaseOrder[]> {
  const input = parseInput(OptionsSchema, options, 'draft purchase orders');
  const write = async (db: Kysely<Database>): Promise<CreatedPurchaseOrder[]> => {
    const ids = await lookUpIds(db, input.orders);
    const created: CreatedPurchaseOrder[] = [];
    for (const order of input.orders) {
      created.push(await insertOrder(db, { order, ids, createdBy: input.createdBy, conversationId: input.conversationId ?? null, now: options.now }));
    }
    return created;
  };
  return options.db.isTransaction ? write(options.db) : options.db.transaction().execute(write);
}

interface Ids {
  products: Map<string, { id: number; supplierId: number }>;
  warehouses: Map<string, number>;
}

async function lookUpIds(db: Kysely<Database>, orders: readonly ParsedOrder[]): Promise<Ids> {
  const lines = orders.flatMap((o) => o.lines);
  const skus = [...new Set(lines.map((l) => l.sku))];
  const codes = [...new Set(lines.map((l) => l.warehouse))];
  const products = skus.length === 0 ? [] : await db.selectFrom('products').select(['id', 'sku', 'supplier_id']).where('sku', 'in', skus).execute();
  const warehouses = codes.length === 0 ? [] : await db.selectFrom('warehouses').select(['id', 'code']).where('code', 'in', codes).execute();
  const ids: Ids = {
    products: new Map(products.map((p) => [p.sku, { id: p.id, supplierId: p.supplier_id }])),
    warehouses: new Map(warehouses.map((w) => [w.code, w.id])),
  };
  for (const order of orders) {
    for (const line of order.lines) {
      const product = ids.products.get(line.sku);
      if (!product) throw new NotFoundError(`SKU ${line.sku}`, { kind: 'sku', value: line.sku });
      if (!ids.warehouses.has(line.warehouse)) throw new NotFoundError(`warehouse ${line.warehouse}`, { kind: 'warehouse', value: line.warehouse });
      if (product.supplierId !== order.supplier.id) {
        throw new InvalidInputError(`SKU ${line.sku} is not bought from supplier ${order.supplier.name}`, { sku: line.sku, supplierId: order.supplier.id });
      }
    }
  }
  return ids;
}

async function insertOrder(
  db: Kysely<Database>,
  values: { order: ParsedOrder; ids: Ids; createdBy: string; conversationId: string | null; now: Date },
): Promise<CreatedPurchaseOrder> {
  const { order, ids } = values;
  const at = values.now.toISOString();
  const totalUnits = order.lines.reduce((sum, l) => sum + l.quantity, 0);
  const costs = order.lines.map((l) => (l.unitCostMinor === null ? null : l.unitCostMinor * l.quantity));
  const totalMinor = costs.every((c): c is number => c !== null) ? costs.reduce((s, c) => s + c, 0) : null;
  const row = await db.insertInto('purchase_orders').values({
    supplier_id: order.supplier.id, status: 'draft', currency: order.currency, total_units: totalUnits, total_minor: totalMinor,
    created_by: values.createdBy, conversation_id: values.conversationId, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirst();
  if (!row) throw new DependencyError('insert into purchase_orders returned no id');
  await db.insertInto('purchase_order_lines').values(order.lines.map((line) => ({
    purchase_order_id: row.id,
    product_id: ids.products.get(line.sku)?.id ?? 0,
    sku: line.sku,
    warehouse_id: ids.warehouses.get(line.warehouse) ?? null,
    quantity: line.quantity,
    pack_size: line.packSize,
    unit_cost_minor: line.unitCostMinor,
    reasoning: JSON.stringify(line.reasoning),
  }))).execute();
  return {
    id: row.id, number: purchaseOrderNumber(row.id), supplier: order.supplier, currency: order.currency,
    lineCount: order.lines.length, totalUnits, totalMinor,
  };
}

/**
 * Units on open (draft or sent) purchase orders per SKU and warehouse code, keyed `SKU\u0000CODE`.
 *
 * @remarks There is no "received" status yet: a sent order stays on order until someone
 * cancels it, so receiving goods must close its purchase order or it is counted twice. Lines
 * without a warehouse are not counted, because planning is per warehouse.
 */
export async function readOnOrder(options: { db: Kysely<Database>; skus?: readonly string[]; warehouse?: string }): Promise<Map<string, number>> {
  let query = options.db
    .selectFrom('purchase_order_lines')
    .innerJoin('purchase_orders', 'purchase_orders.id', 'purchase_order_lines.purchase_order_id')
    .innerJoin('warehouses', 'warehouses.id', 'purchase_order_lines.warehouse_id')
    .select(['purchase_order_lines.sku', 'warehouses.code', (eb) => eb.fn.sum<number | string>('purchase_order_lines.quantity').as('units')])
    .where('purchase_orders.status', 'in', [...OPEN_PURCHASE_ORDER_STATUSES])
    .groupBy(['purchase_order_lines.sku', 'warehouses.code']);
  if (options.skus) query = query.where('purchase_order_lines.sku', 'in', options.skus.length > 0 ? [...options.skus] : ['']);
  if (options.warehouse !== undefined) query = query.where('warehouses.code', '=', options.warehouse);
  const rows = await query.execute();
  return new Map(rows.map((r) => [onOrderKey(r.sku, r.code), Number(r.units)]));
}

/** The key of {@link readOnOrder}'s map. */
export function onOrderKey(sku: string, warehouse: string): string {
  return `${sku}\u0000${warehouse}`;
}

const ListSchema = z.object({
  status: z.enum(['draft', 'sent', 'cancelled']).optional(),
  supplierId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});

/**
 * Purchase orders with their lines, newest first.
 *
 * @example
 * const drafts = await listPurchaseOrders({ db, status: 'draft' });
 */
export async function listPurchaseOrders(options: {
  db: Kysely<Database>;
  status?: PurchaseOrderStatus;
  supplierId?: number;
  /** @defaultValue 50 */
  limit?: number;
}): Promise<PurchaseOrderRecord[]> {
  const filter = parseInput(ListSchema, { status: options.status, supplierId: options.supplierId, limit: options.limit }, 'purchase order filter');
  let query = options.db
    .selectFrom('purchase_orders')
    .innerJoin('suppliers', 'suppliers.id', 'purchase_orders.supplier_id')
    .selectAll('purchase_orders')
    .select('suppliers.name as supplierName');
  if (filter.status) query = query.where('purchase_orders.status', '=', filter.status);
  if (filter.supplierId) query = query.where('purchase_orders.supplier_id', '=', filter.supplierId);
  const orders = await query.orderBy('purchase_orders.id', 'desc').limit(filter.limit).execute();
  if (orders.length === 0) return [];
  const lines = await options.db
    .selectFrom('purchase_order_lines')
    .leftJoin('warehouses', 'warehouses.id', 'purchase_order_lines.warehouse_id')
    .selectAll('purchase_order_lines')
    .select('warehouses.code')
    .where('purchase_order_id', 'in', orders.map((o) => o.id))
    .orderBy('purchase_order_lines.id')
    .execute();
  return orders.map((o) => {
    const own = lines.filter((l) => l.purchase_order_id === o.id);
    return {
      id: o.id, number: purchaseOrderNumber(o.id), supplier: { id: o.supplier_id, name: o.supplierName }, currency: o.currency,
      lineCount: own.length, totalUnits: o.total_units, totalMinor: o.total_minor, status: o.status, createdBy: o.created_by,
      conversationId: o.conversation_id, createdAt: o.created_at,
      lines: own.map((l) => ({
        sku: l.sku, warehouse: l.code, quantity: l.quantity, packSize: l.pack_size, unitCostMinor: l.unit_cost_minor, reasoning: parseReasoning(l.reasoning),
      })),
    };
  });
}

function parseReasoning(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  } catch {
    return [text];
  }
}
