import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackRouter, NOT_REGISTERED_TEXT, SLACK_EVENTS_PATH, SlackHandoffs } from '../../../adapters/slack/index.js';
import {
  Bot, ChannelDirectory, createBotTools, DEFAULT_IDENTITY_LIMITS, HandoffDesk, HandoffEvents, type HandoffEvent,
} from '../../../bot/index.js';
import type { Principal } from '../../../core/activity.js';
import { silentLogger } from '../../../core/logger.js';
import type { NluEngine, ParseResult } from '../../../core/nlu.js';
import { storedHandoffThreads } from '../../../server/staff-channels.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';
import { eventEnvelope, signedHeaders, startFakeSlack, type SlackCall } from './fake-slack.js';

const START = Date.parse('2026-11-25T15:00:00.000Z');
const SECRET = 'test-signing-secret-0123456789';
const HANDOFFS = 'C_HANDOFFS';
/** Slack users of the demo shop's staff: two agents (Aisha Khan 4, Liam O'Connor 5) and Grace Liu (6, inventory). */
const AISHA = 'U_AISHA';
const LIAM = 'U_LIAM';
const GRACE = 'U_GRACE';

const nlu: NluEngine = {
  parse: async (texts) => texts.map((text): ParseResult => {
    const intent = /person/i.test(text) ? 'human_handoff' : /^hello\b/i.test(text) ? 'greet' : 'out_of_scope';
    return { text, language: 'en', entities: [], intents: [{ name: intent, confidence: 0.95 }] };
  }),
};

/** One process: a bot, the hand-off desk and its events, and the Slack channel with hand-off threads. */
interface Replica {
  bot: Bot;
  desk: HandoffDesk;
  handoffs: SlackHandoffs;
  events: HandoffEvent[];
  url: string;
}

