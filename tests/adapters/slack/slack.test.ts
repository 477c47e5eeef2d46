import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackNotifier, createSlackRouter, NOT_REGISTERED_TEXT, SLACK_EVENTS_PATH } from '../../../adapters/slack/index.js';
import { Bot, ChannelDirectory, createBotTools, DEFAULT_IDENTITY_LIMITS } from '../../../bot/index.js';
import { DependencyError } from '../../../core/errors.js';
import { silentLogger } from '../../../core/logger.js';
import type { NluEngine, ParseResult } from '../../../core/nlu.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';
import { eventEnvelope, signedHeaders, startFakeSlack, UNKNOWN_CHANNEL, type SlackCall } from './fake-slack.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const SECRET = 'test-signing-secret-0123456789';
const MANAGER = 'U_MANAGER';
const INVENTORY = 'U_INVENTORY';
const LOW_IN_LEEDS = "what's low in Leeds?";

/** Understands one question, so the test is about the channel and not the classifier. */
const nlu: NluEngine = {
  parse: async (texts) => texts.map((text): ParseResult => (/low in leeds/i.test(text)
    ? {
      text, language: 'en', intents: [{ name: 'low_stock', confidence: 0.95 }],
      entities: [{ type: 'warehouse', value: 'LDS', text: 'Leeds', start: text.indexOf('Leeds'), end: text.indexOf('Leeds') + 5, extractor: 'test' }],
    }
    : { text, language: 'en', intents: [{ name: 'out_of_scope', confidence: 0.9 }], entities: [] })),
};

type Block = { type: string; text?: { text: string }; elements?: unknown[] };

