import { z } from 'zod';
import { DemandForecastSchema } from '../inventory/index.js';
import { stockPolicy, type StockPolicy } from './policy.js';
import { roundOrderQuantity } from './rounding.js';
import type { DraftPurchaseOrder, DraftPurchaseOrderLine, PurchasePlan, ReplenishmentItem, SkippedItem } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Input of {@link suggestPurchaseOrders}. */
export interface SuggestPurchaseOrdersInput {
  items: readonly ReplenishmentItem[];
  /** Target cycle service level for every item without its own, e.g. 0.95. */
  serviceLevel: number;
  /** @defaultValue 7 */
  reviewPeriodDays?: number;
  /** @defaultValue 'GBP' */
  currency?: string;
}

const units = z.number().int('must be a whole number of units');
const ItemSchema = z.object({
  sku: z.string().trim().min(1).max(64),
  name: z.string().optional(),
  warehouse: z.string().trim().min(1).max(16).optional(),
  supplier: z.object({ id: z.number().int().positive(), name: z.string().min(1) }),
  available: units.nonnegative('must not be negative'),
  onOrder: units.nonnegative('must not be negative').default(0),
  demand: DemandForecastSchema,
  forecastErrorSigma: z.number().finite().nonnegative(),
  leadTimeDays: z.number().finite().positive().max(365),
  leadTimeSigmaDays: z.number().finite().nonnegative().max(365).default(0),
  serviceLevel: z.number().min(0.5).max(0.9999).optional(),
  packSize: units.positive('must be at least 1').default(1),
  moq: units.positive('must be at least 1').default(1),
  unitCostMinor: units.nonnegative().optional(),
});
const InputSchema = z.object({
  items: z.array(ItemSchema).max(10_000),
  serviceLevel: z.number().min(0.5).max(0.9999),
  reviewPeriodDays: z.number().finite().nonnegative().max(365).default(7),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as GBP').default('GBP'),
});
type Item = z.output<typeof ItemSchema>;

/**
 * Draft purchase orders, one per supplier, for every item whose position is at or below its reorder point.
 *
 * @remarks Periodic review with a reorder point: an item is ordered when available + on order
 * is at or below the reorder point, up to the order-up-to level, then rounded up to whole packs
 * and to the MOQ. Nothing is stored; each line says what was assumed.
 * @throws {@link InvalidInputError} naming the first bad fields.
 * @example
 * const { orders } = suggestPurchaseOrders({ serviceLevel: 0.95, items: [{ sku: 'MUG', supplier: { id: 1, name: 'Potter' }, available: 40, demand: 20, forecastErrorSigma: 5, leadTimeDays: 7, packSize: 12 }] });
 */
export function suggestPurchaseOrders(input: SuggestPurchaseOrdersInput): PurchasePlan {
  const plan = parseInput(InputSchema, input, 'purchase-order input');
  const bySupplier = new Map<number, DraftPurchaseOrder>();
  const skipped: SkippedItem[] = [];
  for (const item of plan.items) {
    const policy = stockPolicy({
      demand: item.demand,
      forecastErrorSigma: item.forecastErrorSigma,
      leadTimeDays: item.leadTimeDays,
      leadTimeSigmaDays: item.leadTimeSigmaDays,
      serviceLevel: item.serviceLevel ?? plan.serviceLevel,
      reviewPeriodDays: plan.reviewPeriodDays,
    });
    const position = item.available + item.onOrder;
    if (position > policy.reorderPoint) {
      skipped.push({ sku: item.sku, ...where(item), position, reorderPoint: policy.reorderPoint, reason: `Position ${position} is above the reorder point ${policy.reorderPoint}.` });
      continue;
    }
    const order = bySupplier.get(item.supplier.id) ?? { status: 'draft', supplier: item.supplier, currency: plan.currency, lines: [], totalUnits: 0, totalMinor: 0 };
    order.lines.push(orderLine(item, policy, position));
    bySupplier.set(item.supplier.id, order);
  }
  const orders = [...bySupplier.values()].sort((a, b) => a.supplier.id - b.supplier.id).map(totalled);
  return { orders, skipped };
}

function orderLine(item: Item, policy: StockPolicy, position: number): DraftPurchaseOrderLine {
  const need = Math.max(0, policy.orderUpTo - position);
  // At the reorder point with a zero review period the need can be 0: order at least a pack.
  const rounded = roundOrderQuantity(Math.max(need, 1), { packSize: item.packSize, moq: item.moq });
  const unitCost = item.unitCostMinor ?? null;
  return {
    sku: item.sku,
    ...(item.name === undefined ? {} : { name: item.name }),
    ...where(item),
    quantity: rounded.quantity,
    packs: rounded.packs,
    packSize: item.packSize,
    moq: item.moq,
    unitCostMinor: unitCost,
    lineTotalMinor: unitCost === null ? null : unitCost * rounded.quantity,
    position,
    need,
    policy,
    reasoning: [...policySentences(policy), positionSentence(item, position, policy), ...rounded.steps],
  };
}

function policySentences(p: StockPolicy): string[] {
  const lt = p.leadTimeSigmaDays > 0 ? `${fmt(p.leadTimeDays)} days (σ ${fmt(p.leadTimeSigmaDays)} days)` : `${fmt(p.leadTimeDays)} days (assumed fixed)`;
  return [
    `Service level ${fmt(p.serviceLevel * 100)}% gives z = ${p.z.toFixed(3)}.`,
    `Demand ${fmt(p.meanDailyDemand)}/day with forecast error σ ${fmt(p.forecastErrorSigma)}/day; lead time ${lt}.`,
    `Safety stock ${p.z.toFixed(3)} × √(${fmt(p.leadTimeDays)} × ${fmt(p.forecastErrorSigma)}² + ${fmt(p.meanDailyDemand)}² × ${fmt(p.leadTimeSigmaDays)}²) = ${p.safetyStockExact.toFixed(2)}, rounded up to ${p.safetyStock}.`,
    `Reorder point ${p.reorderPoint} = lead-time demand ${fmt(p.leadTimeDemand)} (rounded up) + safety stock ${p.safetyStock}; order-up-to ${p.orderUpTo} also covers the ${fmt(p.reviewPeriodDays)}-day review period.`,
  ];
}

function positionSentence(item: Item, position: number, policy: StockPolicy): string {
  return `Position ${position} (available ${item.available} + on order ${item.onOrder}) is at or below the reorder point; ${policy.orderUpTo} − ${position} = ${Math.max(0, policy.orderUpTo - position)} needed.`;
}

function totalled(order: DraftPurchaseOrder): DraftPurchaseOrder {
  const totalUnits = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const costs = order.lines.map((line) => line.lineTotalMinor);
  const totalMinor = costs.every((c): c is number => c !== null) ? costs.reduce((s, c) => s + c, 0) : null;
  return { ...order, totalUnits, totalMinor };
}

function where(item: Item): { warehouse?: string } {
  return item.warehouse === undefined ? {} : { warehouse: item.warehouse };
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
