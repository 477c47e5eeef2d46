import type { QuickReply } from '../../core/activity.js';
import type { DeliveryEstimate, DeliveryOrder, DeliveryPlan, DeliveryRoute, UnservedDeliveryReason } from '../../ops/index.js';
import type { OrderStatus } from '../../store/index.js';
import type { Language } from './catalogue.js';
import { formatDay } from './dates.js';

/** Texts of the route-planning and delivery-ETA answers, in one language. */
export interface RouteCatalogue {
  /** Asked when staff want a route plan without naming the warehouse. */
  askWarehouse: string;
  warehouseChoice(p: { code: string; city: string }): QuickReply;
  unknownWarehouse(p: { warehouse: string; known: readonly string[] }): string;
  /** A plan was asked for a day already gone. */
  pastDate(p: { date: string }): string;
  /** The saved plan: a table per van, totals, orders left out, and the assumptions. */
  planReply(p: { plan: DeliveryPlan; routePlanId: number }): string;
  /** When an order arrives; times are shown on the wall clock of `timeZone`. */
  etaReply(p: { estimate: DeliveryEstimate; timeZone: string }): string;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** `HH:MM` of an ISO time in `timeZone`; both languages write times this way. */
function clock(iso: string, timeZone: string): string {
  let formatter = clocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    clocks.set(timeZone, formatter);
  }
  return formatter.format(new Date(iso));
}

const km = (value: number) => value.toFixed(1);
const place = (o: Pick<DeliveryOrder, 'town' | 'postcode'>) => [o.town, o.postcode].filter(Boolean).join(' ') || '?';

/** One van's table, with the language's header and summary line. */
function vanTable(route: DeliveryRoute, timeZone: string, words: { summary: string; header: string }): string[] {
  return [
    words.summary,
    words.header,
    ...route.stops.map((s) => `${s.sequence} | #${s.orderId} | ${place(s)} | ${s.units} | ${clock(s.arrival, timeZone)}`),
  ];
}

const EN_REASONS: Record<UnservedDeliveryReason, string> = {
  'unreachable-window': 'too far to get there and back within the shift',
  'no-vehicle-available': 'no room left on the vans',
  'over-capacity': 'more units than a van holds',
};

const ZH_REASONS: Record<UnservedDeliveryReason, string> = {
  'unreachable-window': '路程太远，无法在班次内往返',
  'no-vehicle-available': '车辆已满',
  'over-capacity': '件数超过单车容量',
};

const ZH_STATUS: Record<OrderStatus, string> = {
  paid: '已付款', packed: '已打包', shipped: '已发货', delivered: '已签收', cancelled: '已取消', returned: '已退货',
};

function enPlan({ plan, routePlanId }: { plan: DeliveryPlan; routePlanId: number }): string {
  const a = plan.assumptions;
  const tz = a.timeZone;
  const day = formatDay(plan.date, 'en');
  const lines = [`Route plan #${routePlanId} for ${plan.warehouse.code} (${plan.warehouse.name}), ${day}:`];
  if (plan.routes.length === 0) lines.push(`No van runs: no orders waiting at ${plan.warehouse.code} can be delivered that day.`);
  for (const route of plan.routes) {
    lines.push('', ...vanTable(route, tz, {
      summary: `Van ${route.van}: ${route.stops.length} stop(s), ${km(route.km)} km, ${route.units} units, back at ${clock(route.returnAt, tz)}`,
      header: 'Stop | Order | Town / postcode | Units | Arrival',
    }));
  }
  const t = plan.totals;
  lines.push('', `Totals: ${t.stops} stop(s), ${km(t.km)} km, ${t.units} units, ${t.vansUsed} of ${a.vans} van(s) used.`);
  if (plan.unserved.length > 0) {
    lines.push(`Not on a van (${plan.unserved.length}):`, ...plan.unserved.map((u) => `• #${u.orderId} ${place(u)}, ${u.units} units: ${EN_REASONS[u.reason]}`));
  }
  if (plan.unlocated.length > 0) {
    lines.push(`Postcode not found, route by hand (${plan.unlocated.length}):`, ...plan.unlocated.map((u) => `• #${u.orderId} ${place(u)}, ${u.units} units`));
  }
  lines.push(
    `Assumed: vans leave at ${a.shiftStart} and are back by ${a.shiftEnd} (${tz} time); average speed ${a.speedKmh} km/h in a straight line; `
    + `${a.serviceMinutes} min per stop; up to ${a.capacity} units per van, ${a.vans} van(s); orders counted: paid or packed at `
    + `${plan.warehouse.code}, placed before the vans leave on ${day}; distances are straight-line km.`,
  );
  return lines.join('\n');
}

