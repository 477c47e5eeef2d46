import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsNotifier, createTeamsRouter, NOT_REGISTERED_TEXT } from '../../../adapters/teams/index.js';
import { Bot, ChannelDirectory, createBotTools, DEFAULT_IDENTITY_LIMITS } from '../../../bot/index.js';
import { messagesIn } from '../../../bot/messages/index.js';
import { silentLogger } from '../../../core/logger.js';
import type { Entity, NluEngine, ParseResult } from '../../../core/nlu.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';
import { startFakeConnector, type FakeConnector, type RecordedActivity } from './connector.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const BOT = { id: '28:counterpart-app', name: 'Counterpart' };
const MANAGER = { id: '29:manager', aadObjectId: 'aad-manager-0001', name: 'Mia Manager' };
const STRANGER = { id: '29:stranger', aadObjectId: 'aad-stranger-0009', name: 'Sam Stranger' };
const LOW_IN_LEEDS = "what's low in Leeds?";
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** Deterministic NLU: a lookup from text to intent and entities; it records what it was asked. */
function lookupNlu(seen: string[]): NluEngine {
  const known: Record<string, { intent: string; entities: Array<Pick<Entity, 'type' | 'value' | 'text'>> }> = {
    [LOW_IN_LEEDS]: { intent: 'low_stock', entities: [{ type: 'warehouse', value: 'LDS', text: 'Leeds' }] },
  };
  return {
    async parse(texts): Promise<ParseResult[]> {
      seen.push(...texts);
      return texts.map((text) => {
        const hit = known[text];
        const entities = (hit?.entities ?? []).map((e) => ({ ...e, start: text.indexOf(e.text), end: text.indexOf(e.text) + e.text.length, extractor: 'lookup' }));
        return { text, language: 'en', intents: [{ name: hit?.intent ?? 'out_of_scope', confidence: 0.95 }], entities };
      });
    },
  };
}

