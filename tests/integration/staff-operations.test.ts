import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken, signStaffToken } from '../../bot/index.js';
import { DEMO_STAFF_ID } from '../../store/seed/index.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

type Replies = Array<{ text: string; quickReplies?: Array<{ title: string; value: string }> }>;

/**
 * The operations questions of the demo back office, asked in plain words through the real
 * server (NLU, dialogue, tools, store): a staff user gets each answer, a customer gets none.
 */
describe.each(storeKinds())('staff operations in chat on %s', (kind) => {
  let t: TestServer;
  const url = () => t.server.url;
  const db = () => t.server.store.db;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const staff = () => bearer(signStaffToken({ staffId: DEMO_STAFF_ID, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() }));
  const customer = () => bearer(signCustomerToken({ customerId: 1, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() }));

  beforeAll(async () => { t = await startTestServer(kind); });
  afterAll(async () => { await t?.cleanup(); });

  async function chat(headers: Record<string, string>) {
    const created = await api(url(), '/conversations', { body: {}, headers });
    expect(created.status, created.text).toBe(201);
    const id = created.json.id as string;
    return {
      id,
      async say(text: string): Promise<string> {
        const res = await api(url(), `/conversations/${id}/messages`, { body: { text }, headers });
        expect(res.status, res.text).toBe(201);
        return (res.json.replies as Replies).map((r) => r.text).join('\n');
      },
    };
  }
  const auditedTools = async (conversationId: string) =>
    (await db().selectFrom('audit_log').select(['tool', 'outcome']).where('conversation_id', '=', conversationId).orderBy('id').execute());

  it('lists low stock for "warehouse 2" (Manchester)', async () => {
    const c = await chat(staff());
    expect(await c.say("what's low in warehouse 2?")).toMatch(/(below reorder point|Nothing is below its reorder point) in MAN/);
  });

  it('forecasts a SKU for the weeks asked', async () => {
    const sku = (await db().selectFrom('products').select('sku').orderBy('id').executeTakeFirstOrThrow()).sku;
    const c = await chat(staff());
    const text = await c.say(`forecast ${sku} for the next 6 weeks`);
    expect(text).toContain(`Weekly demand forecast for ${sku}`);
    const [header, ...rows] = text.split('\n').filter((line) => line.includes(' | '));
    expect(header).toMatch(/^Week from \| Units/);
    expect(rows).toHaveLength(6);
  });

  it('suggests reorders, then saves them as draft purchase orders only after a yes', async () => {
    const c = await chat(staff());
    const suggestions = await c.say('what should we reorder for Leeds?');
    expect(suggestions).toMatch(/^Reorder suggestions in LDS/);
    const question = await c.say('create the purchase orders');
    expect(question).toMatch(/^I'll save \d+ draft purchase order\(s\) in LDS/);
    expect(await db().selectFrom('purchase_orders').select('id').execute()).toHaveLength(0);
    const saved = await c.say("yes");
    expect(saved).toMatch(/Saved \d+ draft purchase order\(s\)/);
    const orders = await db().selectFrom('purchase_orders').select(['status', 'created_by', 'conversation_id']).execute();
    expect(orders.length).toBeGreaterThan(0);
    expect(orders.every((o) => o.status === 'draft' && o.created_by === `staff:${DEMO_STAFF_ID}` && o.conversation_id === c.id)).toBe(true);
    const lines = await db().selectFrom('purchase_order_lines').innerJoin('warehouses', 'warehouses.id', 'purchase_order_lines.warehouse_id')
      .select('warehouses.code').distinct().execute();
    expect(lines.map((l) => l.code)).toEqual(['LDS']);
    expect(await auditedTools(c.id)).toEqual([
      { tool: 'reorder_suggestions', outcome: 'ok' },
      { tool: 'create_purchase_orders', outcome: 'ok' },
    ]);
  });

  it('explains which warehouse an order shipped from, and corrects a wrong guess', async () => {
    const order = await db().selectFrom('orders').innerJoin('warehouses', 'warehouses.id', 'orders.warehouse_id')
      .select(['orders.id', 'warehouses.code']).where('orders.status', '=', 'delivered').orderBy('orders.id').executeTakeFirstOrThrow();
    const c = await chat(staff());
    const text = await c.say(`why did order ${order.id} ship from Bristol?`);
    expect(text).toContain(`#${order.id}`);
    expect(text).toContain(order.code);
    expect(text).toMatch(/Bristol/);
  });

  it('plans tomorrow\'s routes from Leeds with the vans asked for, and stores the plan', async () => {
    const c = await chat(staff());
    const text = await c.say("plan tomorrow's routes from Leeds with 3 vans");
    expect(text).toMatch(/^Route plan #\d+ for LDS/);
    expect(text).toMatch(/of 3 van\(s\) used/);
    expect(text).toMatch(/Assumed/);
    const plans = await db().selectFrom('route_plans').innerJoin('warehouses', 'warehouses.id', 'route_plans.warehouse_id')
      .select(['warehouses.code', 'route_plans.vehicles']).execute();
    expect(plans).toHaveLength(1);
    expect(plans[0]?.code).toBe('LDS');
    expect(plans[0]?.vehicles).toBeLessThanOrEqual(3);
  });

  it('reports process metrics for the period asked', async () => {
    const c = await chat(staff());
    const text = await c.say('how did we do in the last 30 days?');
    expect(text).toMatch(/on-time/i);
    expect(text).toMatch(/fill rate/i);
  });

  it('recommends what goes with a product to customers and staff alike, never the product itself', async () => {
    const sku = (await db().selectFrom('order_lines').select(['sku', db().fn.countAll().as('n')]).groupBy('sku')
      .orderBy('n', 'desc').executeTakeFirstOrThrow()).sku;
    for (const headers of [customer(), staff()]) {
      const c = await chat(headers);
      const text = await c.say(`what goes well with ${sku}?`);
      const listed = [...text.matchAll(/\b[A-Z]{3}-\d{4}\b/g)].map((m) => m[0]).filter((s) => s !== sku);
      expect(listed.length, text).toBeGreaterThan(0);
      expect(await auditedTools(c.id)).toEqual([{ tool: 'recommend_products', outcome: 'ok' }]);
    }
  });

  it('gives a customer none of the staff answers and runs no staff tool', async () => {
    const c = await chat(customer());
    for (const question of ["what's low in warehouse 2?", 'what should we reorder for Leeds?', "plan tomorrow's routes from Leeds with 3 vans", 'how did we do in the last 30 days?']) {
      const text = await c.say(question);
      expect(text).not.toMatch(/reorder point|Reorder suggestions|Assumed|fill rate/i);
    }
    expect(await auditedTools(c.id)).toEqual([]);
  });

  describe('GET /api/ops/metrics', () => {
    it('returns the metrics to staff, 401 without a token, 403 to a customer, 400 for a bad period', async () => {
      const ok = await api(url(), '/ops/metrics?days=30', { headers: staff() });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.json.metrics).toBeTypeOf('object');
      expect(ok.json.text).toMatch(/fill rate/i);
      expect((await api(url(), '/ops/metrics')).status).toBe(401);
      expect((await api(url(), '/ops/metrics', { headers: customer() })).status).toBe(403);
      expect((await api(url(), '/ops/metrics?from=yesterday', { headers: staff() })).status).toBe(400);
      expect((await api(url(), '/ops/metrics?from=2026-11-20&to=2026-11-01', { headers: staff() })).status).toBe(400);
    });
  });
});
