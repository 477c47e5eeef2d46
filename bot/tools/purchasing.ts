import { z } from 'zod';
import { InvalidInputError, NotFoundError, RuleViolationError } from '../../core/errors.js';
import {
  createDraftPurchaseOrders, onOrderKey, planPurchaseOrdersFromStore,
  type CreatedPurchaseOrder, type DraftPurchaseOrder, type StorePurchasePlan,
} from '../../ops/index.js';
import type { Language } from '../messages/index.js';
import { purchasingMessages, type SuggestionRow, type SuggestionView } from '../messages/purchasing.js';
import { ToolRegistry, type BotTool, type BotToolContext } from './registry.js';
import { STAFF_ROLES_FOR } from './staff-roles.js';

/** Lines shown per supplier in a reply, most urgent first; the rest stay in the tool's data. */
export const LINES_SHOWN_PER_SUPPLIER = 10;

const PurchasingArgs = z.object({
  warehouse: z.string().trim().toUpperCase().pipe(z.string().min(1).max(16)).optional(),
  /** Supplier id, or its name or part of it. */
  supplier: z.union([z.number().int().positive(), z.string().trim().min(1).max(100)]).optional(),
  sku: z.string().trim().toUpperCase().pipe(z.string().min(1).max(64)).optional(),
}).strict();
type Args = z.infer<typeof PurchasingArgs>;

/** A supplier's suggested order as the tools return it: the table's figures, without the reasoning. */
export interface SuggestedOrderData {
  supplierId: number;
  supplier: string;
  totalUnits: number;
  totalMinor: number | null;
  lines: (SuggestionRow & { orderUpTo: number; need: number })[];
}

/** What `reorder_suggestions` and the preview of `create_purchase_orders` return as data. */
export interface PurchaseSuggestionData {
  asOf: string;
  currency: string;
  considered: number;
  skipped: number;
  orders: SuggestedOrderData[];
}

/** Most urgent first: lowest position relative to the reorder point, then SKU and warehouse. */
function byUrgency(a: SuggestionRow, b: SuggestionRow): number {
  const ratio = (r: SuggestionRow) => (r.available + r.onOrder) / Math.max(1, r.reorderPoint);
  return ratio(a) - ratio(b) || a.sku.localeCompare(b.sku) || a.warehouse.localeCompare(b.warehouse);
}

function ordersData(plan: StorePurchasePlan): SuggestedOrderData[] {
  const inputs = new Map(plan.items.map((item) => [onOrderKey(item.sku, item.warehouse ?? ''), item]));
  return plan.orders.map((order: DraftPurchaseOrder) => ({
    supplierId: order.supplier.id,
    supplier: order.supplier.name,
    totalUnits: order.totalUnits,
    totalMinor: order.totalMinor,
    lines: order.lines.map((line) => {
      const item = inputs.get(onOrderKey(line.sku, line.warehouse ?? ''));
      return {
        sku: line.sku, warehouse: line.warehouse ?? '', available: item?.available ?? line.position, onOrder: item?.onOrder ?? 0,
        reorderPoint: line.policy.reorderPoint, orderUpTo: line.policy.orderUpTo, need: line.need,
        quantity: line.quantity, packs: line.packs, packSize: line.packSize,
      };
    }).sort(byUrgency),
  }));
}

function suggestionView(plan: StorePurchasePlan, orders: readonly SuggestedOrderData[]): SuggestionView {
  const values = orders.map((o) => o.totalMinor);
  const a = plan.assumptions;
  return {
    asOf: plan.asOf,
    scope: { warehouse: plan.scope.warehouse, supplier: plan.scope.supplier?.name, sku: plan.scope.sku },
    currency: plan.currency,
    suppliers: orders.map((o) => ({
      supplier: o.supplier, rows: o.lines.slice(0, LINES_SHOWN_PER_SUPPLIER), lineCount: o.lines.length, units: o.totalUnits, valueMinor: o.totalMinor,
    })),
    lineCount: orders.reduce((sum, o) => sum + o.lines.length, 0),
    totalUnits: orders.reduce((sum, o) => sum + o.totalUnits, 0),
    totalValueMinor: values.every((v): v is number => v !== null) ? values.reduce((s, v) => s + v, 0) : null,
    skipped: plan.skipped.length,
    noSales: plan.noSales,
    serviceLevel: a.serviceLevel,
    reviewPeriodDays: a.reviewPeriodDays,
    historyDays: a.historyDays,
    backtestDays: a.backtestDays,
    termsRecorded: a.termsRecorded,
    defaultPackSize: a.defaultTerms.packSize,
    defaultMoq: a.defaultTerms.moq,
  };
}

/**
 * The plan for the tool's scope, with an unknown or ambiguous warehouse, supplier or SKU turned
 * into a refusal in the caller's language.
 *
 * @remarks The dialogue answers every `not_found` with a generic "couldn't find that", which
 * would hide which of the three names was wrong; a rule refusal carries the exact sentence.
 */
async function planFor(ctx: BotToolContext, args: Args): Promise<StorePurchasePlan> {
  try {
    return await planPurchaseOrdersFromStore({ db: ctx.db, now: ctx.now, ...args });
  } catch (error) {
    throw scopeRefusal(error, ctx.language) ?? error;
  }
}

