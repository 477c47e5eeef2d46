import { formatMoney } from '../../core/money.js';
import type { AllocationPlan, DistanceTariff, WarehouseAssessment } from '../../ops/index.js';
import type { Language } from './catalogue.js';

/** A warehouse as the reply names it. */
export interface NamedWarehouse {
  code: string;
  /** Its city, for example `Leeds`. */
  name: string;
}

/** The warehouse the staff member named, and what it resolved to (absent: we have none by that name). */
export interface WarehouseMention {
  said: string;
  warehouse?: NamedWarehouse;
}

/** What the "why did order X ship from W?" reply is built from. */
export interface OrderWarehouseReply {
  orderId: number;
  shippedFrom: NamedWarehouse;
  /** The allocation re-run with today's stock (plus this order's units) and the distance tariff. */
  plan: AllocationPlan;
  /** Whether that re-run picks (or includes) the warehouse it shipped from. */
  matchesPlan: boolean;
  mention?: WarehouseMention;
  tariff: DistanceTariff;
}

/** Texts of the allocation tool, in one language. */
export interface AllocationCatalogue {
  /** Asked when the staff member gave no order number. */
  askOrderId: string;
  orderWarehouse(p: OrderWarehouseReply): string;
}

const label = (w: { name: string; code: string }) => `${w.name} (${w.code})`;
const zhLabel = (w: { name: string; code: string }) => `${w.name}（${w.code}）`;
const km = (a: WarehouseAssessment) => (a.distanceKm === undefined ? undefined : `${Math.round(a.distanceKm)} km`);
/** Per-km prices are fractions of a penny; per 100 km they read as money. */
const per100Km = (t: DistanceTariff, currency: string) => formatMoney(Math.round(t.perKmMinor * 100), currency);
const shortList = (a: WarehouseAssessment, language: Language) => a.short
  .map((s) => (language === 'zh' ? `${s.sku}（需要 ${s.needed}，有 ${s.available}）` : `${s.sku} (needs ${s.needed}, has ${s.available})`))
  .join(language === 'zh' ? '、' : ', ');

/** The cheapest other warehouse that could also fill the order, for the "why" sentence. */
const runnerUp = (p: OrderWarehouseReply) => p.plan.assessments.find((a) => a.canFillAll && a.warehouse !== p.shippedFrom.code);
const actual = (p: OrderWarehouseReply) => p.plan.assessments.find((a) => a.warehouse === p.shippedFrom.code);
const chosen = (p: OrderWarehouseReply, named = label) => p.plan.shipments.map((s) => named({ name: s.name, code: s.warehouse }));

function enMention(p: OrderWarehouseReply): string | undefined {
  const { mention, shippedFrom, orderId } = p;
  if (!mention) return undefined;
  if (mention.warehouse?.code === shippedFrom.code) return `Yes: order #${orderId} shipped from ${label(shippedFrom)}.`;
  if (!mention.warehouse) return `Note: you said ${mention.said}, but we have no warehouse there. Order #${orderId} shipped from ${label(shippedFrom)}.`;
  return `Note: you said ${label(mention.warehouse)}, but order #${orderId} did not ship from there: it shipped from ${label(shippedFrom)}.`;
}

function enWhy(p: OrderWarehouseReply): string {
  const { plan, shippedFrom } = p;
  const money = (minor: number) => formatMoney(minor, plan.currency);
  const mine = actual(p);
  if (!p.matchesPlan) {
    const reason = !mine ? `${shippedFrom.name} was not among the warehouses compared`
      : mine.canFillAll ? `${shippedFrom.name} has every item but costs ${money(mine.costMinor)} to ship`
        : `${shippedFrom.name} is now short of ${shortList(mine, 'en')}`;
    return `Why: with today's stock and costs the rules would choose ${chosen(p).join(' and ') || 'no warehouse'} instead: ${reason}. Stock has moved since the order was placed, so it may well have been the best choice then.`;
  }
  if (plan.split) return `Why: no single warehouse had every item, so the order is split to ship as much as possible at the least total cost (${money(plan.totalCostMinor)}); ${shippedFrom.name} takes its share.`;
  const next = runnerUp(p);
  if (!next || !mine) return `Why: ${shippedFrom.name} was the only warehouse with every item in stock, and one parcel is preferred.`;
  const saving = next.costMinor - mine.costMinor;
  const cheaper = saving > 0 ? `${money(saving)} cheaper than ${next.name}` : `the same cost as ${next.name}; the tie goes to the nearer one`;
  return `Why: one parcel is preferred whenever a warehouse has every item, and of those ${shippedFrom.name} is the cheapest to ship from (${cheaper}).`;
}

