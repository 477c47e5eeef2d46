import type { Kysely } from 'kysely';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import type { Database } from '../../store/index.js';
import type { SupplierRef } from './types.js';

/** Which part of the catalogue a purchasing run looks at; everything when empty. */
export interface PurchasingScope {
  /** Warehouse code, e.g. `LDS`. */
  warehouse?: string;
  /** Supplier id, or its name or part of it (case and accents ignored). */
  supplier?: string | number;
  sku?: string;
}

/** {@link PurchasingScope} after checking that what it names exists. */
export interface ResolvedScope {
  warehouse?: string;
  supplier?: SupplierRef;
  sku?: string;
}

/** One active SKU in one warehouse with what buying it involves. */
export interface StockedSku {
  productId: number;
  sku: string;
  name: string;
  warehouseId: number;
  warehouse: string;
  /** On hand − reserved, never below 0. */
  available: number;
  supplier: SupplierRef & { leadTimeDays: number };
  /** Price currency of the product, used as the purchase currency. */
  currency: string;
  packSize: number;
  moq: number;
  unitCostMinor?: number;
  /** Whether pack size or MOQ came from the product's attributes rather than the defaults. */
  termsRecorded: boolean;
}

/** Pack size and MOQ when a product's attributes record neither: single units. */
export const DEFAULT_ORDER_TERMS = { packSize: 1, moq: 1 } as const;

/** {@link PurchasingScope} at the edge: codes upper-cased, a supplier as an id or a name. */
export const PurchasingScopeSchema = z.object({
  warehouse: z.string().trim().toUpperCase().pipe(z.string().min(1).max(16)).optional(),
  supplier: z.union([z.number().int().positive(), z.string().trim().min(1).max(100)]).optional(),
  sku: z.string().trim().toUpperCase().pipe(z.string().min(1).max(64)).optional(),
});

const whole = z.number().int().positive();
const AttributeTermsSchema = z.object({ pack_size: whole.optional(), moq: whole.optional(), unit_cost_minor: z.number().int().nonnegative().optional() });

/**
 * Purchase terms recorded in a product's attributes JSON: `pack_size`, `moq`, `unit_cost_minor`.
 *
 * @remarks The demo shop records none of them; a shop that does gets them used. Unreadable or
 * invalid values count as not recorded rather than failing the whole purchasing run.
 */
export function orderTermsFromAttributes(attributes: string): { packSize?: number; moq?: number; unitCostMinor?: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(attributes);
  } catch {
    return {};
  }
  const parsed = AttributeTermsSchema.safeParse(raw);
  if (!parsed.success) return {};
  const { pack_size: packSize, moq, unit_cost_minor: unitCostMinor } = parsed.data;
  return { ...(packSize ? { packSize } : {}), ...(moq ? { moq } : {}), ...(unitCostMinor === undefined ? {} : { unitCostMinor }) };
}

/**
 * Checks that the warehouse, supplier and SKU a scope names exist, and finds the supplier.
 *
 * @remarks A supplier is matched by id, then by exact name, then by a name containing the text,
 * ignoring case and accents ("calcado" finds "Calçado Douro Lda").
 * @throws {@link NotFoundError} with `details.kind` (`warehouse`, `supplier`, `sku`) and `details.value`.
 * @throws {@link InvalidInputError} when a supplier text matches several suppliers (`details.matches`).
 */
export async function resolveScope(options: { db: Kysely<Database>; scope: PurchasingScope }): Promise<ResolvedScope> {
  const scope = parseInput(PurchasingScopeSchema, options.scope, 'purchasing scope');
  const { db } = options;
  if (scope.warehouse !== undefined) {
    const found = await db.selectFrom('warehouses').select('code').where('code', '=', scope.warehouse).executeTakeFirst();
    if (!found) throw new NotFoundError(`warehouse ${scope.warehouse}`, { kind: 'warehouse', value: scope.warehouse });
  }
  if (scope.sku !== undefined) {
    const found = await db.selectFrom('products').select('sku').where('sku', '=', scope.sku).where('active', '=', 1).executeTakeFirst();
    if (!found) throw new NotFoundError(`SKU ${scope.sku}`, { kind: 'sku', value: scope.sku });
  }
  const supplier = scope.supplier === undefined ? undefined : await findSupplier(db, scope.supplier);
  return {
    ...(scope.warehouse === undefined ? {} : { warehouse: scope.warehouse }),
    ...(supplier ? { supplier } : {}),
    ...(scope.sku === undefined ? {} : { sku: scope.sku }),
  };
}

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

