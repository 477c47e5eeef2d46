import { formatMoney } from '../../core/money.js';
import type { AllocationPlan, PlannedShipment, WarehouseAssessment } from './types.js';

type PlanFacts = Omit<AllocationPlan, 'explanation'>;

/**
 * Plain-English reason for a plan, for customers and staff alike.
 *
 * @remarks Built only from the plan's own figures (stock, costs, distances), so it never names
 * anything the caller did not pass in.
 */
export function explainPlan(plan: PlanFacts): string {
  if (plan.shipments.length === 0) return `No warehouse has any of these items available. ${shortfallSentence(plan)}`;
  if (plan.method === 'single') return explainSingle(plan, plan.shipments[0] as PlannedShipment);
  const parts = [`No single warehouse had everything: ${plan.assessments.map(shortText).join('; ')}.`];
  if (plan.shipments.length === 1) {
    const only = plan.shipments[0] as PlannedShipment;
    parts.push(`${only.name} can send the most (${parcelText(only)}, ${money(plan, only.costMinor)}).`);
  } else {
    const cheapest = plan.method === 'split-exact' ? 'the cheapest way' : 'a low-cost way (chosen greedily across many warehouses)';
    parts.push(`Splitting into ${plan.shipments.length} parcels is ${cheapest} to send ${plan.fullyAllocated ? 'it all' : 'what is in stock'}: ${plan.shipments.map((s) => `${s.name}: ${parcelText(s)}`).join('; ')} (${money(plan, plan.totalCostMinor)} in total).`);
  }
  if (!plan.fullyAllocated) parts.push(shortfallSentence(plan));
  return parts.join(' ');
}

function explainSingle(plan: PlanFacts, shipment: PlannedShipment): string {
  const chosen = plan.assessments.find((a) => a.warehouse === shipment.warehouse) as WarehouseAssessment;
  const fillers = plan.assessments.filter((a) => a.canFillAll && a.warehouse !== chosen.warehouse);
  const runnerUp = fillers[0];
  let text = `${chosen.name} had everything and `;
  if (!runnerUp) text += `was the only warehouse that did (${money(plan, chosen.costMinor)} to ship).`;
  else text += `is the cheapest to ship from (${money(plan, chosen.costMinor)}): ${comparison(plan, chosen, runnerUp)}.`;
  const cheaper = plan.assessments.filter((a) => !a.canFillAll && a.costMinor < chosen.costMinor);
  if (cheaper.length > 0) text += ` ${cheaper.map((a) => `${a.name} would cost less (${money(plan, a.costMinor)}) but ${shortOf(a)}`).join('; ')}.`;
  return text;
}

function comparison(plan: PlanFacts, chosen: WarehouseAssessment, other: WarehouseAssessment): string {
  const saving = other.costMinor - chosen.costMinor;
  const costPart = saving > 0 ? `${money(plan, saving)} cheaper` : 'the same cost';
  const km = chosen.distanceKm !== undefined && other.distanceKm !== undefined ? Math.round(other.distanceKm - chosen.distanceKm) : undefined;
  const distancePart = km === undefined || km === 0 ? '' : km > 0 ? ` and ${km} km closer` : ` though ${-km} km further`;
  const same = saving > 0 ? '' : ' (tie broken by distance, then code)';
  return `${costPart}${distancePart} than ${other.name}, the next best that had everything${same}`;
}

function shortText(a: WarehouseAssessment): string {
  return `${a.name} ${shortOf(a)}`;
}

function shortOf(a: WarehouseAssessment): string {
  return `is short of ${a.short.map((s) => `${s.sku} (needs ${s.needed}, has ${s.available})`).join(', ')}`;
}

function parcelText(shipment: PlannedShipment): string {
  return shipment.lines.map((l) => `${l.sku} ×${l.quantity}`).join(', ');
}

function shortfallSentence(plan: PlanFacts): string {
  return `Not enough stock across all warehouses: ${plan.shortfall.map((s) => `${s.sku} is ${s.missing} short (${s.allocated} of ${s.requested} available)`).join('; ')}.`;
}

function money(plan: PlanFacts, minor: number): string {
  return formatMoney(minor, plan.currency);
}
