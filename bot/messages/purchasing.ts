import { formatMoney } from '../../core/money.js';
import type { Language } from './catalogue.js';

/** One suggested line as the reply's table shows it. */
export interface SuggestionRow {
  sku: string;
  warehouse: string;
  available: number;
  onOrder: number;
  reorderPoint: number;
  quantity: number;
  packs: number;
  packSize: number;
}

/** One supplier's suggested order; `rows` may be fewer than `lineCount` (the most urgent). */
export interface SupplierSuggestion {
  supplier: string;
  rows: SuggestionRow[];
  lineCount: number;
  units: number;
  /** `null` when a line has no purchase price. */
  valueMinor: number | null;
}

/** Everything a reorder reply says: the orders, the totals and what was assumed. */
export interface SuggestionView {
  /** `YYYY-MM-DD`. */
  asOf: string;
  scope: { warehouse?: string; supplier?: string; sku?: string };
  currency: string;
  suppliers: SupplierSuggestion[];
  lineCount: number;
  totalUnits: number;
  totalValueMinor: number | null;
  /** SKU × warehouse pairs that need nothing now. */
  skipped: number;
  /** Of the skipped, those with no sales in the history read. */
  noSales: number;
  serviceLevel: number;
  reviewPeriodDays: number;
  historyDays: number;
  backtestDays: number;
  /** Pairs whose pack size or MOQ was recorded on the product. */
  termsRecorded: number;
  defaultPackSize: number;
  defaultMoq: number;
}

/** Draft purchase orders just stored. */
export interface CreatedView {
  currency: string;
  orders: { number: string; supplier: string; lineCount: number; units: number; valueMinor: number | null }[];
}

/** Texts of the purchasing tools, per language. */
export interface PurchasingCatalogue {
  /** Suggested orders per supplier as tables, totals, assumptions and how to confirm. */
  suggestions(view: SuggestionView): string;
  /** Nothing in scope is at or below its reorder point. */
  nothingToOrder(view: SuggestionView): string;
  /** What confirming would store; asked as a question. */
  createPreview(view: SuggestionView): string;
  created(view: CreatedView): string;
  /** A warehouse, supplier or SKU the store does not know. */
  unknownScope(options: { kind: string; value: string }): string;
  ambiguousSupplier(options: { value: string; matches: readonly string[] }): string;
}

const pct = (level: number): string => `${Math.round(level * 1000) / 10}%`;
const money = (minor: number | null, currency: string, unknown: string): string => (minor === null ? unknown : formatMoney(minor, currency));
const tableRow = (r: SuggestionRow): string =>
  `${r.sku} | ${r.warehouse} | ${r.available} | ${r.onOrder} | ${r.reorderPoint} | ${r.quantity} | ${r.packs} × ${r.packSize}`;

function enScope(scope: SuggestionView['scope']): string {
  const parts = [scope.sku && `for SKU ${scope.sku}`, scope.supplier && `from ${scope.supplier}`, scope.warehouse ? `in ${scope.warehouse}` : 'in all warehouses'];
  return parts.filter(Boolean).join(' ');
}

function enAssumed(v: SuggestionView): string {
  const terms = v.termsRecorded > 0
    ? `pack size/MOQ from product attributes for ${v.termsRecorded} item(s), otherwise single units (pack ${v.defaultPackSize}, MOQ ${v.defaultMoq})`
    : `pack size/MOQ: none recorded, so single units (pack ${v.defaultPackSize}, MOQ ${v.defaultMoq})`;
  return `Assumed: service level ${pct(v.serviceLevel)}, lead time from each supplier (taken as fixed), ${v.reviewPeriodDays}-day review period; `
    + `demand forecast from up to ${v.historyDays} days of daily sales, error σ from the last ${v.backtestDays} days; `
    + `on order = draft and sent purchase orders; ${terms}; available = on hand − reserved; as of ${v.asOf}.`;
}

const en: PurchasingCatalogue = {
  suggestions: (v) => {
    if (v.suppliers.length === 0) return `${en.nothingToOrder(v)}\n${enAssumed(v)}`;
    const blocks = v.suppliers.map((s) => [
      `${s.supplier}: ${s.lineCount} line(s), ${s.units} units, ${money(s.valueMinor, v.currency, 'value unknown')}`,
      'SKU | Warehouse | Available | On order | Reorder point | Order qty | Packs',
      ...s.rows.map(tableRow),
      ...(s.lineCount > s.rows.length ? [`…and ${s.lineCount - s.rows.length} more line(s).`] : []),
    ].join('\n'));
    return [
      `Reorder suggestions ${enScope(v.scope)}: ${v.suppliers.length} supplier(s), ${v.lineCount} line(s).`,
      ...blocks,
      `Total: ${v.totalUnits} units, ${money(v.totalValueMinor, v.currency, 'value unknown (no purchase prices recorded)')}. `
        + `Not needed now: ${v.skipped} SKU-warehouse pair(s)${v.noSales > 0 ? `, ${v.noSales} of them with no sales` : ''}.`,
      enAssumed(v),
      "Say 'create the purchase orders' to save them as drafts (nothing is sent to suppliers).",
    ].join('\n\n');
  },
  nothingToOrder: (v) => `Nothing needs ordering ${enScope(v.scope)} as of ${v.asOf}: every item is above its reorder point, counting what is already on order.`,
  createPreview: (v) => [
    `I'll save ${v.suppliers.length} draft purchase order(s) ${enScope(v.scope)}, ${v.lineCount} line(s) and ${v.totalUnits} units in total, ${money(v.totalValueMinor, v.currency, 'value unknown')}:`,
    ...v.suppliers.map((s) => `• ${s.supplier}: ${s.lineCount} line(s), ${s.units} units, ${money(s.valueMinor, v.currency, 'value unknown')}`),
    'Nothing is sent to suppliers. Create them?',
  ].join('\n'),
  created: (v) => [
    `Saved ${v.orders.length} draft purchase order(s):`,
    ...v.orders.map((o) => `• ${o.number} to ${o.supplier}: ${o.lineCount} line(s), ${o.units} units, ${money(o.valueMinor, v.currency, 'value unknown')}`),
    'They are drafts: nothing has been sent to suppliers, and their units now count as on order.',
  ].join('\n'),
  unknownScope: ({ kind, value }) => `I can't find a ${kind === 'sku' ? 'SKU' : kind} called ${value}. Please check the name or code.`,
  ambiguousSupplier: ({ value, matches }) => `"${value}" matches several suppliers: ${matches.join(', ')}. Which one do you mean?`,
};