function scopeRefusal(error: unknown, language: Language): RuleViolationError | undefined {
  const m = purchasingMessages[language];
  const details = error instanceof NotFoundError || error instanceof InvalidInputError ? error.details ?? {} : {};
  const value = String(details.value ?? '');
  if (error instanceof NotFoundError && typeof details.kind === 'string') {
    return new RuleViolationError({ code: 'unknown_purchasing_scope', userMessage: m.unknownScope({ kind: details.kind, value }), details: { ...details } });
  }
  if (error instanceof InvalidInputError && Array.isArray(details.matches)) {
    return new RuleViolationError({ code: 'ambiguous_supplier', userMessage: m.ambiguousSupplier({ value, matches: details.matches.map(String) }), details: { ...details } });
  }
  return undefined;
}

/** The plan, refusing (not retryable) when nothing needs ordering, so nobody is asked to confirm nothing. */
async function planWithOrders(ctx: BotToolContext, args: Args): Promise<{ plan: StorePurchasePlan; data: PurchaseSuggestionData; view: SuggestionView }> {
  const plan = await planFor(ctx, args);
  const orders = ordersData(plan);
  const view = suggestionView(plan, orders);
  if (orders.length === 0) {
    throw new RuleViolationError({ code: 'nothing_to_order', userMessage: purchasingMessages[ctx.language].nothingToOrder(view), details: { asOf: plan.asOf } });
  }
  return { plan, view, data: { asOf: plan.asOf, currency: plan.currency, considered: plan.considered, skipped: plan.skipped.length, orders } };
}

/**
 * `reorder_suggestions`: what to order from each supplier now, as tables with the assumptions.
 *
 * @remarks Read-only. Scoped by warehouse code, supplier (id or name) and SKU. An unknown
 * name is answered in text rather than refused, because there is nothing to confirm here.
 */
export const reorderSuggestionsTool: BotTool<Args, PurchaseSuggestionData | null> = {
  name: 'reorder_suggestions',
  description: 'Suggested purchase quantities per supplier for SKUs at or below their reorder point; optionally one warehouse, supplier or SKU.',
  args: PurchasingArgs,
  roles: ['staff'],
  staffRoles: STAFF_ROLES_FOR.purchasing,
  changesState: false,
  async run(ctx, args) {
    let plan: StorePurchasePlan;
    try {
      plan = await planFor(ctx, args);
    } catch (error) {
      if (error instanceof RuleViolationError) return { data: null, text: error.userMessage };
      throw error;
    }
    const orders = ordersData(plan);
    const text = purchasingMessages[ctx.language].suggestions(suggestionView(plan, orders));
    return { data: { asOf: plan.asOf, currency: plan.currency, considered: plan.considered, skipped: plan.skipped.length, orders }, text };
  },
};

/**
 * `create_purchase_orders`: stores the current suggestion as draft purchase orders, after the
 * staff member confirms.
 *
 * @remarks `changesState`, so the dialogue shows `preview` (recomputed, nothing written) and
 * asks first; `run` recomputes rather than trusting the preview, so stock or orders that
 * changed in between are honoured and drafts made meanwhile count as on order. The registry
 * writes the audit row (who, arguments, the created numbers) in the same transaction as the
 * drafts, so both commit or neither does. Nothing is sent to suppliers.
 * @throws {@link RuleViolationError} `nothing_to_order` from both `preview` and `run` when
 * nothing in scope needs ordering; `unknown_purchasing_scope` or `ambiguous_supplier` for a bad scope.
 */
export const createPurchaseOrdersTool: BotTool<Args, { orders: CreatedPurchaseOrder[] }> = {
  name: 'create_purchase_orders',
  description: 'Save the current reorder suggestion as draft purchase orders, one per supplier; optionally one warehouse, supplier or SKU.',
  args: PurchasingArgs,
  roles: ['staff'],
  staffRoles: STAFF_ROLES_FOR.purchasing,
  changesState: true,
  async preview(ctx, args) {
    const { data, view } = await planWithOrders(ctx, args);
    return { data, text: purchasingMessages[ctx.language].createPreview(view) };
  },
  async run(ctx, args) {
    const { plan } = await planWithOrders(ctx, args);
    const { staffId, conversationId } = ctx.caller;
    const orders = await createDraftPurchaseOrders({
      db: ctx.db, orders: plan.orders, now: ctx.now,
      createdBy: staffId === undefined ? 'system' : `staff:${staffId}`, conversationId: conversationId ?? null,
    });
    const text = purchasingMessages[ctx.language].created({
      currency: plan.currency,
      orders: orders.map((o) => ({ number: o.number, supplier: o.supplier.name, lineCount: o.lineCount, units: o.totalUnits, valueMinor: o.totalMinor })),
    });
    return { data: { orders }, text };
  },
};

/**
 * Registers `reorder_suggestions` and `create_purchase_orders` on a registry.
 *
 * @remarks Both are for the `staff` role only; the registry refuses anyone else before a tool
 * runs and audits every call.
 */
export function registerPurchasingTools(registry: ToolRegistry = new ToolRegistry()): ToolRegistry {
  return registry.register(reorderSuggestionsTool).register(createPurchaseOrdersTool);
}
