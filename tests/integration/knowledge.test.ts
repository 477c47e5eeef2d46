import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

const ADMIN = 'test-admin-token-0123456789';

describe.each(storeKinds())('knowledge answers on %s', (kind) => {
  let t: TestServer;
  const url = () => t.server.url;

  beforeAll(async () => { t = await startTestServer(kind, { KB_ADMIN_TOKEN: ADMIN }); });
  afterAll(async () => { await t?.cleanup(); });

  async function ask(text: string) {
    const id = (await api(url(), '/conversations', { body: {} })).json.id as string;
    const res = await api(url(), `/conversations/${id}/messages`, { body: { text } });
    expect(res.status).toBe(201);
    return { id, reply: res.json.replies[0] as { text: string; sources?: Array<{ title: string; url?: string }> } };
  }

  it('answers a policy question from the demo articles with its source, and stores the chunks it used', async () => {
    const { id, reply } = await ask('Do you deliver to Norway?');
    // The shipping article and the FAQ both cover Norway.
    expect(reply.sources?.[0]?.url).toMatch(/^\/help\/(shipping|faq)$/);
    expect(reply.text).toMatch(/Norway/);
    const stored = await t.server.store.db.selectFrom('messages').select('payload')
      .where('conversation_id', '=', id).where('direction', '=', 'out').executeTakeFirstOrThrow();
    expect(JSON.parse(stored.payload ?? '{}').chunkIds?.length).toBeGreaterThan(0);
    const source = await fetch(`${url()}${reply.sources![0]!.url}`);
    expect(source.status).toBe(200);
    expect(await source.text()).toMatch(/Norway/);
  });

  it("says it doesn't know when nothing in the knowledge base answers", async () => {
    const { reply } = await ask('can I return a tractor engine rebuilt in 1962?');
    expect(reply.sources).toBeUndefined();
    expect(reply.text).toMatch(/don't know|didn't quite get that/);
  });

  it('lets an admin upload a document that the bot then cites, and keeps the API closed to others', async () => {
    const doc = { fileName: 'gift-cards.md', content: '# Gift cards\n\nNorthwind gift cards never expire and can be spent online or in the Kendal shop.' };
    expect((await api(url(), '/kb/documents', { body: doc })).status).toBe(401);
    expect((await api(url(), '/kb/documents', { body: doc, headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(403);
    const uploaded = await api(url(), '/kb/documents', { body: doc, headers: { authorization: `Bearer ${ADMIN}` } });
    expect(uploaded.status, uploaded.text).toBeLessThan(300);
    const { reply } = await ask('do gift cards expire?');
    expect(reply.sources?.[0]?.title).toMatch(/Gift cards/);
  });
});
