import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { connectChat } from '../helpers/chat-client.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { redisUrlForTests } from '../jobs/redis.js';

const redisUrl = redisUrlForTests();

const counters: Array<[string, Record<string, string>]> = [['in memory (one process)', {}]];
if (redisUrl) counters.push(['in Redis (shared by replicas)', { REDIS_URL: redisUrl }]);

describe.each(counters)('rate limits, security headers and CORS on the real server, counted %s', (_name, env) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('sqlite', {
      ...env, RATE_LIMIT_MESSAGES_PER_CONVERSATION: '3', RATE_LIMIT_MESSAGES_PER_CUSTOMER: '50', WIDGET_ORIGINS: 'https://shop.example',
    });
  });
  afterAll(async () => { await t?.cleanup(); });

  it('refuses the fourth chat message of a conversation in a minute, politely and without running it', async () => {
    const chat = await connectChat(t.server.url);
    try {
      for (let i = 0; i < 3; i++) expect(await chat.send('hello', `rl-${i}`)).toMatchObject({ ok: true });
      const refused = await chat.send('hello', 'rl-3');
      expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      const stored = await t.server.store.db.selectFrom('messages').select('client_message_id')
        .where('conversation_id', '=', chat.conversationId).where('direction', '=', 'in').execute();
      expect(stored.map((r) => r.client_message_id).sort()).toEqual(['rl-0', 'rl-1', 'rl-2']);
    } finally {
      chat.close();
    }
  });

  it('answers 429 with retry-after to a REST conversation over its limit, and serves other conversations', async () => {
    const created = await api(t.server.url, '/conversations', { body: {} });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(t.server.url, `/conversations/${created.json.id}/messages`, { body: { text: 'hi' } })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const response = await fetch(`${t.server.url}/api/conversations/${created.json.id}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const other = await api(t.server.url, '/conversations', { body: {} });
    expect((await api(t.server.url, `/conversations/${other.json.id}/messages`, { body: { text: 'hi' } })).status).toBe(201);
  });

  it('sends security headers, and CORS only to allowed origins', async () => {
    const page = await fetch(`${t.server.url}/`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-powered-by')).toBeNull();
    const preflight = (origin: string) => fetch(`${t.server.url}/api/conversations`, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    const allowed = await preflight('https://shop.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers unknown API paths and broken bodies with JSON, never a stack trace', async () => {
    const missing = await api(t.server.url, '/no/such/thing');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'not_found' } });
    const broken = await api(t.server.url, '/conversations', { raw: '{"text":', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SyntaxError/);
  });
});

describe('per-IP chat limits behind a trusted proxy (TRUST_PROXY=1)', () => {
  let t: TestServer;
  beforeAll(async () => { t = await startTestServer('sqlite', { TRUST_PROXY: '1', RATE_LIMIT_MESSAGES_PER_IP: '2' }); });
  afterAll(async () => { await t?.cleanup(); });

  /** A customer whose own (spoofable) X-Forwarded-For entry is `claimed`, behind a proxy that appended 203.0.113.7. */
  async function viaProxy(claimed: string) {
    const socket = io(`${t.server.url}/chat`, {
      transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': `${claimed}, 203.0.113.7` },
    });
    await new Promise((resolve, reject) => { socket.once('session', resolve); socket.once('connect_error', reject); });
    const send = (id: string) => new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => socket.emit('message', { text: 'hello', clientMessageId: id }, resolve));
    return { socket, send };
  }

  it('counts the address the proxy saw, not the one the client wrote', async () => {
    const first = await viaProxy('198.51.100.1');
    const second = await viaProxy('198.51.100.2');
    try {
      expect(await first.send('ip-1')).toMatchObject({ ok: true });
      expect(await second.send('ip-2')).toMatchObject({ ok: true });
      // A third message from the same proxied client is over the limit, whatever it claims to be.
      expect(await second.send('ip-3')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    } finally {
      first.socket.disconnect();
      second.socket.disconnect();
    }
  });
});
