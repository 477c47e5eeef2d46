import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken } from '../../bot/index.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

describe.each(storeKinds())('REST conversations on %s', (kind) => {
  let t: TestServer;
  const url = () => t.server.url;
  const db = () => t.server.store.db;

  beforeAll(async () => { t = await startTestServer(kind); });
  afterAll(async () => { await t?.cleanup(); });

  /** Paid orders of customers other than the demo customer, with their e-mail. */
  async function paidOrders(count: number) {
    const rows = await db().selectFrom('orders').innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'customers.email', 'orders.customer_id']).where('orders.status', '=', 'paid')
      .where('orders.customer_id', '!=', 1).orderBy('orders.id').execute();
    const byCustomer = new Map<number, (typeof rows)[number]>();
    for (const row of rows) if (!byCustomer.has(row.customer_id)) byCustomer.set(row.customer_id, row);
    const picked = [...byCustomer.values()].slice(0, count);
    expect(picked).toHaveLength(count);
    return picked;
  }

  async function conversation(headers: Record<string, string> = {}) {
    const created = await api(url(), '/conversations', { body: {}, headers });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const say = async (text: string) => {
      const res = await api(url(), `/conversations/${id}/messages`, { body: { text }, headers });
      expect(res.status, res.text).toBe(201);
      return res.json.replies as Array<{ text: string; quickReplies?: Array<{ title: string; value: string }> }>;
    };
    return { id, say, last: async (text: string) => (await say(text)).map((r) => r.text).join('\n') };
  }

  it('identifies with order number and e-mail, tells the real status, cancels after confirmation', async () => {
    const [order] = await paidOrders(1);
    const c = await conversation();
    expect(await c.last(`Hi, my order number is ${order!.id} and my email is ${order!.email.toUpperCase()}`)).toMatch(/verified/i);
    expect(await c.last('where is my order')).toMatch(new RegExp(`#${order!.id} is confirmed and paid`));

    const question = await c.say('please cancel my order');
    expect(question[0]!.text).toMatch(new RegExp(`Cancel order #${order!.id}`));
    expect(question[0]!.quickReplies?.map((q) => q.value)).toEqual(['yes', 'no']);
    expect(await c.last('yes')).toMatch(new RegExp(`order #${order!.id} is cancelled`));

    const stored = await db().selectFrom('orders').select('status').where('id', '=', order!.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('cancelled');
    const audit = await db().selectFrom('audit_log').selectAll().where('conversation_id', '=', c.id).where('tool', '=', 'cancel_order').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'ok', actor_type: 'customer', actor_id: String(order!.customer_id) });
    expect(JSON.parse(audit[0]!.arguments)).toEqual({ orderId: order!.id });
    expect(await c.last('where is my order')).toMatch(new RegExp(`#${order!.id} was cancelled`));

    const history = await api(url(), `/conversations/${c.id}/messages`);
    expect(history.status).toBe(200);
    expect(history.json.messages.length).toBe(10); // five turns, one reply each
    expect(history.json.messages[0]).toMatchObject({ from: { role: 'customer' } });
  });

  it('answers a retried POST with the same Idempotency-Key once', async () => {
    const c = await conversation();
    const post = () => api(url(), `/conversations/${c.id}/messages`, { body: { text: 'what is your return policy' }, headers: { 'idempotency-key': 'retry-1' } });
    const first = await post();
    const second = await post();
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.json).toMatchObject({ id: first.json.id, duplicate: true });
    expect(second.json.replies.map((r: { id: string }) => r.id)).toEqual(first.json.replies.map((r: { id: string }) => r.id));
    const stored = await db().selectFrom('messages').select('direction').where('conversation_id', '=', c.id).execute();
    expect(stored.filter((r) => r.direction === 'in')).toHaveLength(1);
    const bad = await api(url(), `/conversations/${c.id}/messages`, { body: { text: 'hi' }, headers: { 'idempotency-key': 'has spaces' } });
    expect(bad.status).toBe(400);
  });

  it('declining the confirmation changes nothing', async () => {
    const [, order] = await paidOrders(2);
    const c = await conversation();
    await c.say(`order ${order!.id}, ${order!.email}`);
    expect(await c.last('cancel it')).toMatch(/Cancel order/);
    expect(await c.last('no')).toMatch(/haven't changed anything/);
    const stored = await db().selectFrom('orders').select('status').where('id', '=', order!.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('paid');
    const audit = await db().selectFrom('audit_log').select('id').where('conversation_id', '=', c.id).execute();
    expect(audit).toHaveLength(0);
  });

  it("refuses another customer's order exactly like an unknown one", async () => {
    const orders = await paidOrders(3);
    const mine = orders[1]!;
    const theirs = orders[2]!;
    const c = await conversation();
    const wrongPair = await c.last(`order ${theirs.id} with email ${mine.email}`);
    const unknown = await c.last(`order 999998 with email ${mine.email}`);
    expect(wrongPair).toBe(unknown);
    await c.say(`order ${mine.id} with email ${mine.email}`);
    const foreign = (await c.last(`where is order ${theirs.id}?`)).replace(String(theirs.id), 'N');
    const missing = (await c.last('where is order 999997?')).replace('999997', 'N');
    expect(foreign).toBe(missing);
    expect(foreign).toMatch(/couldn't find order #N/);
  });

  it('resumes slot filling after a restart', async () => {
    const [, , , order] = await paidOrders(4);
    const c = await conversation();
    await c.say(`my order is ${order!.id} and e-mail ${order!.email}`);
    expect(await c.last('I need to change the delivery address')).toMatch(/new delivery address/);
    await t.restart();
    expect(await c.last('12 High Street, Leeds LS1 4AB')).toMatch(/Change the delivery address of order #\d+ to: .*12 High Street, Leeds LS1 4AB/);
    expect(await c.last('yes')).toMatch(/will now be delivered to 12 High Street/);
    const stored = await db().selectFrom('orders').select('delivery_address').where('id', '=', order!.id).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.delivery_address)).toMatchObject({ line1: '12 High Street', city: 'Leeds', postcode: 'LS1 4AB', country: 'GB' });
  });

  it('answers a resent clientMessageId once, with the same replies', async () => {
    const c = await conversation();
    const first = await api(url(), `/conversations/${c.id}/messages`, { body: { text: 'hello', clientMessageId: 'abc-1' } });
    const again = await api(url(), `/conversations/${c.id}/messages`, { body: { text: 'hello', clientMessageId: 'abc-1' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
    expect(again.json.replies).toEqual(first.json.replies);
    const rows = await db().selectFrom('messages').select('id').where('conversation_id', '=', c.id).execute();
    expect(rows).toHaveLength(1 + first.json.replies.length);
  });

  it('identifies with a signed token and keeps other customers out', async () => {
    const secret = t.config.CUSTOMER_TOKEN_SECRET;
    const token = (customerId: number) => ({ authorization: `Bearer ${signCustomerToken({ customerId, secret, now: new Date() })}` });
    const c = await conversation(token(1));
    expect(await c.last('show my recent orders')).toMatch(/Your recent orders:\n• #1\d{5}/);
    const foreign = await api(url(), `/conversations/${c.id}/messages`, { body: { text: 'hi' }, headers: token(2) });
    expect(foreign.status).toBe(403);
    const forged = await api(url(), '/conversations', { body: {}, headers: { authorization: 'Bearer v1.1.9999999999.forged' } });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe('unauthorized');
  });
});
