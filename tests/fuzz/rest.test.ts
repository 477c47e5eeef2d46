import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken, signStaffToken } from '../../bot/index.js';
import { DEMO_STAFF_ID } from '../../store/seed/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  echoesOf, expectClientOutcome, expectErrorBody, expectHealthy, expectNoInternals, FUZZ_ENV, FUZZ_TIMEOUT_MS, headerValue, hostileJson, hostileText, readResponse,
} from './invariants.js';

const ADMIN_TOKEN = 'fuzz-admin-token-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The REST channel refuses JSON bodies above 16 KB; the admin API above 4 KB. */
const REST_LIMIT = 16 * 1024;
/** A property stops generating (and reports what it found) before the test's own timeout. */
const run = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 45_000 });

interface Call { method: string; path: string; headers?: Record<string, string>; body?: string | ReadableStream<Uint8Array> }

/**
 * Hostile input against every REST endpoint of the real server: each answer is a 2xx of the
 * documented shape or a 4xx with `{error: {code, message}}`, never a 5xx or internals, and the
 * server still answers a normal chat message afterwards.
 */
describe('REST channel under fuzzing', () => {
  let t: TestServer;
  let base: string;
  let conversationId: string;
  /** Seeded customer ids (tokens for anyone else are refused: see the last test). */
  let customers: number[] = [1];
  const secret = () => t.config.CUSTOMER_TOKEN_SECRET;
  const staffBearer = () => `Bearer ${signStaffToken({ staffId: DEMO_STAFF_ID, secret: secret(), now: new Date() })}`;

  beforeAll(async () => {
    t = await startTestServer('sqlite', { ...FUZZ_ENV, ADMIN_TOKEN });
    base = t.server.url;
    conversationId = await openConversation();
    customers = (await t.server.store.db.selectFrom('customers').select('id').execute()).map((row) => row.id);
  });
  afterAll(async () => { await t?.cleanup(); });
  afterEach(async () => {
    await expectHealthy(base);
    const res = await call({ method: 'POST', path: `/conversations/${await openConversation()}/messages`, ...json({ text: 'hello' }) });
    expect(res.status).toBe(201);
    expect((res.json as { replies: Array<{ text: string }> }).replies[0]?.text).toMatch(/\w/);
  });

  async function call(request: Call): Promise<Awaited<ReturnType<typeof readResponse>>> {
    const response = await fetch(`${base}/api${request.path}`, {
      method: request.method, headers: request.headers, body: request.body, redirect: 'manual',
      // A request the server never answers is a hang: fail it rather than the whole test.
      signal: AbortSignal.timeout(15_000),
      ...(request.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return readResponse(response);
  }
  const json = (body: unknown, headers: Record<string, string> = {}) => ({ headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  async function openConversation(): Promise<string> {
    const res = await call({ method: 'POST', path: '/conversations', ...json({}) });
    expect(res.status).toBe(201);
    return (res.json as { id: string }).id;
  }

  /** A 2xx from an endpoint has that endpoint's documented shape. */
  function expectSuccessShape(path: string, res: { status: number; json: unknown; text: string }): void {
    if (res.status >= 300 || res.status === 204) return;
    if (path === '/conversations') expect(res.json).toMatchObject({ id: expect.stringMatching(UUID) });
    else if (/^\/conversations\/[^/]+\/messages$/.test(path) && res.status !== 200) expect(res.json).toMatchObject({ id: expect.any(String), replies: expect.any(Array) });
    else expect(res.json, `2xx without JSON from ${path}: ${res.text.slice(0, 200)}`).toBeDefined();
  }

  const staffId = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom('0', '1e3', '99999999999999999999', 'abc', '-1', '1.5', '%20', '0x10'));
  const nearValidAdminBody = fc.oneof(
    fc.record({ role: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('agent', 'inventory', 'logistics', 'manager', 'monitor', 'admin', 'ADMIN', 'owner', '') }, { weight: 1, arbitrary: hostileText({ maxLength: 40 }) }) }),
    fc.record({
      platform: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('teams', 'slack', 'email') }, { weight: 1, arbitrary: hostileText({ maxLength: 20 }) }),
      externalId: fc.oneof(fc.constantFrom('U_TAKEN', 'aad-1'), hostileText({ maxLength: 300 })),
    }),
    fc.record({ reason: fc.oneof(hostileText({ maxLength: 250 }), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
  );
  /** Every endpoint that takes a JSON body, with the credentials that let the body be read. */
  const jsonEndpoint = fc.oneof(
    fc.constant({ method: 'POST', path: '/conversations' }),
    fc.constant(null).map(() => ({ method: 'POST', path: `/conversations/${conversationId}/messages` })),
    staffId.map((id) => ({ method: 'PUT', path: `/admin/staff/${id}/role`, admin: true })),
    staffId.map((id) => ({ method: 'POST', path: `/admin/staff/${id}/identities`, admin: true })),
    fc.oneof(fc.constantFrom('kb-reindex-x', 'NLU-RETRAIN', '', 'jobs'), fc.string({ maxLength: 20 }).map(encodeURIComponent))
      .map((name) => ({ method: 'POST', path: `/admin/jobs/${name}`, admin: true })),
  );

  it('answers random JSON bodies on every endpoint with a 2xx of the right shape or a 4xx error body', async () => {
    await fc.assert(fc.asyncProperty(jsonEndpoint, fc.oneof(hostileJson(), nearValidAdminBody), async (endpoint, body) => {
      const auth: Record<string, string> = 'admin' in endpoint ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {};
      const res = await call({ method: endpoint.method, path: endpoint.path, ...json(body, auth) });
      expectClientOutcome(res, { echoes: echoesOf(body) });
      expectSuccessShape(endpoint.path, res);
    }), run(120));
  }, FUZZ_TIMEOUT_MS);

  const contentType = fc.oneof(
    fc.constantFrom(
      'application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16',
      'application/json; charset=bogus', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
      'application/octet-stream', 'application/xml', 'application/*', '*/*', 'application/json+x', 'application/vnd.api+json',
    ),
    headerValue({ maxLength: 60 }),
  );
  const encoding = fc.option(fc.oneof(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'gzip, gzip'), headerValue({ maxLength: 20 })), { nil: undefined });
  const rawBody = fc.oneof(hostileText({ maxLength: 2000 }), fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)), fc.constantFrom('', '{', '[]', 'null', '"x"', '{"text":', '\u0000'));
  const postEndpoint = fc.constantFrom('/conversations', 'MESSAGES', '/admin/staff/1/identities', '/admin/jobs/kb-reindex');

  it('answers raw strings under any content type and content encoding with a client error or a valid answer', async () => {
    await fc.assert(fc.asyncProperty(postEndpoint, rawBody, contentType, encoding, fc.boolean(), async (endpoint, body, type, contentEncoding, admin) => {
      const path = endpoint === 'MESSAGES' ? `/conversations/${conversationId}/messages` : endpoint;
      const headers: Record<string, string> = { ...(type ? { 'content-type': type } : {}), ...(contentEncoding ? { 'content-encoding': contentEncoding } : {}) };
      // The admin job endpoint with a valid body would queue real work; a wrong token keeps it at the door.
      if (admin && endpoint !== '/admin/jobs/kb-reindex') headers.authorization = `Bearer ${ADMIN_TOKEN}`;
      const res = await call({ method: 'POST', path, headers, body });
      expectClientOutcome(res, { echoes: [body] });
      expectSuccessShape(path, res);
      if (res.status < 400) expect(body.trim().length === 0 || /^application\/(?:json|\*)|^\*\/\*/i.test(type) || path === '/conversations').toBe(true);
    }), run(120));
  }, FUZZ_TIMEOUT_MS);

  it('refuses bodies over the limit with 413, with or without a content length', async () => {
    const size = fc.integer({ min: REST_LIMIT + 1, max: 300 * 1024 });
    await fc.assert(fc.asyncProperty(fc.constantFrom('/conversations', 'MESSAGES', '/admin/staff/1/role'), size, fc.boolean(), fc.constantFrom('a', 'é', '\u0000', '"'),
      async (endpoint, bytes, chunked, fill) => {
        const path = endpoint === 'MESSAGES' ? `/conversations/${conversationId}/messages` : endpoint;
        const text = JSON.stringify({ text: fill.repeat(bytes) });
        const headers = { 'content-type': 'application/json', ...(path.startsWith('/admin') ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {}) };
        const res = await call({ method: path.startsWith('/admin') ? 'PUT' : 'POST', path, headers, body: chunked ? streamOf(text) : text });
        expect(res.status, res.text.slice(0, 200)).toBe(413);
        expectErrorBody(res.json, res.text);
        expect((res.json as { error: { code: string } }).error.code).toBe('payload_too_large');
      }), run(30));
  }, FUZZ_TIMEOUT_MS);

  const segment = fc.oneof(
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.string({ unit: 'binary', maxLength: 10 }).map(encodeURIComponent),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '..', '.', '%2e%2e', '%2F', '%00', ';', 'conversations', 'messages', 'admin', 'ops', 'openapi.json', 'staff', 'jobs'),
    fc.uuid(),
  );
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');

  it('answers random paths and methods under /api with JSON client errors', async () => {
    await fc.assert(fc.asyncProperty(method, fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean(), async (verb, segments, admin) => {
      const path = `/${segments.join('/')}`;
      const headers: Record<string, string> = admin ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {};
      const hasBody = verb !== 'GET' && verb !== 'HEAD';
      // DELETE with the admin token could unlink a seeded identity: harmless, but keep the shop intact.
      if (verb === 'DELETE' && admin) delete headers.authorization;
      const res = await call({ method: verb, path, headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers, body: hasBody ? '{}' : undefined });
      // The URL parser resolves `..` segments: such a request may leave /api for the web pages.
      const underApi = /^\/api(?:\/|$)/.test(new URL(`${base}/api${path}`).pathname);
      expectClientOutcome(res, { echoes: segments.map((s) => safeDecode(s)), errorBodyRequired: verb !== 'HEAD' && underApi });
    }), run(150));
  }, FUZZ_TIMEOUT_MS);

  const conversationParam = fc.oneof(
    fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), fc.string({ maxLength: 60 }).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('%', '%ff', '..%2F..%2Fetc', 'null', 'undefined', '0', '%00', '-1', 'a'.repeat(5000)),
  );

  it('answers random conversation ids with 404 (or 400 for ids that do not decode), for sending and for history', async () => {
    await fc.assert(fc.asyncProperty(conversationParam, fc.boolean(), async (id, send) => {
      const path = `/conversations/${id}/messages`;
      const res = send ? await call({ method: 'POST', path, ...json({ text: 'hello' }) }) : await call({ method: 'GET', path });
      expectClientOutcome(res, { echoes: [safeDecode(id)] });
      expect([400, 404, 414, 429, 431], `${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
    }), run(100));
  }, FUZZ_TIMEOUT_MS);

  const authorization = fc.oneof(
    headerValue(),
    headerValue({ maxLength: 80 }).map((v) => `Bearer ${v}`),
    fc.tuple(fc.constantFrom('v1', 's1', 'v2', 'V1', ''), fc.oneof(fc.integer().map(String), headerValue({ maxLength: 10 })), fc.oneof(fc.integer().map(String), headerValue({ maxLength: 12 })), headerValue({ maxLength: 50 }))
      .map((parts) => `Bearer ${parts.join('.')}`),
    // Correctly signed tokens, some already expired: for staff who may not exist, for seeded customers and unknown ones.
    fc.tuple(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })), fc.integer({ min: -100_000, max: 100_000 }))
      .map(([id, ttlSeconds]) => `Bearer ${signStaffToken({ staffId: id, secret: secret(), now: new Date(), ttlSeconds })}`),
    fc.tuple(fc.nat(), fc.integer({ min: -100_000, max: 100_000 }))
      .map(([i, ttlSeconds]) => `Bearer ${signCustomerToken({ customerId: i % 3 === 2 ? 900_000 + i : customers[i % customers.length] ?? 1, secret: secret(), now: new Date(), ttlSeconds })}`),
  );
  const otherHeaders = fc.dictionary(
    fc.constantFrom('x-customer-token', 'accept', 'accept-encoding', 'accept-language', 'x-forwarded-for', 'x-request-id', 'origin', 'cookie', 'if-none-match', 'range', 'x-http-method-override', 'expect'),
    headerValue({ maxLength: 120 }), { maxKeys: 4 },
  );
  const authedEndpoint = fc.constantFrom(
    { method: 'POST', path: '/conversations', body: '{}' }, { method: 'POST', path: 'MESSAGES', body: '{"text":"where is my order?"}' },
    { method: 'GET', path: 'MESSAGES' }, { method: 'GET', path: '/ops/metrics' }, { method: 'GET', path: '/admin/staff' },
  );

  it('answers junk credentials and random headers with 401/403 or an answer, never a server error', async () => {
    await fc.assert(fc.asyncProperty(authedEndpoint, fc.option(authorization, { nil: undefined }), otherHeaders, async (endpoint, auth, extra) => {
      const path = endpoint.path === 'MESSAGES' ? `/conversations/${conversationId}/messages` : endpoint.path;
      const headers: Record<string, string> = { ...extra, ...(auth !== undefined ? { authorization: auth } : {}), ...(endpoint.body ? { 'content-type': 'application/json' } : {}) };
      if (headers.expect !== undefined) delete headers.expect; // fetch refuses to send it
      const res = await call({ method: endpoint.method, path, headers, body: endpoint.body });
      expectClientOutcome(res, { echoes: [...Object.values(extra), auth ?? ''] });
      expectSuccessShape(path, res);
    }), run(120));
  }, FUZZ_TIMEOUT_MS);

  const day = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -800, max: 30 }).map((offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)) },
    { weight: 2, arbitrary: fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`) },
    { weight: 1, arbitrary: headerValue({ maxLength: 12 }) },
  );
  const metricsQuery = fc.record({
    from: day, to: day,
    days: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }).map(String) }, { weight: 1, arbitrary: fc.integer({ min: -10, max: 100_000 }).map(String) },
      { weight: 1, arbitrary: headerValue({ maxLength: 6 }) },
    ),
    junk: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { minKeys: 1, maxKeys: 2 }) }),
  }, { requiredKeys: [] });

  it('answers random query strings on /ops/metrics with metrics or a 4xx', async () => {
    const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
    await fc.assert(fc.asyncProperty(metricsQuery, fc.boolean(), rarely, async (query, staff, repeat) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (typeof value === 'string') params.append(key, value);
        else if (value) for (const [k, v] of Object.entries(value)) params.append(k, v);
      }
      if (repeat && query.days !== undefined) params.append('days', query.days); // an array in req.query
      const res = await call({ method: 'GET', path: `/ops/metrics?${params}`, headers: staff ? { authorization: staffBearer() } : {} });
      expectClientOutcome(res, { echoes: [...params.keys(), ...params.values()] });
      if (res.status === 200) expect(res.json).toMatchObject({ metrics: expect.any(Object), text: expect.any(String) });
      // The query is checked before the token, so an anonymous caller may see either refusal.
      if (!staff) expect([400, 401]).toContain(res.status);
    }), run(100));
  }, FUZZ_TIMEOUT_MS);

  const clientMessageId = fc.option(fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 100 }), { nil: undefined });

  it('answers well-formed messages with any unicode text with replies, or a 4xx error body', async () => {
    await fc.assert(fc.asyncProperty(hostileText({ maxLength: 5000 }), clientMessageId, fc.boolean(), async (text, id, fresh) => {
      const conversation = fresh ? await openConversation() : conversationId;
      const res = await call({ method: 'POST', path: `/conversations/${conversation}/messages`, ...json({ text, ...(id ? { clientMessageId: id } : {}) }) });
      expectClientOutcome(res, { echoes: [text, text.trim(), id ?? ''] });
      if (res.status >= 400) {
        expect([400, 409, 413, 429], `${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
        return;
      }
      expect([200, 201]).toContain(res.status);
      const body = res.json as { id: string; duplicate: boolean; replies: Array<{ text?: string; from: { role: string } }> };
      expect(body).toMatchObject({ id: expect.any(String), duplicate: res.status === 200, replies: expect.any(Array) });
      // The bot stays silent only while a colleague has the conversation (a hand-off).
      if (!body.duplicate && body.replies.length === 0) expect(await handoffsOf(conversation)).toBeGreaterThan(0);
      for (const reply of body.replies) {
        expect(reply.from.role).toBe('bot');
        expectNoInternals(reply.text ?? '', [text, text.trim()]);
      }
    }), run(60));
  }, FUZZ_TIMEOUT_MS);

  const handoffsOf = async (conversation: string) =>
    (await t.server.store.db.selectFrom('handoffs').select('id').where('conversation_id', '=', conversation).execute()).length;

  // Found by the credentials property: a correctly signed token naming no customer of the shop
  // used to be a 500 (a foreign-key failure when the conversation was saved).
  it('refuses a signed token for a customer the shop does not have with a 4xx', async () => {
    const token = signCustomerToken({ customerId: Math.max(...customers) + 1000, secret: secret(), now: new Date() });
    const headers = { authorization: `Bearer ${token}` };
    const started = await call({ method: 'POST', path: '/conversations', ...json({}, headers) });
    const sent = await call({ method: 'POST', path: `/conversations/${conversationId}/messages`, ...json({ text: 'where is my order?' }, headers) });
    expectClientOutcome(started);
    expectClientOutcome(sent);
  }, FUZZ_TIMEOUT_MS);
});


function safeDecode(segment: string): string {
  try { return decodeURIComponent(segment); } catch { return segment; }
}

/** A body sent chunked, without a content length. */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) { controller.close(); return; }
      controller.enqueue(bytes.subarray(offset, offset + 8192));
      offset += 8192;
    },
  });
}