describe('Teams channel', () => {
  let store: TestStore;
  let connector: FakeConnector;
  let directory: ChannelDirectory;
  let server: Server;
  let base: string;
  const nluSeen: string[] = [];
  let nextId = 0;

  beforeAll(async () => {
    [store, connector] = await Promise.all([openSeededTestStore({ seed: 42, now: NOW }), startFakeConnector()]);
    await store.db.insertInto('staff_identities')
      .values({ platform: 'teams', external_id: MANAGER.aadObjectId, staff_user_id: 2, created_at: NOW.toISOString() }).execute();
    const bot = new Bot({
      db: store.db, nlu: lookupNlu(nluSeen), tools: createBotTools(), clock: { now: () => NOW }, limits: DEFAULT_IDENTITY_LIMITS, logger: silentLogger,
    });
    directory = new ChannelDirectory(store.db, { now: () => NOW });
    const app = express();
    app.use(createTeamsRouter({ bot, directory, logger: silentLogger, auth: {} }));
    app.use('/secured', createTeamsRouter({ bot, directory, logger: silentLogger, auth: { clientId: '00000000-0000-0000-0000-00000000c0de', clientSecret: 'not-used', tenantId: 'tenant-1' } }));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => { server?.closeAllConnections(); server?.close(() => resolve()); });
    await connector?.close();
    await store?.cleanup();
  });

  /** A Bot Framework message activity as Teams posts it. */
  function message(options: { conversation: string; text: string; from?: typeof MANAGER; conversationType?: string; entities?: unknown[] }) {
    return {
      type: 'message', id: `1732547${String(++nextId).padStart(6, '0')}`, timestamp: NOW.toISOString(), localTimestamp: NOW.toISOString(),
      channelId: 'msteams', serviceUrl: connector.url, textFormat: 'plain', locale: 'en-GB',
      from: options.from ?? MANAGER, recipient: BOT,
      conversation: { id: options.conversation, conversationType: options.conversationType ?? 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      text: options.text, ...(options.entities ? { entities: options.entities } : {}),
    };
  }
  const post = (body: unknown, options: { path?: string; headers?: Record<string, string> } = {}) => fetch(`${base}${options.path ?? '/api/messages'}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const count = async (table: 'conversations' | 'channel_conversations' | 'messages') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const card = (record: RecordedActivity | undefined) => record?.body.attachments?.find((a) => a.contentType === ADAPTIVE)?.content;

  it("answers a staff member's low-stock question with an Adaptive Card table and the text as fallback", async () => {
    const inbound = message({ conversation: 'a:personal-manager', text: LOW_IN_LEEDS });
    const response = await post(inbound);
    expect(response.status).toBe(200);
    const [reply, ...more] = connector.to('a:personal-manager');
    expect(more).toHaveLength(0);
    expect(reply?.replyToId).toBe(inbound.id);
    expect(reply?.authorization).toBeUndefined(); // anonymous mode: no token was fetched
    expect(reply?.body).toMatchObject({ type: 'message', from: BOT, recipient: MANAGER, conversation: { id: 'a:personal-manager' } });
    const text = reply?.body.text ?? '';
    expect(text).toMatch(/^\d+ item\(s\) below reorder point in LDS/);
    const content = card(reply);
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5', fallbackText: text });
    const body = content?.body as Array<{ type: string; text?: string; rows?: Array<{ cells: Array<{ items: Array<{ text: string }> }> }> }>;
    expect(body[0]).toMatchObject({ type: 'TextBlock', text: expect.stringMatching(/below reorder point in LDS/) });
    const rows = (body.find((element) => element.type === 'Table')?.rows ?? []).map((row) => row.cells.map((cell) => cell.items[0]?.text));
    expect(rows[0]).toEqual(['SKU', 'Name', 'Warehouse', 'Available', 'Reorder point', 'Days of cover']);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((row) => row[2] === 'LDS')).toBe(true);

    const bound = await store.db.selectFrom('channel_conversations').selectAll()
      .where('external_id', '=', `a:personal-manager:${MANAGER.aadObjectId}`).executeTakeFirstOrThrow();
    expect(JSON.parse(bound.reference)).toMatchObject({ serviceUrl: connector.url, conversation: { id: 'a:personal-manager' } });
    const conversation = await store.db.selectFrom('conversations').select(['channel', 'staff_user_id']).where('id', '=', bound.conversation_id).executeTakeFirstOrThrow();
    expect(conversation).toEqual({ channel: 'teams', staff_user_id: 2 });
  });

  it('answers a redelivered activity once', async () => {
    const inbound = message({ conversation: 'a:personal-retry', text: LOW_IN_LEEDS });
    expect((await post(inbound)).status).toBe(200);
    const messages = await count('messages');
    expect((await post(inbound)).status).toBe(200);
    expect(connector.to('a:personal-retry')).toHaveLength(1);
    expect(await count('messages')).toBe(messages);
  });

  it('tells an unregistered Teams user only that, and stores nothing', async () => {
    const before = await Promise.all([count('conversations'), count('channel_conversations'), count('messages')]);
    expect((await post(message({ conversation: 'a:personal-stranger', text: LOW_IN_LEEDS, from: STRANGER }))).status).toBe(200);
    const replies = connector.to('a:personal-stranger');
    expect(replies.map((r) => r.body.text)).toEqual([NOT_REGISTERED_TEXT]);
    expect(replies[0]?.body.attachments ?? []).toHaveLength(0);
    expect(await Promise.all([count('conversations'), count('channel_conversations'), count('messages')])).toEqual(before);
  });

  it('refuses requests without a valid Bot Framework token when a clientId is configured', async () => {
    const before = await count('channel_conversations');
    const secured = { path: '/secured/api/messages' };
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"aud":"someone-else"}').toString('base64url')}.`;
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer not-a-jwt' }, { authorization: `Bearer ${unsigned}` }, { authorization: 'Basic abc' }]) {
      const response = await post(message({ conversation: 'a:personal-secured', text: LOW_IN_LEEDS }), { ...secured, headers });
      expect(response.status).toBe(401);
    }
    expect(connector.to('a:personal-secured')).toHaveLength(0);
    expect(await count('channel_conversations')).toBe(before);
  });

  it('refuses malformed and oversized activities with 400', async () => {
    const valid = message({ conversation: 'a:personal-bad', text: LOW_IN_LEEDS });
    const { conversation: _missing, ...withoutConversation } = valid;
    const bodies: unknown[] = [
      '{"type": "message",', '[]', withoutConversation, { ...valid, serviceUrl: 'file:///etc/passwd' }, { ...valid, from: { name: 'no id' } },
      { ...valid, text: 'x'.repeat(65 * 1024) },
    ];
    for (const body of bodies) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_input' } });
    }
    expect(connector.to('a:personal-bad')).toHaveLength(0);
  });

  it('ignores channel messages that do not mention the bot, and answers the ones that do', async () => {
    const thread = '19:ops@thread.tacv2;messageid=1732540000000';
    expect((await post(message({ conversation: thread, conversationType: 'channel', text: LOW_IN_LEEDS }))).status).toBe(200);
    expect(connector.to(thread)).toHaveLength(0);

    const mention = { type: 'mention', mentioned: BOT, text: '<at>Counterpart</at>' };
    const addressed = message({ conversation: thread, conversationType: 'channel', text: `<at>Counterpart</at> ${LOW_IN_LEEDS}\n`, entities: [mention] });
    expect((await post(addressed)).status).toBe(200);
    expect(nluSeen.at(-1)).toBe(LOW_IN_LEEDS);
    const [reply] = connector.to(thread);
    expect(card(reply)).toMatchObject({ version: '1.5' });
    const bound = await store.db.selectFrom('channel_conversations').select('external_id').where('external_id', '=', `${thread}:${MANAGER.aadObjectId}`).execute();
    expect(bound).toHaveLength(1);
  });

  it('welcomes a staff member who installs the app in a personal chat', async () => {
    const installed = {
      type: 'conversationUpdate', id: 'f:install-1', channelId: 'msteams', serviceUrl: connector.url, timestamp: NOW.toISOString(),
      from: MANAGER, recipient: BOT, conversation: { id: 'a:personal-installed', conversationType: 'personal', tenantId: 'tenant-1' },
      membersAdded: [{ id: BOT.id }],
    };
    expect((await post(installed)).status).toBe(200);
    expect(connector.to('a:personal-installed').map((r) => r.body.text)).toEqual([messagesIn('en').staffWelcome]);
  });

  it('delivers a notice proactively, once to each stored Teams conversation', async () => {
    const conversations = (await directory.references('teams')).map((r) => (r.reference as { conversation: { id: string } }).conversation.id);
    expect(conversations).toContain('a:personal-manager');
    const notifier = createTeamsNotifier({ directory, auth: {}, logger: silentLogger });
    const before = connector.records.length;
    const delivered = await notifier.notify({ text: 'Stock alert: APP-1042 is low at LDS.', tables: [{ columns: ['SKU', 'Available'], rows: [['APP-1042', '2']] }] });
    expect(delivered).toBe(new Set(conversations).size);
    const sent = connector.records.slice(before);
    expect(sent.map((r) => r.conversationId).sort()).toEqual([...new Set(conversations)].sort());
    const toManager = sent.find((r) => r.conversationId === 'a:personal-manager');
    expect(toManager?.body).toMatchObject({ type: 'message', text: 'Stock alert: APP-1042 is low at LDS.', recipient: MANAGER });
    expect(card(toManager)).toMatchObject({ version: '1.5', fallbackText: 'Stock alert: APP-1042 is low at LDS.' });
  });
});
