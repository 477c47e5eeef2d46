import type { Server as HttpServer } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Authenticate } from '../../../adapters/auth.js';
import { createMonitorRouter, type MonitorLogs } from '../../../adapters/monitor/index.js';
import { silentLogger } from '../../../core/logger.js';
import { CSV_COLUMNS, MonitorService, parseCsv, type LogConversation, type LogMessage } from '../../../monitor/logs/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { CONVERSATIONS, MESSAGES, seedLogs } from '../../monitor/logs/fixtures.js';
import { authenticate, closeServer, createServer, customerToken, listen, seedStaff, staffId, staffToken } from './setup.js';

function serve(logs: MonitorLogs, auth: Authenticate = authenticate) {
  const app = express();
  app.use('/api/monitor', createMonitorRouter({ logs, authenticate: auth, logger: silentLogger }));
  return createServer(app);
}

describe.each(storeKinds())('monitor REST API on %s', (kind) => {
  let store: TestStore;
  let server: HttpServer;
  let base: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await seedLogs(store.db);
    await seedStaff(store.db);
    // The service satisfies the adapter's port structurally; this assignment checks it.
    const logs: MonitorLogs = new MonitorService({ db: store.db, redactOrderNumbers: true });
    server = serve(logs);
    base = await listen(server);
  });
  afterAll(async () => {
    if (server) await closeServer(server);
    await store?.cleanup();
  });

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${base}/api/monitor${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await response.text();
    let json: any;
    try { json = JSON.parse(text); } catch { /* a stream */ }
    return { status: response.status, json, text, headers: response.headers };
  };
  const ENDPOINTS = ['/messages', '/conversations', `/conversations/${CONVERSATIONS.c1.id}/messages`, '/export/messages.ndjson', '/export/messages.csv'];

  it.each(ENDPOINTS)('%s: 401 without a token or with a bad one', async (path) => {
    expect((await get(path)).status).toBe(401);
    expect((await get(path, 's1.1.99999999999.forged')).json.error.code).toBe('unauthorized');
    expect((await get(`${path}?raw=yes`)).status).toBe(401);
  });

  it.each(ENDPOINTS)('%s: 403 for customers and staff roles that may not read logs', async (path) => {
    for (const token of [customerToken(), staffToken('agent'), staffToken('inventory')]) {
      const response = await get(path, token);
      expect(response.status).toBe(403);
      expect(response.json.error.code).toBe('forbidden');
    }
  });

  it.each(['monitor', 'manager', 'admin'] as const)('%s reads messages, redacted', async (role) => {
    const { status, json } = await get('/messages?limit=500', staffToken(role));
    expect(status).toBe(200);
    const texts = (json.messages as LogMessage[]).map((m) => m.text).join('\n');
    expect(json.messages).toHaveLength(MESSAGES.length);
    expect(texts).toContain('Where is my order [order]? Email me at [email]');
    expect(texts).not.toMatch(/jo\.bloggs|07700|Baker|100234/);
  });

  it('gives raw text to admins who ask, and to nobody else', async () => {
    const admin = await get('/messages?raw=true&intent=order_status', staffToken('admin'));
    expect(admin.status).toBe(200);
    expect(admin.json.messages[0].text).toBe(MESSAGES[0]!.text);
    for (const role of ['monitor', 'manager'] as const) expect((await get('/messages?raw=true', staffToken(role))).status).toBe(403);
    expect((await get('/messages?raw=false', staffToken('monitor'))).status).toBe(200);
    expect((await get('/messages?raw=yes', staffToken('admin'))).status).toBe(400);
  });

  it('answers 400 for a bad filter or an unknown parameter', async () => {
    for (const query of ['sentiment=awful', 'from=yesterday', 'limit=0', 'colour=red', 'cursor=xyz', 'intent=a&intent=b']) {
      const response = await get(`/messages?${query}`, staffToken('monitor'));
      expect(response.status, query).toBe(400);
      expect(response.json.error.code).toBe('invalid_input');
    }
  });

  it('filters and pages through the query string', async () => {
    const seen: string[] = [];
    let path = '/messages?direction=in&limit=3';
    for (;;) {
      const { json } = await get(path, staffToken('monitor'));
      seen.push(...(json.messages as LogMessage[]).map((m) => m.activityId));
      if (!json.nextCursor) break;
      path = `/messages?direction=in&limit=3&cursor=${encodeURIComponent(json.nextCursor)}`;
    }
    expect(seen.sort()).toEqual(MESSAGES.filter((m) => m.direction === 'in').map((m) => `a-${m.key}`).sort());
  });

  it('lists conversations and one conversation\'s messages, oldest first', async () => {
    const list = await get('/conversations?handoff=open', staffToken('monitor'));
    expect((list.json.conversations as LogConversation[]).map((c) => c.id)).toEqual([CONVERSATIONS.c4.id, CONVERSATIONS.c2.id]);
    const one = await get(`/conversations/${CONVERSATIONS.c2.id}/messages`, staffToken('monitor'));
    expect((one.json.messages as LogMessage[]).map((m) => m.activityId)).toEqual(['a-m4', 'a-m5', 'a-m6']);
    expect(one.json.messages[0].text).toBe('I live at [address], London [postcode]');
    expect((await get('/conversations/00000000-0000-4000-8000-0000000000ff/messages', staffToken('monitor'))).status).toBe(404);
  });

  it('streams NDJSON and CSV exports, redacted unless raw, and audits them', async () => {
    const ndjson = await get(`/export/messages.ndjson?customerId=1`, staffToken('manager'));
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const rows = ndjson.text.trimEnd().split('\n').map((l) => JSON.parse(l) as LogMessage);
    expect(rows.map((r) => r.activityId)).toEqual(MESSAGES.filter((m) => m.conv === 'c1' || m.conv === 'c4').map((m) => `a-${m.key}`));
    expect(ndjson.text).not.toMatch(/jo\.bloggs|07700|100234/);

    const csv = await get('/export/messages.csv?raw=true', staffToken('admin'));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="messages.csv"');
    const [header, ...records] = parseCsv(csv.text, { unguard: true });
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records.map((r) => r[CSV_COLUMNS.indexOf('text')])).toEqual(MESSAGES.map((m) => m.text));

    const audit = await store.db.selectFrom('audit_log').selectAll().where('tool', '=', 'monitor_export_messages').orderBy('id').execute();
    expect(audit.map((a) => [a.actor_type, a.actor_id, JSON.parse(a.arguments)])).toEqual([
      ['staff', String(staffId('manager')), { format: 'ndjson', filter: { customerId: 1 }, raw: false }],
      ['staff', String(staffId('admin')), { format: 'csv', filter: {}, raw: true }],
    ]);
  });
});

