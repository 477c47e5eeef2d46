import { formatMoney } from '../../core/money.js';
import type { OrderDetail, OrderSummary } from '../../ops/index.js';
import type { Address } from '../../store/index.js';
import type { Catalogue } from './catalogue.js';
import { formatDay } from './dates.js';
import { enStaff } from './en-staff.js';

const CONTACT = 'help@northwind-outfitters.example';
const day = (iso: string) => formatDay(iso, 'en');

function describeStatus(order: OrderDetail): string {
  const n = `Order #${order.id}`;
  const s = order.shipment;
  switch (order.status) {
    case 'paid': return `${n} is confirmed and paid; it hasn't been packed yet, so it can still be changed or cancelled.`;
    case 'packed': return `${n} is packed and waiting for the courier. It can still be changed or cancelled until it leaves the warehouse.`;
    case 'cancelled': return `${n} was cancelled.`;
    case 'returned': return `${n} was returned.`;
    case 'delivered': return `${n} was delivered${s?.deliveredAt ? ` on ${day(s.deliveredAt)}` : ''}.`;
    case 'shipped': {
      if (!s) return `${n} has left our warehouse.`;
      const tracking = `${s.carrier}, tracking number ${s.trackingNumber}`;
      if (s.delayed) {
        return `${n} is on its way with ${tracking}, but it's running late: it was promised for ${day(s.promisedDate)} and ${s.carrier} now expects ${day(s.estimatedDate)}. Sorry about that.`;
      }
      return `${n} is on its way with ${tracking}. Expected delivery: ${day(s.estimatedDate)}.`;
    }
  }
}

function itemsLine(order: Pick<OrderDetail, 'lines' | 'totalMinor' | 'currency'>): string {
  const items = order.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ');
  return `${items} (total ${formatMoney(order.totalMinor, order.currency)})`;
}

