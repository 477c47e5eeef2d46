import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/activity.js';
import { silentLogger } from '../../core/logger.js';
import type { NluEngine, ParseResult } from '../../core/nlu.js';
import { Bot, createCustomerTools, DEFAULT_IDENTITY_LIMITS } from '../../bot/index.js';
import { HandoffDesk, HandoffSummarySchema } from '../../bot/handoff.js';
import { HandoffEvents, type HandoffEvent } from '../../bot/handoff-events.js';
import { parseState } from '../../bot/state.js';
import { insertMiniShop, type MiniShop } from '../fixtures/mini-shop.js';
import { openTestStore, storeKinds, type TestStore } from '../helpers/store.js';

const START = Date.parse('2026-11-25T15:00:00.000Z');
const HAN = /\p{Script=Han}/u;

/** Intents chosen by the test, so each turn's confidence is exactly what the case needs. */
const RULES: [RegExp, string, number][] = [
  [/person|human|人工/i, 'human_handoff', 0.93],
  [/^(hello|hi)\b|你好/i, 'greet', 0.95],
  [/recent orders|最近的订单/i, 'list_orders', 0.95],
  [/thanks/i, 'thanks', 0.95],
];
const scriptedNlu: NluEngine = {
  async parse(texts) {
    return texts.map((text): ParseResult => {
      const rule = RULES.find(([pattern]) => pattern.test(text));
      return {
        text, language: HAN.test(text) ? 'zh' : 'en', entities: [],
        intents: [{ name: rule?.[1] ?? 'out_of_scope', confidence: rule?.[2] ?? 0.2 }],
      };
    });
  },
};

