import type { ProcessMetrics } from '../../ops/index.js';
import type { Language } from './catalogue.js';
import { formatDay } from './dates.js';

/** A period of whole UTC days, both ends included. */
export interface DayPeriod {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, included. */
  to: string;
  days: number;
}

/** Texts of the process-metrics tool, in one language. */
export interface MetricsCatalogue {
  metricsTable(p: { period: DayPeriod; metrics: ProcessMetrics }): string;
}

/** A share as a percentage with one decimal ("92.3%"); `null` (nothing to divide by) as `na`. */
export function formatShare(value: number | null, na: string): string {
  return value === null ? na : `${(value * 100).toFixed(1)}%`;
}

const fixed = (value: number | null, digits: number, na: string) => (value === null ? na : value.toFixed(digits));

function enRows(m: ProcessMetrics): string[] {
  const na = 'n/a';
  const { cycleTime: c, onTimeDelivery: o, fillRate: f, stockOutRate: s, inventoryTurnover: t, returnRate: r } = m;
  return [
    `Order cycle time | median ${fixed(c.medianDays, 1, na)} days (p90 ${fixed(c.p90Days, 1, na)} days) | ${c.counts.deliveredOrders} delivered orders`,
    `On-time delivery | ${formatShare(o.value, na)} | ${o.counts.onTime} of ${o.counts.delivered} delivered orders`,
    `Fill rate | ${formatShare(f.value, na)} | ${f.counts.unitsShipped} of ${f.counts.unitsOrdered} units (${f.counts.ordersShipped} of ${f.counts.ordersDecided} orders)`,
    `Stock-out rate | ${formatShare(s.value, na)} | ${s.counts.stockedOut} of ${s.counts.skuWarehouses} SKU × warehouse rows, now`,
    `Inventory turnover | ${fixed(t.value, 2, na)} (${fixed(t.annualised, 1, na)} a year) | ${t.counts.unitsSold} units sold in ${t.counts.days} days / ${t.counts.unitsOnHand} on hand now`,
    `Return rate | ${formatShare(r.value, na)} of orders (${formatShare(r.unitRate, na)} of units) | ${r.counts.returnedOrders} of ${r.counts.deliveredOrders} delivered orders`,
  ];
}

function zhRows(m: ProcessMetrics): string[] {
  const na = '—';
  const { cycleTime: c, onTimeDelivery: o, fillRate: f, stockOutRate: s, inventoryTurnover: t, returnRate: r } = m;
  return [
    `订单周期 | 中位数 ${fixed(c.medianDays, 1, na)} 天（P90 ${fixed(c.p90Days, 1, na)} 天） | 已送达订单 ${c.counts.deliveredOrders} 个`,
    `准时送达率 | ${formatShare(o.value, na)} | 已送达 ${o.counts.delivered} 个订单中准时 ${o.counts.onTime} 个`,
    `满足率 | ${formatShare(f.value, na)} | ${f.counts.unitsOrdered} 件中发出 ${f.counts.unitsShipped} 件（${f.counts.ordersDecided} 个订单中 ${f.counts.ordersShipped} 个）`,
    `缺货率 | ${formatShare(s.value, na)} | 当前 ${s.counts.skuWarehouses} 个 SKU × 仓库组合中 ${s.counts.stockedOut} 个缺货`,
    `库存周转 | ${fixed(t.value, 2, na)}（年化 ${fixed(t.annualised, 1, na)}） | ${t.counts.days} 天售出 ${t.counts.unitsSold} 件 / 当前在库 ${t.counts.unitsOnHand} 件`,
    `退货率 | 订单 ${formatShare(r.value, na)}（件数 ${formatShare(r.unitRate, na)}） | 已送达 ${r.counts.deliveredOrders} 个订单中 ${r.counts.returnedOrders} 个有退货`,
  ];
}

const en: MetricsCatalogue = {
  metricsTable: ({ period, metrics }) => [
    `Process metrics for orders placed ${formatDay(period.from, 'en')} – ${formatDay(period.to, 'en')} (${period.from} to ${period.to}, ${period.days} days):`,
    'Metric | Value | Basis',
    ...enRows(metrics),
    'Assumed: order metrics follow the orders placed in the period up to now, so recent orders have had less time to be delivered or returned; '
      + 'stock-out rate is a proxy: the share of SKU × warehouse stock rows with nothing available now (there is no stock history); '
      + 'turnover counts units (no product cost) against stock on hand now, not average stock.',
  ].join('\n'),
};

const zh: MetricsCatalogue = {
  metricsTable: ({ period, metrics }) => [
    `${formatDay(period.from, 'zh')} 至 ${formatDay(period.to, 'zh')}（${period.from} 至 ${period.to}，共 ${period.days} 天）下单订单的流程指标：`,
    '指标 | 数值 | 依据',
    ...zhRows(metrics),
    '假设：订单类指标跟踪该期间下的订单直到现在，因此最近的订单送达或退货的时间较短；'
      + '缺货率为替代指标：当前没有可用库存的 SKU × 仓库库存记录所占比例（没有库存历史）；'
      + '周转按件数计算（没有商品成本），并以当前在库量代替平均库存。',
  ].join('\n'),
};

/** Process-metrics texts by language. */
export const metricsMessages: Readonly<Record<Language, MetricsCatalogue>> = { en, zh };