describe('monitor export streaming', () => {
  const CHUNK = 'x'.repeat(64 * 1024);

  it('waits for the client to read, and stops reading rows when it goes away', async () => {
    let produced = 0;
    let finished = false;
    const logs: MonitorLogs = {
      authorize: async () => ({ staffId: 1, role: 'monitor', raw: false }),
      searchMessages: async () => ({ items: [], nextCursor: null }),
      searchConversations: async () => ({ items: [], nextCursor: null }),
      conversationMessages: async () => ({ items: [], nextCursor: null }),
      redactText: (text) => text,
      exportMessages: async () => (async function* endless() {
        try {
          for (;;) { produced++; yield CHUNK; }
        } finally {
          finished = true;
        }
      })(),
    };
    const server = serve(logs, () => ({ kind: 'staff', staffId: 1 }));
    const base = await listen(server);
    try {
      const controller = new AbortController();
      const response = await fetch(`${base}/api/monitor/export/messages.ndjson`, { headers: { authorization: 'Bearer x' }, signal: controller.signal });
      expect(response.status).toBe(200);
      // The client reads nothing more: the server must stall on 'drain', not buffer without end.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stalledAt = produced;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(produced).toBe(stalledAt);
      expect(produced * CHUNK.length).toBeLessThan(64 * 2 ** 20);
      controller.abort();
      await expect.poll(() => finished, { timeout: 2000 }).toBe(true);
    } finally {
      await closeServer(server);
    }
  });
});
