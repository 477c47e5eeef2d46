import { z } from 'zod';
import { formatMoney } from '../../core/money.js';
import { allocateOrder } from './allocate.js';
import type { AllocationPlan, AllocationRequest } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Input of {@link explainWarehouseChoice}. */
export interface WarehouseChoiceInput {
  /** The order's lines, the stock at the time (or now) and the costs to its destination. */
  request: AllocationRequest;
  /** Code of the warehouse the order actually shipped from. */
  shippedFrom: string;
}

/** Why an order shipped from where it did, as far as the given stock and costs tell. */
export interface WarehouseChoiceExplanation {
  shippedFrom: string;
  /** What the allocation rules choose with the given stock and costs. */
  plan: AllocationPlan;
  /** Whether the rules pick the same single warehouse (or include it in a split). */
  matchesPlan: boolean;
  explanation: string;
}

/**
 * Explains "why did this order ship from W?" by re-running the allocation and comparing.
 *
 * @remarks The answer is only as good as the stock passed in: with stock as it is now rather than
 * when the order was placed, a mismatch may just mean stock has moved since; the text says so.
 */
export function explainWarehouseChoice(input: WarehouseChoiceInput): WarehouseChoiceExplanation {
  const shippedFrom = parseInput(z.string().trim().min(1).max(16), input.shippedFrom, 'shippedFrom');
  const plan = allocateOrder(input.request);
  const actual = plan.assessments.find((a) => a.warehouse === shippedFrom);
  const name = actual?.name ?? shippedFrom;
  const matchesPlan = plan.shipments.some((s) => s.warehouse === shippedFrom) && (plan.method !== 'single' || plan.shipments[0]?.warehouse === shippedFrom);
  if (matchesPlan) return { shippedFrom, plan, matchesPlan, explanation: `It shipped from ${name}. ${plan.explanation}` };
  const chosen = plan.shipments.map((s) => s.name).join(' and ') || 'no warehouse';
  let why: string;
  if (!actual) why = `${name} was not among the warehouses compared.`;
  else if (actual.canFillAll) why = `${name} had everything too, but costs ${formatMoney(actual.costMinor, plan.currency)} to ship.`;
  else why = `${name} is short of ${actual.short.map((s) => `${s.sku} (needs ${s.needed}, has ${s.available})`).join(', ')}.`;
  return {
    shippedFrom,
    plan,
    matchesPlan,
    explanation: `It shipped from ${name}, but with the stock and costs used here the rules would choose ${chosen}: ${plan.explanation} ${why} Stock when the order was placed may have been different.`,
  };
}