function enAssessment(a: WarehouseAssessment, p: OrderWarehouseReply): string {
  const stock = a.canFillAll ? 'has every item' : `short of ${shortList(a, 'en')}`;
  const parts = [stock, km(a), formatMoney(a.costMinor, p.plan.currency)].filter(Boolean);
  return `• ${a.name} (${a.warehouse}): ${parts.join(' · ')}${a.warehouse === p.shippedFrom.code ? ' ← shipped from here' : ''}`;
}

const en: AllocationCatalogue = {
  askOrderId: 'Which order? Give me the order number, for example 100234.',
  orderWarehouse: (p) => [
    enMention(p) ?? `Order #${p.orderId} shipped from ${label(p.shippedFrom)}.`,
    'Each warehouse against the whole order in one parcel, cheapest first:',
    ...p.plan.assessments.map((a) => enAssessment(a, p)),
    enWhy(p),
    `Assumed: shipping cost = ${formatMoney(p.tariff.baseMinor, p.plan.currency)} per parcel + ${per100Km(p.tariff, p.plan.currency)} per 100 km, `
      + 'straight-line distance to the centre of the delivery postcode district (area average when the district is unknown); '
      + "stock = today's available units (on hand − reserved) with this order's units added back to the warehouse it shipped from.",
  ].join('\n'),
};

function zhMention(p: OrderWarehouseReply): string | undefined {
  const { mention, shippedFrom, orderId } = p;
  if (!mention) return undefined;
  if (mention.warehouse?.code === shippedFrom.code) return `是的：订单 #${orderId} 从 ${zhLabel(shippedFrom)}发货。`;
  if (!mention.warehouse) return `注意：您说的是 ${mention.said}，但我们在那里没有仓库。订单 #${orderId} 是从 ${zhLabel(shippedFrom)}发货的。`;
  return `注意：您说的是 ${zhLabel(mention.warehouse)}，但订单 #${orderId} 并不是从那里发货的，而是从 ${zhLabel(shippedFrom)}发货。`;
}

function zhWhy(p: OrderWarehouseReply): string {
  const { plan, shippedFrom } = p;
  const money = (minor: number) => formatMoney(minor, plan.currency);
  const mine = actual(p);
  if (!p.matchesPlan) {
    const reason = !mine ? `${shippedFrom.name} 不在比较的仓库之中`
      : mine.canFillAll ? `${shippedFrom.name} 虽然全部有货，但运费为 ${money(mine.costMinor)}`
        : `${shippedFrom.name} 现在缺货：${shortList(mine, 'zh')}`;
    return `原因：按今天的库存和运费，规则会改选 ${chosen(p, zhLabel).join('和') || '（没有仓库）'}：${reason}。下单后库存已有变动，当时它很可能就是最佳选择。`;
  }
  if (plan.split) return `原因：没有一个仓库有全部商品，所以订单拆分发货，以最低总运费（${money(plan.totalCostMinor)}）发出尽可能多的商品；${shippedFrom.name} 承担其中一部分。`;
  const next = runnerUp(p);
  if (!next || !mine) return `原因：只有 ${shippedFrom.name} 有全部商品，而我们优先一个包裹发货。`;
  const saving = next.costMinor - mine.costMinor;
  const cheaper = saving > 0 ? `比 ${next.name} 便宜 ${money(saving)}` : `与 ${next.name} 运费相同，按距离取较近者`;
  return `原因：只要有仓库备齐全部商品，就优先一个包裹发货；在这些仓库中，${shippedFrom.name} 运费最低（${cheaper}）。`;
}

function zhAssessment(a: WarehouseAssessment, p: OrderWarehouseReply): string {
  const stock = a.canFillAll ? '全部有货' : `缺货：${shortList(a, 'zh')}`;
  const parts = [stock, km(a), formatMoney(a.costMinor, p.plan.currency)].filter(Boolean);
  return `• ${a.name}（${a.warehouse}）：${parts.join(' · ')}${a.warehouse === p.shippedFrom.code ? ' ← 实际发货仓' : ''}`;
}

const zh: AllocationCatalogue = {
  askOrderId: '请问是哪个订单？请提供订单号，例如 100234。',
  orderWarehouse: (p) => [
    zhMention(p) ?? `订单 #${p.orderId} 从 ${zhLabel(p.shippedFrom)}发货。`,
    '各仓库整单一个包裹发货的情况（运费从低到高）：',
    ...p.plan.assessments.map((a) => zhAssessment(a, p)),
    zhWhy(p),
    `假设：运费 = 每个包裹 ${formatMoney(p.tariff.baseMinor, p.plan.currency)} + 每 100 公里 ${per100Km(p.tariff, p.plan.currency)}，`
      + '距离为仓库到收货邮编区中心的直线距离（邮编区未知时取该邮编大区的平均位置）；'
      + '库存 = 今天的可用数量（在库 − 已预留），并把本订单的数量加回其发货仓。',
  ].join('\n'),
};

/** Allocation texts by language. */
export const allocationMessages: Readonly<Record<Language, AllocationCatalogue>> = { en, zh };
