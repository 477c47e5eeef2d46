import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

describe.each(storeKinds())('REST bad input on %s', (kind) => {
  let t: TestServer;
  let conversationId: string;
  const url = () => t.server.url;
  const messageCount = async () => (await t.server.store.db.selectFrom('messages').select('id').execute()).length;

  beforeAll(async () => {
    t = await startTestServer(kind);
    conversationId = (await api(url(), '/conversations', { body: {} })).json.id;
  });
  afterAll(async () => { await t?.cleanup(); });

  const post = (init: Parameters<typeof api>[2]) => api(url(), `/conversations/${conversationId}/messages`, init);

  it.each([
    ['empty text', { body: { text: '' } }, 400, 'invalid_input'],
    ['whitespace-only text', { body: { text: ' \n\t ' } }, 400, 'invalid_input'],
    ['oversized text', { body: { text: 'a'.repeat(4097) } }, 413, 'payload_too_large'],
    ['multi-byte text over 4 KB', { body: { text: 'é'.repeat(2049) } }, 413, 'payload_too_large'],
    ['binary text', { body: { text: 'hi\u0000\u0001\u0002' } }, 400, 'invalid_input'],
    ['non-string text', { body: { text: 42 } }, 400, 'invalid_input'],
    ['missing text', { body: {} }, 400, 'invalid_input'],
    ['unexpected field', { body: { text: 'hi', admin: true } }, 400, 'invalid_input'],
    ['invalid JSON', { raw: '{"text": "hi"', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    ['a body that is not JSON', { raw: 'text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
    ['a huge body', { raw: JSON.stringify({ text: 'x'.repeat(100_000) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
    ['a bad clientMessageId', { body: { text: 'hi', clientMessageId: '' } }, 400, 'invalid_input'],
  ])('%s gets a %i with a message and stores nothing', async (_name, init, status, code) => {
    const before = await messageCount();
    const res = await post(init);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toEqual(expect.any(String));
    expect(await messageCount()).toBe(before);
  });

  it('unknown conversations are 404 for messages and history', async () => {
    for (const id of ['3f0c2a8e-2f7b-4d5e-9a1b-000000000000', 'not-a-uuid', '..%2F..%2Fetc']) {
      const sent = await api(url(), `/conversations/${id}/messages`, { body: { text: 'hi' } });
      expect(sent.status).toBe(404);
      expect(sent.json.error.code).toBe('not_found');
      expect((await api(url(), `/conversations/${id}/messages`)).status).toBe(404);
    }
  });

  it('unexpected fields when creating a conversation are refused', async () => {
    const res = await api(url(), '/conversations', { body: { customerId: 1 } });
    expect(res.status).toBe(400);
  });

  it('unknown API routes are JSON 404s', async () => {
    const res = await api(url(), '/nope');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  it('keeps serving after all of that', async () => {
    const health = await fetch(`${url()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${url()}/readyz`)).status).toBe(200);
    const ok = await post({ body: { text: 'hello' } });
    expect(ok.status).toBe(201);
    expect(ok.json.replies[0].text).toMatch(/Hello/);
  });

  it('serves the OpenAPI document', async () => {
    const res = await api(url(), '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toMatch(/^3\./);
    expect(Object.keys(res.json.paths)).toEqual(['/conversations', '/conversations/{id}/messages', '/ops/metrics']);
  });
});