describe.each(storeKinds())('hand-off to a human agent on %s', (kind) => {
  let store: TestStore;
  let shop: MiniShop;
  let bot: Bot;
  let desk: HandoffDesk;
  let events: HandoffEvent[];
  let now: number;

  beforeEach(async () => {
    store = await openTestStore(kind);
    now = START;
    shop = await insertMiniShop(store.db, new Date(START));
    const at = new Date(START).toISOString();
    await store.db.insertInto('staff_users').values([
      { id: 4, email: 'aisha@example.test', name: 'Aisha Khan', role: 'agent', created_at: at },
      { id: 5, email: 'liam@example.test', name: 'Liam O\u2019Connor', role: 'agent', created_at: at },
      { id: 6, email: 'grace@example.test', name: 'Grace Liu', role: 'inventory', created_at: at },
    ]).execute();
    // Every reading of the clock is a second later, so requested < accepted < closed.
    const clock = { now: () => new Date((now += 1000)) };
    const hub = new HandoffEvents();
    events = [];
    hub.subscribe((event) => events.push(event));
    bot = new Bot({ db: store.db, nlu: scriptedNlu, tools: createCustomerTools(), clock, limits: DEFAULT_IDENTITY_LIMITS, logger: silentLogger, handoffEvents: hub });
    desk = new HandoffDesk({ db: store.db, clock, events: hub });
  });
  afterEach(async () => { await store?.cleanup(); });

  async function conversation() {
    const principal: Principal = { kind: 'customer', customerId: shop.customers.ann.id };
    const { id } = await bot.startConversation({ channel: 'webchat', principal });
    let n = 0;
    const say = (text: string) => bot.handleMessage({ conversationId: id, channel: 'webchat', text, principal, clientMessageId: `m-${++n}` });
    const messages = () => store.db.selectFrom('messages').selectAll().where('conversation_id', '=', id).orderBy('id').execute();
    const handoffs = () => store.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', id).orderBy('id').execute();
    return { id, principal, say, messages, handoffs };
  }

  it('stays silent while an agent talks to the customer, then answers again after the release', async () => {
    const c = await conversation();
    const asked = await c.say('I want to talk to a person');
    expect(asked.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^I'm connecting you with a colleague/)]);
    const [handoff] = await c.handoffs();
    expect(handoff).toMatchObject({ status: 'queued', reason: 'customer_asked', agent_staff_id: null });
    expect(events).toEqual([{ type: 'opened', handoffId: handoff!.id, conversationId: c.id, reason: 'customer_asked' }]);
    expect((await desk.queue()).map((q) => [q.id, q.status, q.customerName, q.lastCustomerMessage])).toEqual([
      [handoff!.id, 'queued', shop.customers.ann.name, 'I want to talk to a person'],
    ]);

    // Waiting for an agent: stored, passed to the agents, not answered, no tool run.
    const waiting = await c.say('show my recent orders');
    expect(waiting.replies).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'customer_message', handoffId: handoff!.id, activity: { text: 'show my recent orders', from: { role: 'customer' } } });

    await desk.take({ handoffId: handoff!.id, staffId: 4 });
    const agentSaid = await desk.reply({ handoffId: handoff!.id, staffId: 4, text: 'Hi, Aisha here. How can I help?' });
    expect(agentSaid.from).toEqual({ id: 'staff:4', role: 'agent', name: 'Aisha Khan' });
    expect(events.at(-1)).toMatchObject({ type: 'agent_message', conversationId: c.id, activity: { id: agentSaid.id } });
    const during = await c.say('my parcel is late, thanks');
    expect(during.replies).toEqual([]);
    expect((await c.say('x')).replies).toEqual([]);
    // A resend of a message from the silent window gets nothing again, not a bot answer.
    const resend = await bot.handleMessage({ conversationId: c.id, channel: 'webchat', text: 'my parcel is late, thanks', clientMessageId: 'm-3', principal: c.principal });
    expect(resend).toMatchObject({ duplicate: true, replies: [] });

    const released = await desk.release({ handoffId: handoff!.id, staffId: 4, outcome: 'resolved' });
    expect(released.activity).toMatchObject({ from: { role: 'bot' }, text: expect.stringMatching(/^You're back with the assistant/) });
    expect(events.at(-1)).toMatchObject({ type: 'closed', outcome: 'resolved', activity: { id: released.activity.id } });

    const after = await c.say('hello');
    expect(after.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^Hello!/)]);

    const rows = await c.messages();
    const connecting = rows.findIndex((r) => r.text.startsWith("I'm connecting you"));
    const back = rows.findIndex((r) => r.text.startsWith("You're back"));
    const window = rows.slice(connecting + 1, back);
    expect(window.map((r) => [r.role, r.text])).toEqual([
      ['customer', 'show my recent orders'],
      ['agent', 'Hi, Aisha here. How can I help?'],
      ['customer', 'my parcel is late, thanks'],
      ['customer', 'x'],
    ]);
    expect(window.find((r) => r.role === 'agent')).toMatchObject({ direction: 'out', user_id: 'staff:4', channel: 'webchat' });
    expect(rows.at(-1)).toMatchObject({ role: 'bot', direction: 'out' });
    const audited = await store.db.selectFrom('audit_log').select('tool').where('conversation_id', '=', c.id).execute();
    expect(audited).toEqual([]);
    expect(parseState((await bot.openConversation({ conversationId: c.id })).state).pending).toBeUndefined();

    const [closed] = await c.handoffs();
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', agent_staff_id: 4 });
    expect(Date.parse(closed!.requested_at)).toBeLessThan(Date.parse(closed!.accepted_at!));
    expect(Date.parse(closed!.accepted_at!)).toBeLessThan(Date.parse(closed!.closed_at!));
    const summary = HandoffSummarySchema.parse(JSON.parse(closed!.summary!));
    expect(summary).toEqual({
      reason: 'customer_asked', waitSeconds: expect.any(Number), customerMessages: 4, agentMessages: 1, lastCustomerMessage: 'x',
    });
    expect(summary.waitSeconds).toBeGreaterThan(0);
    expect(await desk.queue()).toEqual([]);
  });

  it('hands over after two turns in a row the bot does not understand, and not after one', async () => {
    const c = await conversation();
    expect((await c.say('blorp')).replies[0]?.text).toMatch(/didn't quite get that/);
    expect((await c.say('hello')).replies[0]?.text).toMatch(/^Hello/);
    expect((await c.say('zzzt')).replies[0]?.text).toMatch(/didn't quite get that/);
    expect(await c.handoffs()).toEqual([]);
    expect(parseState((await bot.openConversation({ conversationId: c.id })).state).lowConfidenceTurns).toBe(1);
    const second = await c.say('qwfp');
    expect(second.replies.map((r) => r.text)).toEqual([expect.stringMatching(/^I'm connecting you with a colleague/)]);
    expect(await c.handoffs()).toMatchObject([{ status: 'queued', reason: 'low_confidence' }]);
    expect((await c.say('hello?')).replies).toEqual([]);
  });

  it('lets only one of two agents take a hand-off, and only agents work hand-offs', async () => {
    const c = await conversation();
    await c.say('I want to talk to a person');
    const [handoff] = await c.handoffs();
    const handoffId = handoff!.id;
    await expect(desk.take({ handoffId, staffId: 6 })).rejects.toMatchObject({ code: 'forbidden' });
    const results = await Promise.allSettled([desk.take({ handoffId, staffId: 4 }), desk.take({ handoffId, staffId: 5 })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason).toMatchObject({ code: 'handoff_taken' });
    const [taken] = await c.handoffs();
    const winner = taken!.agent_staff_id!;
    const loser = winner === 4 ? 5 : 4;
    expect(taken).toMatchObject({ status: 'active' });
    await expect(desk.reply({ handoffId, staffId: loser, text: 'me too' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.release({ handoffId, staffId: loser, outcome: 'resolved' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.reply({ handoffId, staffId: winner, text: ' ' })).rejects.toMatchObject({ code: 'invalid_input' });
    await desk.release({ handoffId, staffId: winner, outcome: 'returned_to_bot' });
    await expect(desk.release({ handoffId, staffId: winner, outcome: 'resolved' })).rejects.toMatchObject({ code: 'handoff_closed' });
    await expect(desk.take({ handoffId, staffId: loser })).rejects.toMatchObject({ code: 'handoff_closed' });
    expect(await c.handoffs()).toMatchObject([{ status: 'closed', outcome: 'returned_to_bot' }]);
  });

  it("says it connects and that the assistant is back in the customer's language", async () => {
    const c = await conversation();
    const asked = await c.say('我想找人工客服');
    expect(asked.replies[0]?.text).toMatch(/转接人工客服/);
    const [handoff] = await c.handoffs();
    await desk.take({ handoffId: handoff!.id, staffId: 4 });
    const history = await desk.history({ handoffId: handoff!.id, staffId: 4 });
    expect(history.map((a) => a.from.role)).toEqual(['customer', 'bot']);
    const released = await desk.release({ handoffId: handoff!.id, staffId: 4, outcome: 'resolved' });
    expect(released.activity.text).toMatch(/您已回到智能助手/);
    expect((await c.say('你好')).replies[0]?.text).toMatch(HAN);
  });
});
