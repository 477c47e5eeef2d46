import type { StaffCatalogue } from './catalogue.js';
import { formatDay } from './dates.js';

const cover = (days: number | null) => (days === null ? '—' : days.toFixed(1));
const where = (warehouse?: string) => (warehouse ? `（仓库 ${warehouse}）` : '（全部仓库）');

/** Chinese texts for staff answers (see {@link StaffCatalogue}). */
export const zhStaff: StaffCatalogue = {
  staffNotYet: '这个问题暂时还不能在聊天中回答。目前可以查询库存、低库存、需求预测、补货建议和采购单草稿、订单发货仓原因、配送路线规划、运营指标和商品推荐。',
  staffWelcome: [
    '您好！可以问我运营方面的问题，例如：',
    '• “利兹仓库哪些库存不足？”或“APP-1042 的库存”',
    '• “预测 APP-1042 未来 4 周的需求”或“需要补货什么？”',
    '• “订单 100234 为什么从曼彻斯特发货？”',
    '• “规划明天利兹仓库 3 辆车的配送路线”',
    '• “上个月的运营指标如何？”',
  ].join('\n'),
  notAllowed: '抱歉，您的角色没有这项权限。如有需要，请联系管理员调整角色。',
  askSku: '请问是哪个 SKU？例如 APP-1042。',
  lowStockTable: ({ report, shown, warehouse, trailingDays }) => {
    if (report.items.length === 0) return `截至 ${report.asOf}，没有低于再订货点的商品${where(warehouse)}。`;
    const rows = shown.map((i) => `${i.sku} | ${i.name ?? ''} | ${i.warehouse} | ${i.available} | ${i.reorderPoint} | ${cover(i.daysOfCover)}`);
    const more = report.items.length > shown.length ? `\n……另有 ${report.items.length - shown.length} 项。` : '';
    const demand = report.demand === 'forecast' ? '需求 = 预测值' : `需求 = 最近 ${trailingDays} 天日销量平均值`;
    return [
      `共 ${report.items.length} 项低于再订货点${where(warehouse)}，按紧急程度排序：`,
      'SKU | 名称 | 仓库 | 可用 | 再订货点 | 可售天数',
      ...rows,
    ].join('\n') + `${more}\n假设：可用 = 在库 − 已预留；${demand}，截至昨天；数据日期 ${report.asOf}。`;
  },
  stockLevel: ({ sku, name, rows }) => {
    if (rows.length === 0) return `找不到 SKU ${sku} 的库存，请检查编码。`;
    const lines = rows.map((r) => `${r.warehouse}：在库 ${r.onHand}，已预留 ${r.reserved}，可用 ${r.available}`);
    return [`${sku}${name ? `（${name}）` : ''} 的库存：`, ...lines.map((l) => `• ${l}`)].join('\n');
  },
  forecastReply: ({ sku, warehouse, weeks, level, method, reason, historyDays }) => [
    `${sku}${where(warehouse)} 的每周需求预测（${Math.round(level * 100)}% 区间）：`,
    `起始周 | 件数 | ${Math.round(level * 100)}% 区间`,
    ...weeks.map((w) => `${formatDay(w.weekStart, 'zh')} | ${Math.round(w.point)} | ${Math.round(w.lower)}–${Math.round(w.upper)}`),
    // The forecaster writes its reason in English; it is shown as written.
    `方法：${method}。原因：${reason}`,
    `依据截至昨天的 ${historyDays} 天销售数据。`,
  ].join('\n'),
  forecastNoHistory: ({ sku, warehouse }) => `${sku}${where(warehouse)} 的销售历史不足（至少需要两周），无法预测。`,
};
