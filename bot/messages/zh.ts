import { formatMoney } from '../../core/money.js';
import type { OrderDetail, OrderSummary } from '../../ops/index.js';
import type { Address, OrderStatus, ReturnStatus } from '../../store/index.js';
import type { Catalogue, Refusal } from './catalogue.js';
import { formatDay } from './dates.js';
import { zhStaff } from './zh-staff.js';

const CONTACT = 'help@northwind-outfitters.example';
const day = (iso: string) => formatDay(iso, 'zh');
// Prices stay in the shop's currency format (£24.00): it is what the card statement shows.
const money = formatMoney;

const ORDER_STATUS: Readonly<Record<OrderStatus, string>> = {
  paid: '已付款', packed: '已打包', shipped: '已发货', delivered: '已签收', cancelled: '已取消', returned: '已退货',
};
const RETURN_STATUS: Readonly<Record<ReturnStatus, string>> = {
  requested: '已申请', received: '已收到退货', refunded: '已退款', rejected: '未通过',
};

function describeStatus(order: OrderDetail): string {
  const n = `订单 #${order.id} `;
  const s = order.shipment;
  switch (order.status) {
    case 'paid': return `${n}已付款确认，还没有打包，现在仍可修改或取消。`;
    case 'packed': return `${n}已打包，正在等待快递揽收。出库之前仍可修改或取消。`;
    case 'cancelled': return `${n}已取消。`;
    case 'returned': return `${n}已退货。`;
    case 'delivered': return s?.deliveredAt ? `${n}已于${day(s.deliveredAt)}签收。` : `${n}已签收。`;
    case 'shipped': {
      if (!s) return `${n}已从仓库发出。`;
      const tracking = `快递公司：${s.carrier}，运单号：${s.trackingNumber}`;
      if (s.delayed) {
        return `${n}已发货（${tracking}），但配送有所延误：原定${day(s.promisedDate)}送达，${s.carrier} 现预计${day(s.estimatedDate)}送达。给您带来不便，非常抱歉。`;
      }
      return `${n}已发货（${tracking}），预计${day(s.estimatedDate)}送达。`;
    }
  }
}

const items = (lines: readonly { quantity: number; name: string }[]) => lines.map((l) => `${l.quantity} × ${l.name}`).join('、');

function itemsLine(order: Pick<OrderDetail, 'lines' | 'totalMinor' | 'currency'>): string {
  return `${items(order.lines)}（合计 ${money(order.totalMinor, order.currency)}）`;
}

