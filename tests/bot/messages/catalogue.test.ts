import { describe, expect, it } from 'vitest';
import type { QuickReply } from '../../../core/activity.js';
import { LANGUAGES, messagesIn, type Catalogue } from '../../../bot/messages/index.js';
import type { LowStockItem, OrderDetail, OrderSummary, ReturnableLine } from '../../../ops/index.js';

const HAN = /\p{Script=Han}/u;

type FunctionKey = { [K in keyof Catalogue]: Catalogue[K] extends (p: never) => unknown ? K : never }[keyof Catalogue];

const order: OrderDetail = {
  id: 100234, status: 'shipped', placedAt: '2026-11-20T10:00:00.000Z', currency: 'GBP',
  subtotalMinor: 4900, shippingMinor: 495, totalMinor: 5395,
  deliveryAddress: { name: 'Ann Lee', line1: '12 High Street', city: 'Leeds', postcode: 'LS1 4AB', country: 'GB' },
  lines: [{ lineId: 1, lineNo: 1, sku: 'MUG-BLUE', name: 'Blue mug', quantity: 2, unitPriceMinor: 1200, returnedQuantity: 0 }],
  shipment: {
    carrier: 'Royal Mail', trackingNumber: 'RM100234GB', status: 'delayed', shippedAt: '2026-11-21T09:00:00.000Z',
    promisedDate: '2026-11-24', estimatedDate: '2026-11-27', deliveredAt: null, delayed: true,
  },
  history: [],
  returns: [{ id: 7, status: 'refunded', refundMinor: 1200, createdAt: '2026-11-22T09:00:00.000Z' }],
};
const summary: OrderSummary = { id: 100234, status: 'paid', placedAt: order.placedAt, currency: 'GBP', totalMinor: 5395, itemCount: 2, items: [{ name: 'Blue mug', quantity: 2 }] };
const line: ReturnableLine = { lineId: 1, lineNo: 2, sku: 'TEE-GREY-M', name: 'Grey T-shirt (M)', unitPriceMinor: 2500, returnableQuantity: 1 };

const lowItem: LowStockItem = {
  sku: 'APP-1042', name: 'Rain jacket', warehouse: 'LDS', onHand: 5, reserved: 1, available: 4, reorderPoint: 10, belowBy: 6, demandPerDay: 2, daysOfCover: 2,
};

type Samples = { [K in FunctionKey]: Parameters<Catalogue[K]>[0] };

/** One argument for every parameterised entry of `m`: the compiler insists on a sample for each. */
const samplesFor = (m: Catalogue): Samples => ({
  orderNotFound: { orderId: 100234 },
  confirmTool: { tool: 'cancel_order' },
  withProblem: { problem: m.returnLinesUnclear, question: m.askReturnWholeOrder },
  refusal: { code: 'order_dispatched', userMessage: 'Order 100234 has already been dispatched.', tool: 'cancel_order', orderId: 100234, status: 'shipped' },
  suggestReturn: { orderId: 100234 },
  suggestCancel: { orderId: 100234 },
  identifyAskEmail: { orderId: 100234 },
  identifyTooMany: { minutes: 15 },
  verified: { orderId: 100234 },
  verifiedWhatNext: { orderId: 100234 },
  askOrderRecent: { orders: [summary] },
  orderChoice: { order: summary },
  addressProblem: { userMessage: 'That address is missing the postcode.' },
  returnLineChoice: { line },
  askReturnLines: { lines: [line] },
  orderStatus: { order },
  orderList: { orders: [summary] },
  cancelPreview: { order, refundMinor: 5395 },
  cancelDone: { orderId: 100234, refundMinor: 5395, currency: 'GBP' },
  addressPreview: { orderId: 100234, address: order.deliveryAddress },
  addressDone: { orderId: 100234, address: order.deliveryAddress },
  returnPreview: {
    plan: { orderId: 100234, orderStatus: 'delivered', currency: 'GBP', refundMinor: 2500, lines: [{ lineId: 1, lineNo: 2, sku: 'TEE-GREY-M', name: 'Grey T-shirt (M)', quantity: 1, refundMinor: 2500 }] },
  },
  returnDone: { returnId: 7, refundMinor: 2500, currency: 'GBP' },
  lowStockTable: {
    report: { asOf: '2026-11-25', demand: 'trailing-average', items: [lowItem] }, shown: [lowItem], warehouse: 'LDS', trailingDays: 28,
  },
  stockLevel: { sku: 'APP-1042', name: 'Rain jacket', rows: [{ warehouse: 'LDS', onHand: 12, reserved: 2, available: 10 }] },
  forecastReply: {
    sku: 'APP-1042', warehouse: 'LDS', weeks: [{ weekStart: '2026-11-25', point: 14.2, lower: 9, upper: 20.4 }],
    level: 0.8, method: 'ses', reason: 'lowest validation error', historyDays: 90,
  },
  forecastNoHistory: { sku: 'APP-1042' },
});

/** The texts an entry shows: a string, or a button's title and the message it sends. */
function textsOf(catalogue: Catalogue, key: keyof Catalogue): string[] {
  const entry: unknown = catalogue[key];
  const value = typeof entry === 'function' ? (entry as (p: unknown) => unknown)(samplesFor(catalogue)[key as FunctionKey]) : entry;
  if (typeof value === 'string') return [value];
  const button = value as QuickReply;
  return [button.title, button.value];
}

describe('message catalogue', () => {
  const keys = Object.keys(messagesIn('en')) as (keyof Catalogue)[];

  it('has the same entries in every language', () => {
    for (const language of LANGUAGES) expect(Object.keys(messagesIn(language)).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s is a non-empty text in English and in Chinese', (key) => {
    const english = textsOf(messagesIn('en'), key);
    const chinese = textsOf(messagesIn('zh'), key);
    for (const text of [...english, ...chinese]) expect(text.trim()).not.toBe('');
    expect(english.join(' ')).not.toMatch(HAN);
    expect(chinese.join(' '), 'the Chinese entry is written in Chinese').toMatch(HAN);
  });

  it('writes Chinese order status with the order number, Chinese dates and the shop currency', () => {
    const text = messagesIn('zh').orderStatus({ order });
    expect(text).toContain('订单 #100234 已发货');
    expect(text).toContain('11月27日（周五）');
    expect(text).toContain('RM100234GB');
    expect(text).toContain('退货单 #7：已退款，退款金额 £12.00');
  });

  it('explains each order rule in Chinese', () => {
    const zh = messagesIn('zh');
    const codes = ['order_dispatched', 'order_not_cancellable', 'order_already_cancelled', 'order_not_delivered', 'nothing_to_return', 'return_window_closed', 'something_new'];
    const texts = codes.map((code) => zh.refusal({ code, userMessage: 'English reason', tool: 'start_return', orderId: 100234, returnBy: '2026-11-01' }));
    for (const text of texts) {
      expect(text).toMatch(HAN);
      expect(text).toContain('#100234');
      expect(text).not.toContain('English reason');
    }
    expect(new Set(texts).size).toBe(codes.length);
  });
});
