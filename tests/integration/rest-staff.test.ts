import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken, signStaffToken } from '../../bot/index.js';
import { DEMO_STAFF_ID } from '../../store/seed/index.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

/** Staff reach the operations tools over REST with a signed staff token; nobody else does. */
describe.each(storeKinds())('staff over REST on %s', (kind) => {
  let t: TestServer;
  const url = () => t.server.url;
  const secret = () => t.config.CUSTOMER_TOKEN_SECRET;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const staff = (staffId = DEMO_STAFF_ID) => bearer(signStaffToken({ staffId, secret: secret(), now: new Date() }));
  const customer = (customerId = 1) => bearer(signCustomerToken({ customerId, secret: secret(), now: new Date() }));

  beforeAll(async () => { t = await startTestServer(kind); });
  afterAll(async () => { await t?.cleanup(); });

  async function open(headers: Record<string, string>): Promise<string> {
    const created = await api(url(), '/conversations', { body: {}, headers });
    expect(created.status, created.text).toBe(201);
    return created.json.id as string;
  }
  const post = (id: string, text: string, headers: Record<string, string>) =>
    api(url(), `/conversations/${id}/messages`, { body: { text }, headers });

  it('answers a staff user\'s low-stock question with the table, stored under the staff user', async () => {
    const id = await open(staff());
    const res = await post(id, "what's low in Leeds?", staff());
    expect(res.status, res.text).toBe(201);
    const text = (res.json.replies as Array<{ text: string }>).map((r) => r.text).join('\n');
    expect(text).toMatch(/below reorder point in LDS|Nothing is below its reorder point in LDS/);
    const stored = await t.server.store.db.selectFrom('messages').select(['user_id', 'role'])
      .where('conversation_id', '=', id).where('direction', '=', 'in').execute();
    expect(stored).toEqual([{ user_id: `staff:${DEMO_STAFF_ID}`, role: 'staff' }]);
    const conversation = await t.server.store.db.selectFrom('conversations').select(['staff_user_id', 'customer_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(conversation).toEqual({ staff_user_id: DEMO_STAFF_ID, customer_id: null });
  });

  it('refuses the staff conversation to a customer token and to a request without a token', async () => {
    const id = await open(staff());
    expect((await post(id, "what's low in Leeds?", customer())).status).toBe(403);
    expect((await post(id, "what's low in Leeds?", {})).status).toBe(403);
    expect((await api(url(), `/conversations/${id}/messages`, { headers: customer() })).status).toBe(403);
    const stored = await t.server.store.db.selectFrom('messages').select('id').where('conversation_id', '=', id).execute();
    expect(stored).toHaveLength(0);
  });

  it('gives a customer asking a staff question no staff data', async () => {
    const id = await open(customer());
    const res = await post(id, "what's low in Leeds?", customer());
    expect(res.status).toBe(201);
    const text = (res.json.replies as Array<{ text: string }>).map((r) => r.text).join('\n');
    expect(text).not.toMatch(/reorder point/i);
    const audit = await t.server.store.db.selectFrom('audit_log').select('tool').where('conversation_id', '=', id).execute();
    expect(audit).toHaveLength(0);
  });

  it('refuses a staff token for someone not registered, and a staff token in a customer conversation', async () => {
    expect((await api(url(), '/conversations', { body: {}, headers: staff(9999) })).status).toBe(403);
    const customerConversation = await open(customer());
    expect((await post(customerConversation, "what's low in Leeds?", staff())).status).toBe(403);
  });

  it('serves the demo back office signed in as the demo staff user', async () => {
    const page = await fetch(`${url()}/staff`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const token = /data-token="(s1\.[^"]+)"/.exec(html)?.[1];
    expect(token).toBeDefined();
    const id = await open(bearer(token ?? ''));
    const res = await post(id, 'stock of APP-1001', bearer(token ?? ''));
    expect(res.status, res.text).toBe(201);
  });
});