function zhPlan({ plan, routePlanId }: { plan: DeliveryPlan; routePlanId: number }): string {
  const a = plan.assumptions;
  const tz = a.timeZone;
  const day = formatDay(plan.date, 'zh');
  const lines = [`${plan.warehouse.code}（${plan.warehouse.name}）${day}配送路线（方案 #${routePlanId}）：`];
  if (plan.routes.length === 0) lines.push(`当天没有可配送的车次：${plan.warehouse.code} 没有能当天送达的待发订单。`);
  for (const route of plan.routes) {
    lines.push('', ...vanTable(route, tz, {
      summary: `${route.van} 号车：${route.stops.length} 站，${km(route.km)} 公里，${route.units} 件，${clock(route.returnAt, tz)} 返回`,
      header: '站序 | 订单 | 城镇/邮编 | 件数 | 到达时间',
    }));
  }
  const t = plan.totals;
  lines.push('', `合计：${t.stops} 站，${km(t.km)} 公里，${t.units} 件，使用 ${t.vansUsed}/${a.vans} 辆车。`);
  if (plan.unserved.length > 0) {
    lines.push(`未安排上车（${plan.unserved.length}）：`, ...plan.unserved.map((u) => `• #${u.orderId} ${place(u)}，${u.units} 件：${ZH_REASONS[u.reason]}`));
  }
  if (plan.unlocated.length > 0) {
    lines.push(`无法识别邮编，请人工安排（${plan.unlocated.length}）：`, ...plan.unlocated.map((u) => `• #${u.orderId} ${place(u)}，${u.units} 件`));
  }
  lines.push(
    `假设：车辆 ${a.shiftStart} 出发、${a.shiftEnd} 前返回（${tz} 时间）；直线平均车速 ${a.speedKmh} 公里/小时；每站 ${a.serviceMinutes} 分钟；`
    + `每车最多 ${a.capacity} 件，共 ${a.vans} 辆车；计入订单：${plan.warehouse.code} 已付款或已打包、在${day}发车前下单的订单；距离按直线公里计算。`,
  );
  return lines.join('\n');
}

function enEta({ estimate, timeZone }: { estimate: DeliveryEstimate; timeZone: string }): string {
  const n = `Order #${estimate.orderId}`;
  switch (estimate.kind) {
    case 'planned':
      return `${n} is planned to arrive on ${formatDay(estimate.eta.date, 'en')} at around ${clock(estimate.eta.arrival, timeZone)} `
        + `(stop ${estimate.eta.sequence} on the van's run, ${timeZone} time).`;
    case 'carrier':
      return `${n} is with ${estimate.carrier}, who expect to deliver it on ${formatDay(estimate.estimatedDate, 'en')}.`;
    case 'delivered':
      return `${n} was delivered on ${formatDay(estimate.deliveredAt, 'en')}.`;
    case 'none':
      return estimate.status === 'cancelled'
        ? `${n} was cancelled, so no delivery is planned.`
        : `No delivery is planned for ${n.toLowerCase()} yet (it is ${estimate.status}). It gets an arrival time once it is on a van run.`;
  }
}

function zhEta({ estimate, timeZone }: { estimate: DeliveryEstimate; timeZone: string }): string {
  const n = `订单 #${estimate.orderId}`;
  switch (estimate.kind) {
    case 'planned':
      return `${n}计划于${formatDay(estimate.eta.date, 'zh')} ${clock(estimate.eta.arrival, timeZone)} 左右送达（车次第 ${estimate.eta.sequence} 站，${timeZone} 时间）。`;
    case 'carrier':
      return `${n}已交由 ${estimate.carrier} 配送，预计${formatDay(estimate.estimatedDate, 'zh')}送达。`;
    case 'delivered':
      return `${n}已于${formatDay(estimate.deliveredAt, 'zh')}签收。`;
    case 'none':
      return estimate.status === 'cancelled'
        ? `${n}已取消，不会安排配送。`
        : `${n}（${ZH_STATUS[estimate.status]}）还没有安排配送，排入车次后就会有预计送达时间。`;
  }
}

const en: RouteCatalogue = {
  askWarehouse: 'Which warehouse should the vans leave from?',
  warehouseChoice: ({ code, city }) => ({ title: `${code} (${city})`, value: code }),
  unknownWarehouse: ({ warehouse, known }) => `I don't know a warehouse "${warehouse}". Warehouses: ${known.join(', ')}.`,
  pastDate: ({ date }) => `${formatDay(date, 'en')} has already passed. Please pick today or a later day.`,
  planReply: enPlan,
  etaReply: enEta,
};

const zh: RouteCatalogue = {
  askWarehouse: '车辆从哪个仓库出发？',
  warehouseChoice: ({ code, city }) => ({ title: `${code}（${city}）`, value: code }),
  unknownWarehouse: ({ warehouse, known }) => `没有找到仓库“${warehouse}”。现有仓库：${known.join('、')}。`,
  pastDate: ({ date }) => `${formatDay(date, 'zh')}已经过去了，请选择今天或之后的日期。`,
  planReply: zhPlan,
  etaReply: zhEta,
};

/**
 * Route-planning and ETA texts by language.
 *
 * @remarks Kept beside, not inside, the main catalogues so route planning can be added or left
 * out without touching every language's customer texts; the `Record` keeps both languages complete.
 */
export const routeMessages: Readonly<Record<Language, RouteCatalogue>> = { en, zh };