async function findSupplier(db: Kysely<Database>, wanted: string | number): Promise<SupplierRef> {
  const suppliers = await db.selectFrom('suppliers').select(['id', 'name']).orderBy('id').execute();
  const asId = typeof wanted === 'number' ? wanted : /^\d+$/.test(wanted) ? Number(wanted) : undefined;
  const text = fold(String(wanted));
  const byId = suppliers.filter((s) => s.id === asId);
  const exact = suppliers.filter((s) => fold(s.name) === text);
  const partial = suppliers.filter((s) => fold(s.name).includes(text));
  const matches = [byId, exact, partial].find((list) => list.length > 0) ?? [];
  if (matches.length > 1) {
    throw new InvalidInputError(`supplier "${String(wanted)}" matches ${matches.map((s) => s.name).join(', ')}`, {
      kind: 'supplier', value: String(wanted), matches: matches.map((s) => s.name),
    });
  }
  const [match] = matches;
  if (!match) throw new NotFoundError(`supplier "${String(wanted)}"`, { kind: 'supplier', value: String(wanted) });
  return { id: match.id, name: match.name };
}

/**
 * Every active SKU × warehouse in scope with its stock, supplier, lead time and purchase terms.
 *
 * @remarks Pack size and MOQ come from the product's attributes when recorded (see
 * {@link orderTermsFromAttributes}), else {@link DEFAULT_ORDER_TERMS}.
 */
export async function readStockedSkus(options: { db: Kysely<Database>; scope: ResolvedScope }): Promise<StockedSku[]> {
  const { db, scope } = options;
  let query = db
    .selectFrom('stock')
    .innerJoin('products', 'products.id', 'stock.product_id')
    .innerJoin('suppliers', 'suppliers.id', 'products.supplier_id')
    .innerJoin('warehouses', 'warehouses.id', 'stock.warehouse_id')
    .select([
      'products.id as productId', 'products.sku', 'products.name', 'products.attributes', 'products.currency',
      'suppliers.id as supplierId', 'suppliers.name as supplierName', 'suppliers.lead_time_days',
      'warehouses.id as warehouseId', 'warehouses.code', 'stock.on_hand', 'stock.reserved',
    ])
    .where('products.active', '=', 1);
  if (scope.warehouse !== undefined) query = query.where('warehouses.code', '=', scope.warehouse);
  if (scope.supplier !== undefined) query = query.where('suppliers.id', '=', scope.supplier.id);
  if (scope.sku !== undefined) query = query.where('products.sku', '=', scope.sku);
  const rows = await query.orderBy('products.sku').orderBy('warehouses.code').execute();
  return rows.map((row) => {
    const terms = orderTermsFromAttributes(row.attributes);
    return {
      productId: row.productId,
      sku: row.sku,
      name: row.name,
      warehouseId: row.warehouseId,
      warehouse: row.code,
      available: Math.max(0, row.on_hand - row.reserved),
      supplier: { id: row.supplierId, name: row.supplierName, leadTimeDays: row.lead_time_days },
      currency: row.currency,
      packSize: terms.packSize ?? DEFAULT_ORDER_TERMS.packSize,
      moq: terms.moq ?? DEFAULT_ORDER_TERMS.moq,
      ...(terms.unitCostMinor === undefined ? {} : { unitCostMinor: terms.unitCostMinor }),
      termsRecorded: terms.packSize !== undefined || terms.moq !== undefined,
    };
  });
}
