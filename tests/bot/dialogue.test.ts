import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity, ParseResult } from '../../core/nlu.js';
import { createCustomerTools } from '../../bot/index.js';
import { respond, type TurnContext } from '../../bot/dialogue.js';
import { emptyState, type DialogueState } from '../../bot/state.js';
import { insertMiniShop, type MiniShop } from '../fixtures/mini-shop.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

function parse(text: string, intent: string, confidence = 0.9, entities: Partial<Entity>[] = []): ParseResult {
  return {
    text, language: 'en', intents: [{ name: intent, confidence }],
    entities: entities.map((e) => ({ type: 'order_id', value: '', text: '', start: 0, end: 0, extractor: 'test', ...e })),
  };
}
const orderEntity = (id: number): Partial<Entity> => ({ type: 'order_id', value: String(id) });
const emailEntity = (email: string): Partial<Entity> => ({ type: 'email', value: email });

/** Drives the state machine directly, with the NLU's output given by the test. */
describe('dialogue state machine', () => {
  let store: TestStore;
  let shop: MiniShop;
  let state: DialogueState;
  let customerId: number | undefined;
  const tools = createCustomerTools();

  beforeEach(async () => {
    store = await openTestStore('sqlite');
    shop = await insertMiniShop(store.db, NOW);
    state = emptyState();
    customerId = undefined;
  });
  afterEach(async () => { await store.cleanup(); });

  async function say(p: ParseResult): Promise<string> {
    const ctx: TurnContext = {
      db: store.db, tools, state, parse: p, now: NOW, limits: { maxAttempts: 3, windowSeconds: 900 },
      caller: { role: 'customer', customerId, conversationId: 'c-1' },
    };
    const outcome = await respond(ctx);
    customerId = outcome.identifiedCustomerId ?? customerId;
    return outcome.replies.map((r) => r.text).join('\n');
  }
  const status = async (id: number) => (await store.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('asks an unidentified customer to identify, then resumes the request', async () => {
    expect(await say(parse('where is my order', 'order_status'))).toMatch(/order number, and the e-mail/);
    expect(state.afterIdentify?.tool).toBe('order_status');
    expect(await say(parse('#x', 'identify', 0.9, [orderEntity(shop.orders.shippedDelayed)]))).toMatch(/What e-mail address/);
    const reply = await say(parse('ann', 'identify', 0.9, [emailEntity(shop.customers.ann.email.toUpperCase())]));
    expect(reply).toMatch(/verified/);
    expect(reply).toMatch(new RegExp(`Order #${shop.orders.shippedDelayed} is on its way .* running late`));
    expect(customerId).toBe(shop.customers.ann.id);
    expect(state.identify).toBeUndefined();
  });

  it('answers a wrong pair like an unknown order, and limits attempts', async () => {
    const wrong = await say(parse('x', 'identify', 0.9, [orderEntity(shop.orders.othersPaid), emailEntity(shop.customers.ann.email)]));
    const unknown = await say(parse('x', 'identify', 0.9, [orderEntity(999_999), emailEntity(shop.customers.ann.email)]));
    expect(wrong).toBe(unknown);
    await say(parse('x', 'identify', 0.9, [orderEntity(999_998), emailEntity(shop.customers.ann.email)]));
    const limited = await say(parse('x', 'identify', 0.9, [orderEntity(shop.orders.paid), emailEntity(shop.customers.ann.email)]));
    expect(limited).toMatch(/Too many attempts/);
    expect(customerId).toBeUndefined();
  });

  it('confirms before cancelling; yes cancels, no changes nothing', async () => {
    customerId = shop.customers.ann.id;
    expect(await say(parse(`cancel ${shop.orders.paid}`, 'cancel_order', 0.9, [orderEntity(shop.orders.paid)]))).toMatch(/^Cancel order #\d+: 2 × Blue mug/);
    expect(state.pending?.awaiting).toBe('confirmation');
    expect(await say(parse('no', 'deny'))).toMatch(/haven't changed anything/);
    expect(await status(shop.orders.paid)).toBe('paid');
    await say(parse('cancel it', 'cancel_order'));
    expect(await say(parse('yes', 'affirm'))).toMatch(/is cancelled/);
    expect(await status(shop.orders.paid)).toBe('cancelled');
  });

  it('refuses to cancel a dispatched order before asking, and offers a return', async () => {
    customerId = shop.customers.ann.id;
    const reply = await say(parse('cancel', 'cancel_order', 0.9, [orderEntity(shop.orders.shippedDelayed)]));
    expect(reply).not.toMatch(/\?$/);
    expect(state.pending).toBeUndefined();
    expect(await status(shop.orders.shippedDelayed)).toBe('shipped');
  });

  it('asks which order with the recent orders, then which items to return, then confirms the refund', async () => {
    customerId = shop.customers.ann.id;
    expect(await say(parse('I want to return something', 'start_return'))).toMatch(/Which order do you mean\?/);
    expect(await say(parse('that one', 'out_of_scope', 0.3, [orderEntity(shop.orders.delivered)]))).toMatch(/Which items would you like to return\?/);
    expect(await say(parse('item 2', 'start_return', 0.5))).toMatch(/Return 1 × Grey T-shirt \(M\) from order #\d+ for a refund of £25\.00\?/);
    expect(await say(parse('yes', 'affirm'))).toMatch(/return #\d+ is registered/);
  });

  it("never shows another customer's order", async () => {
    customerId = shop.customers.ann.id;
    expect(await say(parse('where', 'order_status', 0.9, [orderEntity(shop.orders.othersPaid)]))).toMatch(/couldn't find order #\d+ on your account/);
  });

  it('falls back when unsure, and a clear new request interrupts a question', async () => {
    customerId = shop.customers.ann.id;
    expect(await say(parse('blah', 'cancel_order', 0.2))).toMatch(/didn't quite get that/);
    await say(parse('change address', 'change_address', 0.9, [orderEntity(shop.orders.paid)]));
    expect(state.pending?.slot).toBe('address');
    expect(await say(parse('show my orders', 'list_orders', 0.95))).toMatch(/Your recent orders/);
    expect(state.pending).toBeUndefined();
  });

  it('explains an address it cannot use and asks again', async () => {
    customerId = shop.customers.ann.id;
    await say(parse('change address', 'change_address', 0.9, [orderEntity(shop.orders.paid)]));
    const reply = await say(parse('somewhere nice', 'out_of_scope', 0.4));
    expect(reply).toMatch(/new delivery address/);
    expect(state.pending?.retries).toBe(1);
  });

  it('takes "no, not now" as a refusal even when the NLU finds a date in it', async () => {
    customerId = shop.customers.ann.id;
    await say(parse('cancel an order', 'cancel_order', 0.9));
    expect(state.pending?.slot).toBe('orderId');
    const reply = await say(parse('no, not now', 'deny', 0.9, [{ type: 'date', value: '2026-11-25', text: 'now' }]));
    expect(reply).toMatch(/never mind/);
    expect(state.pending).toBeUndefined();
  });
});