/** Hand-offs worked in a Slack thread, end to end: signed Slack events in, Web API calls out, the customer's conversation in the store. */
describe('Slack hand-off threads', () => {
  let store: TestStore;
  let slack: Awaited<ReturnType<typeof startFakeSlack>>;
  const servers: Server[] = [];
  const replicas: Replica[] = [];
  let main: Replica;
  let now = START;
  const clock = { now: () => new Date((now += 1000)) };
  let sent = 0;

  beforeAll(async () => {
    [store, slack] = await Promise.all([openSeededTestStore({ seed: 42, now: new Date(START) }), startFakeSlack()]);
    const at = new Date(START).toISOString();
    await store.db.insertInto('staff_identities').values([
      { platform: 'slack', external_id: AISHA, staff_user_id: 4, created_at: at },
      { platform: 'slack', external_id: LIAM, staff_user_id: 5, created_at: at },
      { platform: 'slack', external_id: GRACE, staff_user_id: 6, created_at: at },
    ]).execute();
    main = await startReplica();
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.handoffs.stop();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
    await slack?.close();
    await store?.cleanup();
  });

  /** A process of its own over the shared database, as another replica or a restart would be. */
  async function startReplica(): Promise<Replica> {
    const hub = new HandoffEvents({ logger: silentLogger });
    const events: HandoffEvent[] = [];
    hub.subscribe((event) => events.push(event));
    const directory = new ChannelDirectory(store.db, clock);
    const bot = new Bot({ db: store.db, nlu, tools: createBotTools(), clock, limits: DEFAULT_IDENTITY_LIMITS, logger: silentLogger, handoffEvents: hub });
    const desk = new HandoffDesk({ db: store.db, clock, events: hub });
    const handoffs = new SlackHandoffs({ desk, directory, channel: HANDOFFS, threads: storedHandoffThreads(store.db, clock), logger: silentLogger });
    // Slack gets its answer once the listeners are done, so every check after a request sees their work.
    const router = createSlackRouter({
      bot, directory, logger: silentLogger, signingSecret: SECRET, botToken: 'xoxb-test', apiUrl: slack.apiUrl, handoffs, processBeforeResponse: true,
    });
    const app = express();
    app.use(router);
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const replica = { bot, desk, handoffs, events, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}` };
    replicas.push(replica);
    return replica;
  }

  async function customer() {
    const principal: Principal = { kind: 'customer', customerId: 1 };
    const { id } = await main.bot.startConversation({ channel: 'webchat', principal });
    let n = 0;
    const say = (text: string) => main.bot.handleMessage({ conversationId: id, channel: 'webchat', text, principal, clientMessageId: `m-${++n}` });
    const messages = () => store.db.selectFrom('messages').select(['role', 'user_id', 'direction', 'text']).where('conversation_id', '=', id).orderBy('id').execute();
    const handoff = () => store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', id).executeTakeFirstOrThrow();
    return { id, say, messages, handoff };
  }

  /** Asks for a person; returns the hand-off and the `ts` of the Slack message that opened its thread. */
  async function openHandoff(c: Awaited<ReturnType<typeof customer>>) {
    const asked = await c.say('I want to talk to a person');
    expect(asked.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^I'm connecting you with a colleague/)]);
    const handoff = await c.handoff();
    await main.handoffs.idle();
    const opening = slack.calls.filter((call) => call.method === 'chat.postMessage' && call.args.channel === HANDOFFS && !call.args.thread_ts
      && String(call.args.text).includes(`hand-off #${handoff.id}`));
    expect(opening).toHaveLength(1);
    return { handoff, opening: opening[0] as SlackCall };
  }

  /** The thread of a hand-off, read back from the stored link (Slack's answer to the opening post). */
  async function threadOf(handoffId: number): Promise<string> {
    const row = await store.db.selectFrom('channel_conversations').select('reference').where('channel', '=', 'slack').where('external_id', '=', `handoff:${handoffId}`).executeTakeFirstOrThrow();
    return (JSON.parse(row.reference) as { thread_ts: string }).thread_ts;
  }

  const reply = async (to: Replica, options: { user: string; threadTs: string; text: string }) => {
    const body = eventEnvelope({
      type: 'message', channel_type: 'channel', channel: HANDOFFS, user: options.user, text: options.text,
      ts: `1764000000.${String(++sent).padStart(6, '0')}`, thread_ts: options.threadTs,
    });
    const res = await fetch(to.url, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body, { secret: SECRET }) }, body });
    expect(res.status).toBe(200);
    for (const replica of replicas) await replica.handoffs.idle();
  };
  const inThread = (threadTs: string) => slack.calls
    .filter((c) => c.method === 'chat.postMessage' && c.args.channel === HANDOFFS && c.args.thread_ts === threadTs)
    .map((c) => String(c.args.text));
  const whispers = (user: string) => slack.calls.filter((c) => c.method === 'chat.postEphemeral' && c.args.user === user).map((c) => c.args);

  it('opens a thread, lets the first agent who replies take the hand-off and answer the customer, and hands back on release', async () => {
    const c = await customer();
    const { handoff, opening } = await openHandoff(c);
    expect(opening.args.text).toMatch(/A customer needs a person.*Dana Demo \(webchat\); the customer asked for a person/);
    expect(opening.args.text).toContain('> I want to talk to a person');
    expect(opening.args.text).toMatch(/Reply in this thread to take it.*`release`.*`resolved`/s);
    const threadTs = await threadOf(handoff.id);
    const links = await store.db.selectFrom('channel_conversations').selectAll().where('conversation_id', '=', c.id).orderBy('external_id').execute();
    expect(links.map((l) => [l.channel, l.external_id, JSON.parse(l.reference)])).toEqual([
      ['slack', `handoff-thread:${HANDOFFS}:${threadTs}`, { channel: HANDOFFS, thread_ts: threadTs, handoffId: handoff.id }],
      ['slack', `handoff:${handoff.id}`, { channel: HANDOFFS, thread_ts: threadTs, handoffId: handoff.id }],
    ]);

    // The customer writes while waiting: into the thread, escaped, and not answered by the bot.
    expect((await c.say('my parcel never arrived <!channel>')).replies).toEqual([]);
    await main.handoffs.idle();
    expect(inThread(threadTs)).toEqual(['*Customer:*\n> my parcel never arrived &lt;!channel&gt;']);

    await reply(main, { user: AISHA, threadTs, text: "Hi Dana, it's Aisha &amp; I'm on it" });
    expect(await c.handoff()).toMatchObject({ status: 'active', agent_staff_id: 4 });
    const afterTake = await c.messages();
    expect(afterTake.slice(-2)).toEqual([
      { role: 'customer', user_id: expect.any(String), direction: 'in', text: 'my parcel never arrived <!channel>' },
      { role: 'agent', user_id: 'staff:4', direction: 'out', text: "Hi Dana, it's Aisha & I'm on it" },
    ]);
    // What the web chat delivers to the customer; the agent's own text is not echoed into the thread.
    expect(main.events.filter((e) => e.type === 'agent_message').map((e) => e.type === 'agent_message' && e.activity.text)).toEqual(["Hi Dana, it's Aisha & I'm on it"]);
    expect(inThread(threadTs).slice(1)).toEqual(['Aisha Khan has taken this conversation; only they can answer the customer now.']);

    // Another agent, a non-agent and a stranger: told so, and nothing reaches the customer.
    await reply(main, { user: LIAM, threadTs, text: 'I can take it' });
    expect(inThread(threadTs).at(-1)).toBe('Aisha Khan already has this conversation; your message was not sent to the customer.');
    await reply(main, { user: GRACE, threadTs, text: 'stock is fine' });
    expect(whispers(GRACE)).toEqual([expect.objectContaining({ channel: HANDOFFS, thread_ts: threadTs, text: expect.stringMatching(/^Only agents, managers and admins/) })]);
    await reply(main, { user: 'U_STRANGER', threadTs, text: 'hello?' });
    expect(whispers('U_STRANGER')).toEqual([expect.objectContaining({ text: NOT_REGISTERED_TEXT })]);
    // A mention in the thread is not a staff question to the bot.
    const mention = eventEnvelope({ type: 'app_mention', user: AISHA, channel: HANDOFFS, text: "<@UBOT> what's low in Leeds?", ts: '1764000001.000100', thread_ts: threadTs });
    expect((await fetch(main.url, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(mention, { secret: SECRET }) }, body: mention })).status).toBe(200);
    expect(await store.db.selectFrom('channel_conversations').select('external_id').where('external_id', 'like', `${HANDOFFS}:%`).execute()).toEqual([]);
    expect(await c.messages()).toEqual(afterTake);
    expect(main.events.filter((e) => e.type === 'agent_message')).toHaveLength(1);

    await reply(main, { user: AISHA, threadTs, text: 'release' });
    expect(await c.handoff()).toMatchObject({ status: 'closed', outcome: 'returned_to_bot', agent_staff_id: 4 });
    expect(main.events.at(-1)).toMatchObject({ type: 'closed', activity: { text: expect.stringMatching(/^You're back with the assistant/) } });
    expect(inThread(threadTs).at(-1)).toMatch(
      /^:white_check_mark: \*Closed: handed back to the bot\.\* The bot answers the customer again\.\nWaited \d+s for an agent · 2 customer messages · 1 agent message · the customer asked for a person\.\nLast customer message:\n> my parcel never arrived &lt;!channel&gt;$/,
    );
    expect((await c.say('hello')).replies.map((r) => r.text)).toEqual([expect.stringMatching(/^Hello/)]);

    await reply(main, { user: AISHA, threadTs, text: 'one more thing' });
    expect(inThread(threadTs).at(-1)).toBe('This hand-off is closed; your message was not sent to the customer.');
    expect((await c.messages()).filter((m) => m.role === 'agent')).toHaveLength(1);
  });

  it('serves replies in a thread another process opened, from what the store remembers', async () => {
    const c = await customer();
    const { handoff } = await openHandoff(c);
    const threadTs = await threadOf(handoff.id);
    const restarted = await startReplica();
    await reply(restarted, { user: LIAM, threadTs, text: 'Liam here, sorting it now.' });
    expect(await c.handoff()).toMatchObject({ status: 'active', agent_staff_id: 5 });
    expect((await c.messages()).at(-1)).toEqual({ role: 'agent', user_id: 'staff:5', direction: 'out', text: 'Liam here, sorting it now.' });
    expect(restarted.events.map((e) => e.type)).toEqual(['taken', 'agent_message']);
    await reply(restarted, { user: LIAM, threadTs, text: 'Resolved.' });
    expect(await c.handoff()).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect(inThread(threadTs)).toEqual([
      'Liam O\u2019Connor has taken this conversation; only they can answer the customer now.',
      expect.stringMatching(/^:white_check_mark: \*Closed: resolved\.\* .*\n.*1 customer message · 1 agent message/),
    ]);
  });

  it('shows in the thread what an agent does in the console, and keeps Slack replies out of a hand-off taken there', async () => {
    const c = await customer();
    const { handoff } = await openHandoff(c);
    const threadTs = await threadOf(handoff.id);
    await main.desk.take({ handoffId: handoff.id, staffId: 5 });
    await main.desk.reply({ handoffId: handoff.id, staffId: 5, text: 'Checking your <order> now' });
    await main.handoffs.idle();
    await reply(main, { user: AISHA, threadTs, text: 'Let me help' });
    expect((await c.messages()).filter((m) => m.role === 'agent').map((m) => m.text)).toEqual(['Checking your <order> now']);
    await main.desk.release({ handoffId: handoff.id, staffId: 5, outcome: 'resolved' });
    await main.handoffs.idle();
    expect(inThread(threadTs)).toEqual([
      'Liam O\u2019Connor has taken this conversation; only they can answer the customer now.',
      '*Liam O\u2019Connor* (agent console):\n> Checking your &lt;order&gt; now',
      'Liam O\u2019Connor already has this conversation; your message was not sent to the customer.',
      expect.stringMatching(/^:white_check_mark: \*Closed: resolved\.\*/),
    ]);
  });
});