/** The Slack channel end to end: signed HTTP requests in, Web API calls out, over the seeded demo shop. */
describe('Slack channel', () => {
  let store: TestStore;
  let slack: Awaited<ReturnType<typeof startFakeSlack>>;
  const servers: Server[] = [];
  let base: string;
  /** A second replica that answers Slack only after the turn, for checks that nothing happened. */
  let replica: string;

  beforeAll(async () => {
    [store, slack] = await Promise.all([openSeededTestStore({ seed: 42, now: NOW }), startFakeSlack()]);
    const createdAt = NOW.toISOString();
    await store.db.insertInto('staff_identities').values([
      { platform: 'slack', external_id: MANAGER, staff_user_id: 2, created_at: createdAt },
      { platform: 'slack', external_id: INVENTORY, staff_user_id: 6, created_at: createdAt },
    ]).execute();
    const clock = { now: () => NOW };
    const bot = new Bot({ db: store.db, nlu, tools: createBotTools(), clock, limits: DEFAULT_IDENTITY_LIMITS, logger: silentLogger });
    const options = { bot, directory: new ChannelDirectory(store.db, clock), logger: silentLogger, signingSecret: SECRET, botToken: 'xoxb-test', apiUrl: slack.apiUrl };
    base = await listen(createSlackRouter({ ...options, maxBodyBytes: 64 * 1024 }));
    replica = await listen(createSlackRouter({ ...options, processBeforeResponse: true }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
    await slack?.close();
    await store?.cleanup();
  });

  async function listen(router: express.Router): Promise<string> {
    const app = express();
    app.use(router);
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;
  }

  const send = (body: string, options: { to?: string; contentType?: string; secret?: string; timestamp?: number; headers?: Record<string, string> } = {}) =>
    fetch(options.to ?? base, {
      method: 'POST', body,
      headers: { 'content-type': options.contentType ?? 'application/json', ...signedHeaders(body, { secret: options.secret ?? SECRET, timestamp: options.timestamp }), ...options.headers },
    });
  const postsTo = (channel: string): SlackCall[] => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel);
  const postedOnce = (channel: string) => vi.waitFor(() => {
    const posts = postsTo(channel);
    expect(posts).toHaveLength(1);
    return posts[0] as SlackCall;
  }, { timeout: 10_000 });
  const count = async (table: 'messages' | 'conversations' | 'channel_conversations') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  function expectLowStockReply(post: SlackCall) {
    expect(String(post.args.text)).toMatch(/below reorder point/);
    expect(String(post.args.text)).toMatch(/SKU \| Name \| Warehouse/);
    const blocks = post.args.blocks as Block[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const code = blocks.find((b) => b.type === 'section' && b.text?.text.startsWith('```'));
    expect(code?.text?.text).toMatch(/^```\nSKU\s{2,}Name\s{2,}Warehouse/);
    expect(code?.text?.text).toMatch(/\n[A-Z]{3}-\d{4}\s{2,}.*\bLDS\b/);
    for (const b of blocks) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
  }

  it('answers a staff member\'s mention in the thread, with the table drawn in blocks and the text as fallback', async () => {
    const response = await send(eventEnvelope({ type: 'app_mention', user: MANAGER, channel: 'C_MENTION', text: `<@UBOT> ${LOW_IN_LEEDS}`, ts: '1700000000.000100' }));
    expect(response.status).toBe(200);
    const post = await postedOnce('C_MENTION');
    expect(post.args.thread_ts).toBe('1700000000.000100');
    expectLowStockReply(post);
    const link = await store.db.selectFrom('channel_conversations').selectAll().where('external_id', '=', `C_MENTION:1700000000.000100:${MANAGER}`).executeTakeFirstOrThrow();
    const inbound = await store.db.selectFrom('messages').select(['text', 'client_message_id']).where('conversation_id', '=', link.conversation_id).where('direction', '=', 'in').execute();
    expect(inbound).toEqual([{ text: LOW_IN_LEEDS, client_message_id: '1700000000.000100' }]);
  });

  it('answers a direct message in its thread and ignores bot messages and edits', async () => {
    await send(eventEnvelope({ type: 'message', channel_type: 'im', user: INVENTORY, channel: 'D_INVENTORY', text: LOW_IN_LEEDS, ts: '1700000001.000200' }));
    const post = await postedOnce('D_INVENTORY');
    expect(post.args.thread_ts).toBe('1700000001.000200');
    expectLowStockReply(post);
    for (const extra of [{ subtype: 'bot_message', bot_id: 'BBOT' }, { subtype: 'message_changed' }, { bot_id: 'BOTHER' }]) {
      const ignored = await send(eventEnvelope({ type: 'message', channel_type: 'im', user: INVENTORY, channel: 'D_INVENTORY', text: LOW_IN_LEEDS, ts: '1700000001.000300', ...extra }), { to: replica });
      expect(ignored.status).toBe(200);
    }
    expect(postsTo('D_INVENTORY')).toHaveLength(1);
  });

  it('tells an unregistered user only that they are not registered, and stores nothing', async () => {
    const [conversations, messages] = [await count('conversations'), await count('messages')];
    await send(eventEnvelope({ type: 'app_mention', user: 'U_STRANGER', channel: 'C_STRANGER', text: `<@UBOT> ${LOW_IN_LEEDS}`, ts: '1700000002.000100' }));
    const post = await postedOnce('C_STRANGER');
    expect(post.args).toMatchObject({ text: NOT_REGISTERED_TEXT, thread_ts: '1700000002.000100' });
    expect(post.args.blocks).toBeUndefined();
    expect([await count('conversations'), await count('messages')]).toEqual([conversations, messages]);
  });

  it('refuses unsigned, badly signed and stale requests with 401 and touches nothing', async () => {
    const calls = slack.calls.length;
    const [conversations, messages] = [await count('conversations'), await count('messages')];
    const body = eventEnvelope({ type: 'app_mention', user: MANAGER, channel: 'C_FORGED', text: LOW_IN_LEEDS, ts: '1700000003.000100' });
    expect((await send(body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await send(body, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    const unsigned = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const tampered = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body, { secret: SECRET }) }, body: body.replace('C_FORGED', 'C_FORGEX') });
    expect(tampered.status).toBe(401);
    expect(slack.calls.length).toBe(calls);
    expect([await count('conversations'), await count('messages')]).toEqual([conversations, messages]);
  });

  it('answers url_verification and ssl_check, and refuses malformed or oversized bodies with 400', async () => {
    const challenge = await send(JSON.stringify({ token: 'legacy', challenge: 'c-123', type: 'url_verification' }));
    expect(challenge.status).toBe(200);
    expect(await challenge.json()).toEqual({ challenge: 'c-123' });
    expect((await send('ssl_check=1&token=legacy', { contentType: 'application/x-www-form-urlencoded' })).status).toBe(200);
    expect((await send('{"type":', {})).status).toBe(400);
    expect((await send('[1,2]', {})).status).toBe(400);
    expect((await send('hello', { contentType: 'text/plain' })).status).toBe(400);
    const huge = eventEnvelope({ type: 'app_mention', user: MANAGER, channel: 'C_HUGE', text: 'x'.repeat(70 * 1024), ts: '1700000004.000100' });
    expect((await send(huge)).status).toBe(400);
  });

  it('answers an event once when Slack retries it, on this replica or another', async () => {
    const body = eventEnvelope({ type: 'app_mention', user: MANAGER, channel: 'C_RETRY', text: `<@UBOT> ${LOW_IN_LEEDS}`, ts: '1700000005.000100' }, 'EvRETRY1');
    expect((await send(body)).status).toBe(200);
    await postedOnce('C_RETRY');
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    expect((await send(body, { headers: retry })).status).toBe(200);
    expect((await send(body, { to: replica, headers: retry })).status).toBe(200);
    expect(postsTo('C_RETRY')).toHaveLength(1);
    const inbound = await store.db.selectFrom('messages').select('id').where('client_message_id', '=', '1700000005.000100').execute();
    expect(inbound).toHaveLength(1);
  });

  it('takes a quick-reply button press as the user\'s message, answered in the same thread', async () => {
    const payload = {
      type: 'block_actions', api_app_id: 'A1', token: 'legacy', trigger_id: '999.888.777', team: { id: 'T1' },
      user: { id: MANAGER, username: 'manager', team_id: 'T1' }, channel: { id: 'C_BUTTON', name: 'ops' },
      container: { type: 'message', message_ts: '1700000006.000200', channel_id: 'C_BUTTON', is_ephemeral: false },
      message: { type: 'message', ts: '1700000006.000200', thread_ts: '1700000006.000100', text: 'Pick one' },
      response_url: slack.respondUrl('button-1'),
      actions: [{ type: 'button', action_id: 'counterpart_reply_0', block_id: 'b1', value: LOW_IN_LEEDS, action_ts: '1700000007.000300', text: { type: 'plain_text', text: 'Low in Leeds' } }],
    };
    const response = await send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    const post = await postedOnce('C_BUTTON');
    expect(post.args.thread_ts).toBe('1700000006.000100');
    expectLowStockReply(post);
    const link = await store.db.selectFrom('channel_conversations').select('external_id').where('external_id', 'like', 'C_BUTTON:%').executeTakeFirstOrThrow();
    expect(link.external_id).toBe(`C_BUTTON:1700000006.000100:${MANAGER}`);
  });

  it('acknowledges /counterpart at once and answers through response_url', async () => {
    const form = new URLSearchParams({
      token: 'legacy', team_id: 'T1', channel_id: 'C_COMMAND', channel_name: 'ops', user_id: MANAGER, user_name: 'manager',
      command: '/counterpart', text: LOW_IN_LEEDS, api_app_id: 'A1', response_url: slack.respondUrl('cmd-1'), trigger_id: '1234.5678.abcdef',
    }).toString();
    const response = await send(form, { contentType: 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const answer = await vi.waitFor(() => {
      const found = slack.calls.find((c) => c.method === 'response_url' && c.args.url === '/respond/cmd-1');
      expect(found).toBeDefined();
      return found as SlackCall;
    }, { timeout: 10_000 });
    expect(answer.args.response_type).toBe('ephemeral');
    expectLowStockReply(answer);
    expect(postsTo('C_COMMAND')).toHaveLength(0);
  });

  it('posts notices to the alert channel with the table drawn', async () => {
    const notifier = createSlackNotifier({ botToken: 'xoxb-test', channel: 'C_ALERTS', apiUrl: slack.apiUrl, logger: silentLogger });
    expect(notifier.channel).toBe('slack');
    const sent = await notifier.notify({
      text: 'Low stock in Leeds:\nSKU | Available\nAPP-0001 | 3\nAPP-0002 | 12',
      tables: [{ title: 'Low stock in Leeds:', columns: ['SKU', 'Available'], rows: [['APP-0001', '3'], ['APP-0002', '12']] }],
    });
    expect(sent).toBe(1);
    const [post] = postsTo('C_ALERTS');
    expect(post?.args.text).toContain('APP-0001 | 3');
    expect((post?.args.blocks as Block[]).map((b) => b.text?.text)).toEqual([
      'Low stock in Leeds:',
      '```\nSKU       Available\n--------  ---------\nAPP-0001          3\nAPP-0002         12\n```',
    ]);
    const failing = createSlackNotifier({ botToken: 'xoxb-test', channel: UNKNOWN_CHANNEL, apiUrl: slack.apiUrl, logger: silentLogger });
    await expect(failing.notify({ text: 'hello' })).rejects.toBeInstanceOf(DependencyError);
  });
});