function summaryLine(order: OrderSummary): string {
  return `#${order.id} · ${order.status} · placed ${day(order.placedAt)} · ${formatMoney(order.totalMinor, order.currency)}`;
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

function addressLine(a: Address): string {
  return [a.name, a.line1, a.line2, `${a.city} ${a.postcode}`, a.country].filter(Boolean).join(', ');
}

/** English: the shop's own language, and the default. */
export const en: Catalogue = {
  ...enStaff,
  welcome: 'Hello! I can check an order, cancel it, change its delivery address or start a return, and answer questions about our shop. What can I do for you?',
  greet: 'Hello! I can check an order, cancel it, change its delivery address or start a return. What can I do for you?',
  help: 'I can tell you where an order is, list your recent orders, cancel an order before it ships, change a delivery address, start a return, and answer questions about our policies.',
  thanks: "You're welcome! Anything else I can help with?",
  goodbye: 'Thanks for chatting. Have a good day!',
  affirm: 'Great. What would you like to do next?',
  deny: 'No problem. Is there anything else I can help with?',
  complaint: `I'm sorry about that. Tell me the order number and I'll look at what went wrong, or write to ${CONTACT} and a colleague will pick it up.`,
  humanHandoff: `I can't bring a colleague into this chat yet. You can reach our team at ${CONTACT}, Monday to Friday 9:00–17:30; please include your order number.`,
  handoffConnecting: "I'm connecting you with a colleague. Please stay in this chat: they'll reply here as soon as they're free.",
  handoffReturned: "You're back with the assistant. Is there anything else I can help with?",
  fallback: "Sorry, I didn't quite get that. Here's what I can help with:",
  staffOnly: 'That is something our staff tools answer. Here I can help with your orders, returns and questions about our shop.',
  knowledgeUnknown: `I'm sorry, I don't know the answer to that. A colleague can help: write to ${CONTACT} and include your order number if it's about an order.`,

  yes: { title: 'Yes', value: 'yes' },
  no: { title: 'No', value: 'no' },
  menuWhereIsOrder: { title: 'Where is my order?', value: 'Where is my order?' },
  menuRecentOrders: { title: 'My recent orders', value: 'Show my recent orders' },
  menuCancel: { title: 'Cancel an order', value: 'I want to cancel an order' },
  menuReturn: { title: 'Return an item', value: 'I want to return something' },

  confirmDeclined: "OK, I haven't changed anything.",
  answerYesNo: 'Please answer yes or no.',
  slotDeclined: 'OK, never mind. Anything else?',
  startAgain: "Let's start again. What would you like to do?",
  notFound: "I couldn't find that.",
  orderNotFound: ({ orderId }) => `I couldn't find order #${orderId} on your account. Please check the number.`,
  confirmTool: ({ tool }) => `Go ahead with ${tool}?`,
  withProblem: ({ problem, question }) => `${problem} ${question}`,
  // The order rules already explain themselves in English, for every caller; one wording, kept there.
  refusal: ({ userMessage }) => userMessage,
  suggestReturn: ({ orderId }) => ({ title: 'Start a return', value: `I want to return order #${orderId}` }),
  suggestCancel: ({ orderId }) => ({ title: 'Cancel instead', value: `Cancel order #${orderId}` }),

  alreadyIdentified: "You're already identified. What can I do for you?",
  identifyDeclined: 'OK. I can still answer general questions about shipping, returns and our products.',
  identifyAskBoth: 'First I need to check who you are. What is your order number, and the e-mail address you ordered with?',
  identifyAskOrder: 'Thanks. What is the order number? It starts with 1 and has six digits.',
  identifyAskEmail: ({ orderId }) => `Thanks. What e-mail address did you use for order #${orderId}?`,
  identifyTooMany: ({ minutes }) => `Too many attempts. For your security, please try again in ${minutes} minutes.`,
  identifyFailed: "I couldn't find an order with that order number and e-mail address. Please check both and try again.",
  verified: ({ orderId }) => `Thanks, you're verified. I'll use order #${orderId} unless you tell me another.`,
  verifiedWhatNext: ({ orderId }) => `Thanks, you're verified. I'll use order #${orderId} unless you tell me another. What would you like to do?`,

  askOrderAnonymous: 'Which order do you mean? Please give me its order number.',
  askOrderNoOrders: "I can't see any orders on your account. Which order number do you mean?",
  askOrderRecent: ({ orders }) => `Which order do you mean? Your recent orders:\n${bullets(orders.map(summaryLine))}`,
  orderChoice: ({ order }) => ({ title: `#${order.id} (${order.status})`, value: `Order #${order.id}` }),
  askAddress: 'What is the new delivery address? Please write it on one line, for example: 12 High Street, Leeds LS1 4AB.',
  addressProblem: ({ userMessage }) => userMessage,
  returnLinesUnclear: "I couldn't tell which item you mean.",
  askReturnWholeOrder: 'Shall I return the whole order?',
  returnWholeOrderYes: { title: 'Yes, all items', value: 'all items' },
  allItems: { title: 'All items', value: 'all items' },
  returnLineChoice: ({ line }) => ({ title: `${line.returnableQuantity} × ${line.name}`, value: `item ${line.lineNo}` }),
  askReturnLines: ({ lines }) =>
    `Which items would you like to return?\n${bullets(lines.map((l) => `item ${l.lineNo}: ${l.returnableQuantity} × ${l.name}`))}`,

  orderStatus: ({ order }) => [
    describeStatus(order),
    `Items: ${itemsLine(order)}.`,
    ...order.returns.map((r) => `Return #${r.id}: ${r.status}, refund ${formatMoney(r.refundMinor, order.currency)}`),
  ].join('\n'),
  orderList: ({ orders }) => orders.length === 0
    ? "I can't see any orders on your account yet."
    : `Your recent orders:\n${bullets(orders.map(summaryLine))}`,
  cancelPreview: ({ order, refundMinor }) =>
    `Cancel order #${order.id}: ${itemsLine(order)}? You'll be refunded ${formatMoney(refundMinor, order.currency)}.`,
  cancelDone: ({ orderId, refundMinor, currency }) =>
    `Done: order #${orderId} is cancelled. A refund of ${formatMoney(refundMinor, currency)} goes back to your original payment method within 5 working days.`,
  addressPreview: ({ orderId, address }) => `Change the delivery address of order #${orderId} to: ${addressLine(address)}?`,
  addressDone: ({ orderId, address }) => `Done: order #${orderId} will now be delivered to ${address.line1}, ${address.city} ${address.postcode}.`,
  returnPreview: ({ plan }) =>
    `Return ${plan.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')} from order #${plan.orderId} for a refund of ${formatMoney(plan.refundMinor, plan.currency)}?`,
  returnDone: ({ returnId, refundMinor, currency }) =>
    `Your return #${returnId} is registered. Send the items back within 14 days using the label we've e-mailed you; ${formatMoney(refundMinor, currency)} will be refunded once they arrive.`,
};
