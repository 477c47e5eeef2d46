import type { StaffCatalogue } from './catalogue.js';
import { formatDay } from './dates.js';

const cover = (days: number | null) => (days === null ? 'n/a' : days.toFixed(1));
const where = (warehouse?: string) => (warehouse ? ` in ${warehouse}` : ' across all warehouses');

/** English texts for staff answers (see {@link StaffCatalogue}). */
export const enStaff: StaffCatalogue = {
  staffNotYet: "I can't answer that one in chat yet. Here I can do stock levels, low stock, demand forecasts, reorder suggestions and draft purchase orders, why an order shipped from its warehouse, delivery route plans, process metrics and product recommendations.",
  staffWelcome: [
    'Hi! Ask me about operations, for example:',
    '• "what\'s low in Leeds?" or "stock of APP-1042"',
    '• "forecast APP-1042 for the next 4 weeks" or "what should we reorder?"',
    '• "why did order 100234 ship from Manchester?"',
    '• "plan tomorrow\'s routes from Leeds with 3 vans"',
    '• "how did we do last month?" (process metrics) · "what goes with APP-1042?"',
  ].join('\n'),
  notAllowed: "Sorry, your role doesn't include that. An admin can change your role if you need it.",
  askSku: 'Which SKU? For example APP-1042.',
  lowStockTable: ({ report, shown, warehouse, trailingDays }) => {
    if (report.items.length === 0) return `Nothing is below its reorder point${where(warehouse)} (as of ${report.asOf}).`;
    const rows = shown.map((i) => `${i.sku} | ${i.name ?? ''} | ${i.warehouse} | ${i.available} | ${i.reorderPoint} | ${cover(i.daysOfCover)}`);
    const more = report.items.length > shown.length ? `\n…and ${report.items.length - shown.length} more.` : '';
    const demand = report.demand === 'forecast' ? 'demand = forecast' : `demand = trailing ${trailingDays}-day average of daily sales`;
    return [
      `${report.items.length} item(s) below reorder point${where(warehouse)}, most urgent first:`,
      'SKU | Name | Warehouse | Available | Reorder point | Days of cover',
      ...rows,
    ].join('\n') + `${more}\nAssumed: available = on hand − reserved; ${demand}, up to yesterday; as of ${report.asOf}.`;
  },
  stockLevel: ({ sku, name, rows }) => {
    if (rows.length === 0) return `I can't find stock for SKU ${sku}. Please check the code.`;
    const lines = rows.map((r) => `${r.warehouse}: on hand ${r.onHand}, reserved ${r.reserved}, available ${r.available}`);
    return [`Stock of ${sku}${name ? ` (${name})` : ''}:`, ...lines.map((l) => `• ${l}`)].join('\n');
  },
  forecastReply: ({ sku, warehouse, weeks, level, method, reason, historyDays }) => [
    `Weekly demand forecast for ${sku}${where(warehouse)} (${Math.round(level * 100)}% interval):`,
    `Week from | Units | ${Math.round(level * 100)}% range`,
    ...weeks.map((w) => `${formatDay(w.weekStart, 'en')} | ${Math.round(w.point)} | ${Math.round(w.lower)}–${Math.round(w.upper)}`),
    `Method: ${method}. Why: ${reason}`,
    `Based on ${historyDays} days of sales up to yesterday.`,
  ].join('\n'),
  forecastNoHistory: ({ sku, warehouse }) => `There isn't enough sales history for ${sku}${where(warehouse)} to forecast (at least two weeks are needed).`,
};
