import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import type { NluEngine } from '../../core/nlu.js';
import { Bot, createCustomerTools, DEFAULT_IDENTITY_LIMITS } from '../../bot/index.js';
import { parseState } from '../../bot/state.js';
import { trainDemoNlu } from '../../nlu/index.js';
import { DEMO_CUSTOMER, seedDemoShop, type DemoOrderIds } from '../../store/seed/index.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const HAN = /\p{Script=Han}/u;

/** The whole turn pipeline with the NLU trained on the demo data, over the seeded demo shop. */
describe('replies in the language of the customer', () => {
  let store: TestStore;
  let nlu: NluEngine;
  let bot: Bot;
  let orders: DemoOrderIds;

  beforeAll(async () => {
    [store, nlu] = await Promise.all([openTestStore('sqlite'), trainDemoNlu()]);
    orders = (await seedDemoShop(store.db, { scale: 'small', now: NOW })).demoOrders;
    bot = new Bot({
      db: store.db, nlu, tools: createCustomerTools(), clock: { now: () => NOW }, limits: DEFAULT_IDENTITY_LIMITS, logger: silentLogger,
    });
  });
  afterAll(async () => { await store?.cleanup(); });

  async function conversation(customerId?: number) {
    const principal = customerId === undefined ? undefined : { kind: 'customer' as const, customerId };
    const { id } = await bot.startConversation({ channel: 'rest', principal });
    const say = async (text: string) => {
      const { replies } = await bot.handleMessage({ conversationId: id, channel: 'rest', text, principal });
      return { text: replies.map((r) => r.text ?? '').join('\n'), quickReplies: replies.flatMap((r) => r.quickReplies ?? []) };
    };
    const language = async () => parseState((await bot.openConversation({ conversationId: id })).state).language;
    return { id, say, language };
  }
  const status = async (id: number) => (await store.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('answers a Chinese order-status question in Chinese, and the next English question in English', async () => {
    const c = await conversation(DEMO_CUSTOMER.id);
    expect(await status(orders.shippedOnTime)).toBe('shipped');
    const zh = await c.say(`我的订单${orders.shippedOnTime}到哪了`);
    expect(zh.text).toContain(`订单 #${orders.shippedOnTime} 已发货`);
    expect(zh.text).toMatch(/预计.+送达/);
    expect(await c.language()).toBe('zh');

    const en = await c.say(`Where is order ${orders.paid}?`);
    expect(en.text).toMatch(new RegExp(`Order #${orders.paid} is confirmed and paid`));
    expect(en.text).not.toMatch(HAN);
    expect(await c.language()).toBe('en');
  });

  it('asks for the order number in Chinese when a cancellation names none, then confirms and cancels in Chinese', async () => {
    const c = await conversation(DEMO_CUSTOMER.id);
    const question = await c.say('取消订单');
    expect(question.text).toMatch(/^请问是哪个订单？以下是您最近的订单：/);
    const choice = question.quickReplies.find((q) => q.value === `订单 #${orders.paid}`);
    expect(choice?.title).toBe(`#${orders.paid}（已付款）`);

    const confirm = await c.say(choice!.value);
    expect(confirm.text).toMatch(new RegExp(`^确认取消订单 #${orders.paid} 吗？`));
    expect(confirm.quickReplies.map((q) => q.title)).toEqual(['是', '否']);
    expect((await c.say('是')).text).toMatch(new RegExp(`^已为您取消订单 #${orders.paid}。退款 £[\\d.]+ 将在 5 个工作日内原路退回。`));
    expect(await status(orders.paid)).toBe('cancelled');
  });

  it('keeps Chinese through the identity check, where the answers are only numbers and e-mail addresses', async () => {
    const c = await conversation();
    expect((await c.say('我的订单到哪了')).text).toMatch(/核实您的身份/);
    expect((await c.say(String(orders.packed))).text).toBe(`谢谢。请问订单 #${orders.packed} 下单时使用的是哪个邮箱地址？`);
    const verified = await c.say(DEMO_CUSTOMER.email);
    expect(verified.text).toMatch(/身份已核实/);
    expect(verified.text).toContain(`订单 #${orders.packed} 已打包`);
  });

  it('explains a refusal in Chinese, offers what the rule suggests, and runs a return in Chinese', async () => {
    const c = await conversation(DEMO_CUSTOMER.id);
    const refused = await c.say(`取消订单 ${orders.deliveredRecent}`);
    expect(refused.text).toBe(`订单 #${orders.deliveredRecent} 已经签收，无法再取消了。如有需要，您可以申请退货退款。`);
    expect(refused.quickReplies).toEqual([{ title: '申请退货', value: `我要退货，订单#${orders.deliveredRecent}` }]);

    const which = await c.say(refused.quickReplies[0]!.value);
    expect(which.text).toMatch(/^请问要退哪些商品？\n• 第1件：/);
    expect(which.quickReplies.map((q) => q.value)).toEqual(expect.arrayContaining(['全部商品', '第2件']));
    const preview = await c.say('第2件');
    expect(preview.text).toMatch(new RegExp(`^确认退回订单 #${orders.deliveredRecent} 中的 \\d+ × .+ 吗？退款金额为 £[\\d.]+。$`));
    expect((await c.say('是')).text).toMatch(/^退货申请 #\d+ 已登记。/);
  });

  it('stays in Chinese when the new address is written in Latin letters', async () => {
    const c = await conversation(DEMO_CUSTOMER.id);
    expect((await c.say(`订单${orders.packed}的地址能改吗`)).text).toMatch(/^请告诉我新的收货地址/);
    const confirm = await c.say('12 High Street, Leeds LS1 4AB');
    expect(confirm.text).toMatch(new RegExp(`^确认将订单 #${orders.packed} 的收货地址改为：.*12 High Street, Leeds LS1 4AB.* 吗？$`));
    expect((await c.say('是的')).text).toBe(`已修改：订单 #${orders.packed} 将改寄到 12 High Street, Leeds LS1 4AB。`);
  });

  it('welcomes in the last language the customer wrote in, English for a new conversation', async () => {
    const c = await conversation(DEMO_CUSTOMER.id);
    expect((await bot.welcome({ conversationId: c.id })).text).toMatch(/^Hello!/);
    await c.say('你好');
    const welcome = await bot.welcome({ conversationId: c.id });
    expect(welcome.text).toMatch(/^您好！/);
    expect(welcome.quickReplies?.map((q) => q.value)).toContain('我的订单到哪了');
  });
});