function summaryLine(order: OrderSummary): string {
  const status = ORDER_STATUS[order.status];
  return `#${order.id} · ${status} · ${day(order.placedAt)}下单 · ${money(order.totalMinor, order.currency)}`;
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

function addressLine(a: Address): string {
  return [a.name, a.line1, a.line2, `${a.city} ${a.postcode}`, a.country].filter(Boolean).join(', ');
}

/** The order rules write their reasons in English; these say the same for each rule's code. */
/** Customer order tools, whose refusals this catalogue words itself; other tools write theirs in the caller's language. */
const ORDER_TOOLS: ReadonlySet<string> = new Set(['order_status', 'list_orders', 'cancel_order', 'change_address', 'start_return']);
const HAN = /[\u3400-\u9fff]/;

function refusal(r: Refusal): string {
  if (!ORDER_TOOLS.has(r.tool)) return HAN.test(r.userMessage) ? r.userMessage : `抱歉，这项操作暂时无法完成（${r.userMessage}）。`;
  const n = r.orderId === undefined ? '该订单' : `订单 #${r.orderId} `;
  switch (r.code) {
    case 'order_dispatched':
      if (r.tool === 'change_address') return `${n}已经发货，收货地址无法再修改了。`;
      if (r.status === 'delivered') return `${n}已经签收，无法再取消了。如有需要，您可以申请退货退款。`;
      return `${n}已经发货，无法再取消了。收到货后，您可以申请退货退款。`;
    case 'order_not_cancellable':
      return `${n}已经退货，没有可以取消的内容了。`;
    case 'order_already_cancelled':
      return `${n}已经取消了。`;
    case 'order_not_delivered':
      if (r.status === 'shipped') return `${n}正在配送中，还没有签收。收到货后就可以申请退货。`;
      return `${n}还没有发货，暂时没有可以退的商品。如果不想要了，可以直接取消订单。`;
    case 'nothing_to_return':
      return `${n}中的商品已经退过了，无法重复退货。`;
    case 'return_quantity_exceeded':
      return r.returnable === undefined ? `退货数量超过了${n}中可退的数量。` : `${n}中这件商品最多还能退 ${r.returnable} 件。`;
    case 'invalid_input':
      if (r.tool === 'change_address') return '这个收货地址无法使用，请核对街道、城市和邮编后再试。';
      break;
    case 'return_window_closed':
      return r.returnBy ? `${n}的退货期已于${day(r.returnBy)}结束，无法再申请退货了。` : `${n}已超过退货期，无法再申请退货了。`;
  }
  return `抱歉，${n}暂时无法办理这项操作。如需帮助，请发邮件至 ${CONTACT}。`;
}

/** Simplified Chinese, as a shop's customer service writes it: polite 您, full-width punctuation. */
export const zh: Catalogue = {
  ...zhStaff,
  welcome: '您好！我是 Northwind Outfitters 的在线客服，可以帮您查询订单、取消订单、修改收货地址或申请退货，也可以解答关于本店的问题。请问有什么可以帮您？',
  greet: '您好！我可以帮您查询订单、取消订单、修改收货地址或申请退货。请问有什么可以帮您？',
  help: '我可以帮您查询订单物流、查看最近的订单、在发货前取消订单、修改收货地址、申请退货，还可以解答关于本店政策的问题。',
  thanks: '不客气！还有其他可以帮您的吗？',
  goodbye: '感谢您的咨询，祝您生活愉快！',
  affirm: '好的。接下来需要办理什么？',
  deny: '没问题。还有其他可以帮您的吗？',
  complaint: `非常抱歉给您带来不好的体验。请告诉我订单号，我来帮您查看问题出在哪里；您也可以发邮件至 ${CONTACT}，我们的同事会跟进处理。`,
  humanHandoff: `抱歉，目前还无法在对话中为您转接人工客服。您可以发邮件至 ${CONTACT} 联系我们的客服团队（周一至周五 9:00–17:30），请在邮件中注明订单号。`,
  handoffConnecting: '正在为您转接人工客服，请留在此对话中，客服同事有空后会在这里回复您。',
  handoffReturned: '您已回到智能助手。还有其他可以帮您的吗？',
  fallback: '抱歉，我没太明白您的意思。我可以帮您办理以下事项：',
  staffOnly: '这类问题需要通过员工系统查询。在这里，我可以帮您处理订单和退货，并解答关于本店的问题。',
  knowledgeUnknown: `抱歉，这个问题我暂时无法回答。您可以发邮件至 ${CONTACT} 咨询我们的同事；如果与订单有关，请注明订单号。`,

  yes: { title: '是', value: '是' },
  no: { title: '否', value: '否' },
  menuWhereIsOrder: { title: '我的订单到哪了？', value: '我的订单到哪了' },
  menuRecentOrders: { title: '最近的订单', value: '查看我最近的订单' },
  menuCancel: { title: '取消订单', value: '我要取消订单' },
  menuReturn: { title: '申请退货', value: '我要退货' },

  confirmDeclined: '好的，我没有做任何更改。',
  answerYesNo: '请回复“是”或“否”。',
  slotDeclined: '好的，那先不办了。还有其他需要吗？',
  startAgain: '我们重新开始吧。请问需要办理什么？',
  notFound: '抱歉，没有找到相关信息。',
  orderNotFound: ({ orderId }) => `您的账户下没有找到订单 #${orderId}，请核对订单号。`,
  confirmTool: () => '确定要办理吗？',
  withProblem: ({ problem, question }) => `${problem}${question}`,
  refusal,
  suggestReturn: ({ orderId }) => ({ title: '申请退货', value: `我要退货，订单#${orderId}` }),
  suggestCancel: ({ orderId }) => ({ title: '改为取消订单', value: `取消订单 #${orderId}` }),

  alreadyIdentified: '您的身份已经核实过了。请问有什么可以帮您？',
  identifyDeclined: '好的。关于配送、退货和商品的一般问题，我仍然可以为您解答。',
  identifyAskBoth: '为了保护您的账户安全，需要先核实您的身份。请提供您的订单号，以及下单时使用的邮箱地址。',
  identifyAskOrder: '谢谢。请问订单号是多少？订单号以 1 开头，共六位数字。',
  identifyAskEmail: ({ orderId }) => `谢谢。请问订单 #${orderId} 下单时使用的是哪个邮箱地址？`,
  identifyTooMany: ({ minutes }) => `尝试次数过多。为了您的账户安全，请 ${minutes} 分钟后再试。`,
  identifyFailed: '没有找到与这个订单号和邮箱地址相符的订单，请核对后再试一次。',
  verified: ({ orderId }) => `谢谢，身份已核实。接下来默认为您处理订单 #${orderId}，如需办理其他订单请告诉我。`,
  verifiedWhatNext: ({ orderId }) => `谢谢，身份已核实。接下来默认为您处理订单 #${orderId}，如需办理其他订单请告诉我。请问需要办理什么？`,

  askOrderAnonymous: '请问是哪个订单？请告诉我订单号。',
  askOrderNoOrders: '您的账户里暂时没有订单。请问您说的是哪个订单号？',
  askOrderRecent: ({ orders }) => `请问是哪个订单？以下是您最近的订单：\n${bullets(orders.map(summaryLine))}`,
  orderChoice: ({ order }) => ({ title: `#${order.id}（${ORDER_STATUS[order.status]}）`, value: `订单 #${order.id}` }),
  askAddress: '请告诉我新的收货地址，写在一行即可，各部分用逗号隔开，例如：12 High Street, Leeds LS1 4AB。',
  // The address parser explains in English; a short reason here, the example follows in the question.
  addressProblem: () => '抱歉，这个地址不完整或格式不对。',
  returnLinesUnclear: '抱歉，我没看出您指的是哪件商品。',
  askReturnWholeOrder: '要退回整个订单吗？',
  returnWholeOrderYes: { title: '是，全部退回', value: '全部商品' },
  allItems: { title: '全部商品', value: '全部商品' },
  returnLineChoice: ({ line }) => ({ title: `${line.returnableQuantity} × ${line.name}`, value: `第${line.lineNo}件` }),
  askReturnLines: ({ lines }) =>
    `请问要退哪些商品？\n${bullets(lines.map((l) => `第${l.lineNo}件：${l.returnableQuantity} × ${l.name}`))}`,

  orderStatus: ({ order }) => [
    describeStatus(order),
    `商品：${itemsLine(order)}。`,
    ...order.returns.map((r) => `退货单 #${r.id}：${RETURN_STATUS[r.status]}，退款金额 ${money(r.refundMinor, order.currency)}`),
  ].join('\n'),
  orderList: ({ orders }) => orders.length === 0
    ? '您的账户里暂时还没有订单。'
    : `您最近的订单：\n${bullets(orders.map(summaryLine))}`,
  cancelPreview: ({ order, refundMinor }) =>
    `确认取消订单 #${order.id} 吗？商品：${itemsLine(order)}。取消后将退款 ${money(refundMinor, order.currency)}。`,
  cancelDone: ({ orderId, refundMinor, currency }) =>
    `已为您取消订单 #${orderId}。退款 ${money(refundMinor, currency)} 将在 5 个工作日内原路退回。`,
  addressPreview: ({ orderId, address }) => `确认将订单 #${orderId} 的收货地址改为：${addressLine(address)} 吗？`,
  addressDone: ({ orderId, address }) => `已修改：订单 #${orderId} 将改寄到 ${address.line1}, ${address.city} ${address.postcode}。`,
  returnPreview: ({ plan }) =>
    `确认退回订单 #${plan.orderId} 中的 ${items(plan.lines)} 吗？退款金额为 ${money(plan.refundMinor, plan.currency)}。`,
  returnDone: ({ returnId, refundMinor, currency }) =>
    `退货申请 #${returnId} 已登记。请在 14 天内使用我们通过邮件发送给您的退货面单寄回商品，我们收到后将退款 ${money(refundMinor, currency)}。`,
};