const ZH_KIND: Readonly<Record<string, string>> = { warehouse: '仓库', supplier: '供应商', sku: 'SKU' };

function zhScope(scope: SuggestionView['scope']): string {
  const parts = [scope.warehouse ? `仓库 ${scope.warehouse}` : '全部仓库', scope.supplier && `供应商 ${scope.supplier}`, scope.sku && `SKU ${scope.sku}`];
  return `（${parts.filter(Boolean).join('，')}）`;
}

function zhAssumed(v: SuggestionView): string {
  const terms = v.termsRecorded > 0
    ? `箱规/最小起订量：${v.termsRecorded} 项取自商品属性，其余按单件（每箱 ${v.defaultPackSize} 件，起订 ${v.defaultMoq} 件）`
    : `箱规/最小起订量：均未记录，按单件（每箱 ${v.defaultPackSize} 件，起订 ${v.defaultMoq} 件）`;
  return `假设：服务水平 ${pct(v.serviceLevel)}，交货期取自各供应商（视为固定），补货周期 ${v.reviewPeriodDays} 天；`
    + `需求按最近至多 ${v.historyDays} 天的日销量预测，预测误差 σ 取自最近 ${v.backtestDays} 天；`
    + `在途 = 草稿及已发送的采购单；${terms}；可用 = 在库 − 已预留；数据日期 ${v.asOf}。`;
}

const zh: PurchasingCatalogue = {
  suggestions: (v) => {
    if (v.suppliers.length === 0) return `${zh.nothingToOrder(v)}\n${zhAssumed(v)}`;
    const blocks = v.suppliers.map((s) => [
      `${s.supplier}：${s.lineCount} 行，${s.units} 件，${money(s.valueMinor, v.currency, '金额未知')}`,
      'SKU | 仓库 | 可用 | 在途 | 再订货点 | 订购数量 | 箱数',
      ...s.rows.map(tableRow),
      ...(s.lineCount > s.rows.length ? [`……另有 ${s.lineCount - s.rows.length} 行。`] : []),
    ].join('\n'));
    return [
      `补货建议${zhScope(v.scope)}：共 ${v.suppliers.length} 个供应商，${v.lineCount} 行。`,
      ...blocks,
      `合计：${v.totalUnits} 件，${money(v.totalValueMinor, v.currency, '金额未知（未记录采购价）')}。`
        + `暂不需要补货：${v.skipped} 个 SKU-仓库组合${v.noSales > 0 ? `（其中 ${v.noSales} 个没有销量）` : ''}。`,
      zhAssumed(v),
      '如需保存为采购单草稿，请说"创建采购单"（不会发送给供应商）。',
    ].join('\n\n');
  },
  nothingToOrder: (v) => `截至 ${v.asOf}，${zhScope(v.scope)}没有需要补货的商品：计入在途数量后，所有商品都高于再订货点。`,
  createPreview: (v) => [
    `将保存 ${v.suppliers.length} 张采购单草稿${zhScope(v.scope)}，共 ${v.lineCount} 行、${v.totalUnits} 件，${money(v.totalValueMinor, v.currency, '金额未知')}：`,
    ...v.suppliers.map((s) => `• ${s.supplier}：${s.lineCount} 行，${s.units} 件，${money(s.valueMinor, v.currency, '金额未知')}`),
    '不会发送给供应商。确认创建吗？',
  ].join('\n'),
  created: (v) => [
    `已保存 ${v.orders.length} 张采购单草稿：`,
    ...v.orders.map((o) => `• ${o.number}（${o.supplier}）：${o.lineCount} 行，${o.units} 件，${money(o.valueMinor, v.currency, '金额未知')}`),
    '这些只是草稿，尚未发送给供应商；其数量已计入在途。',
  ].join('\n'),
  unknownScope: ({ kind, value }) => `找不到${ZH_KIND[kind] ?? ''} ${value}，请检查名称或编码。`,
  ambiguousSupplier: ({ value, matches }) => `"${value}"对应多个供应商：${matches.join('、')}。请问是哪一个？`,
};

/**
 * Texts of the reorder-suggestion and purchase-order tools, per language.
 *
 * @remarks Kept outside the main catalogues so purchasing can ship without touching them;
 * tables keep SKUs, codes and supplier names as stored, whatever the language.
 */
export const purchasingMessages: Readonly<Record<Language, PurchasingCatalogue>> = { en, zh };
