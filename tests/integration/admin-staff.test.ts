import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStaffToken } from '../../bot/index.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';

const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

/** The admin API that assigns staff roles and maps Teams/Slack accounts to staff users. */
describe('admin API for staff', () => {
  let t: TestServer;
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const url = () => t.server.url;

  beforeAll(async () => { t = await startTestServer('sqlite', { ADMIN_TOKEN }); });
  afterAll(async () => { await t?.cleanup(); });

  it('lists staff with their roles and refuses without the admin token', async () => {
    const res = await api(url(), '/admin/staff', { headers: admin });
    expect(res.status).toBe(200);
    const grace = (res.json.staff as Array<{ id: number; role: string; identities: unknown[] }>).find((s) => s.id === 6);
    expect(grace).toMatchObject({ role: 'inventory', identities: [] });
    expect((await api(url(), '/admin/staff')).status).toBe(401);
    expect((await api(url(), '/admin/staff', { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(403);
  });

  it('changes a role, which the next staff turn obeys, and audits the change', async () => {
    const staffToken = { authorization: `Bearer ${signStaffToken({ staffId: 3, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() })}` };
    const id = (await api(url(), '/conversations', { body: {}, headers: staffToken })).json.id as string;
    const ask = async () => ((await api(url(), `/conversations/${id}/messages`, { body: { text: 'how did we do in the last 30 days?' }, headers: staffToken }))
      .json.replies as Array<{ text: string }>).map((r) => r.text).join('\n');
    expect(await ask()).toMatch(/your role doesn't include that/);
    const changed = await api(url(), '/admin/staff/3/role', { method: 'PUT', body: { role: 'manager' }, headers: admin });
    expect(changed.status, changed.text).toBe(200);
    expect(await ask()).toMatch(/fill rate/i);
    const audit = await t.server.store.db.selectFrom('audit_log').select(['tool', 'actor_type', 'result']).where('tool', '=', 'set_staff_role').execute();
    expect(audit).toEqual([{ tool: 'set_staff_role', actor_type: 'admin', result: JSON.stringify({ from: 'logistics', to: 'manager' }) }]);
    expect((await api(url(), '/admin/staff/3/role', { method: 'PUT', body: { role: 'boss' }, headers: admin })).status).toBe(400);
    expect((await api(url(), '/admin/staff/999/role', { method: 'PUT', body: { role: 'agent' }, headers: admin })).status).toBe(404);
  });

  it('links a Slack account to one staff user only, and unlinks it', async () => {
    const link = (staffId: number) => api(url(), `/admin/staff/${staffId}/identities`, { body: { platform: 'slack', externalId: 'U0TEST' }, headers: admin });
    expect((await link(2)).status).toBe(201);
    expect((await link(2)).status).toBe(201); // the same link again changes nothing
    expect((await link(4)).status).toBe(409);
    const listed = (await api(url(), '/admin/staff', { headers: admin })).json.staff as Array<{ id: number; identities: unknown[] }>;
    expect(listed.find((s) => s.id === 2)?.identities).toEqual([{ platform: 'slack', externalId: 'U0TEST' }]);
    expect((await api(url(), '/admin/staff/2/identities/slack/U0TEST', { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await api(url(), '/admin/staff/2/identities/slack/U0TEST', { method: 'DELETE', headers: admin })).status).toBe(404);
    expect((await api(url(), '/admin/staff/2/identities', { body: { platform: 'fax', externalId: 'x' }, headers: admin })).status).toBe(400);
  });

  it('queues a knowledge-base re-index or an NLU retraining on request, and nothing else', async () => {
    const queued = await api(url(), '/admin/jobs/nlu-retrain', { body: { reason: 'new examples' }, headers: admin });
    expect(queued.status, queued.text).toBe(202);
    expect(queued.json).toMatchObject({ job: 'nlu-retrain' });
    expect((await api(url(), '/admin/jobs/kb-reindex', { body: {}, headers: admin })).status).toBe(202);
    expect((await api(url(), '/admin/jobs/drop-tables', { body: {}, headers: admin })).status).toBe(400);
    expect((await api(url(), '/admin/jobs/kb-reindex', { body: {} })).status).toBe(401);
  });
});
