import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkMessageText } from '../../core/activity.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { startFakeConnector, type FakeConnector } from '../adapters/teams/connector.js';
import { echoesOf, expectClientOutcome, expectHealthy, expectNoInternals, FUZZ_ENV, FUZZ_TIMEOUT_MS, headerValue, hostileJson, hostileText, readResponse } from './invariants.js';

/** Activities are refused above 64 KB, before they are parsed. */
const MAX_ACTIVITY_BYTES = 64 * 1024;
const BOT = { id: '28:counterpart-app', name: 'Counterpart' };
/** A Teams user registered as the demo shop's manager, so fuzzed messages reach the bot. */
const STAFF = { id: '29:fuzz-manager', aadObjectId: 'aad-fuzz-manager', name: 'Fuzz Manager' };
const MANAGER_ID = 2;
const run = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 45_000 });

/**
 * Hostile activities against the Teams messaging endpoint `POST /api/messages` (anonymous, as for
 * the Bot Framework Emulator) on the real server: any JSON, wrong types, missing fields, huge
 * text. Each is a 2xx or a 4xx, never a 5xx or internals, and a staff message is still answered.
 */
describe('Teams messaging endpoint under fuzzing', () => {
  let t: TestServer;
  let connector: FakeConnector;
  let url: string;
  let checks = 0;

  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestServer('sqlite', { ...FUZZ_ENV, TEAMS_ANONYMOUS: 'true' });
    url = `${t.server.url}/api/messages`;
    await t.server.store.db.insertInto('staff_identities')
      .values({ platform: 'teams', external_id: STAFF.aadObjectId, staff_user_id: MANAGER_ID, created_at: new Date().toISOString() }).execute();
  });
  afterAll(async () => {
    await t?.cleanup();
    await connector?.close();
  });
  afterEach(async () => {
    await expectHealthy(t.server.url);
    // A registered staff member's message still gets an answer through the connector.
    const conversation = `a:live-${++checks}`;
    const res = await post(JSON.stringify(message({ conversation, text: 'hello', id: `live-${checks}` })));
    expect(res.status).toBe(200);
    expect(connector.to(conversation).length).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST', body, signal: AbortSignal.timeout(15_000), headers: { 'content-type': 'application/json', ...headers },
    });
    return readResponse(response);
  }

  function message(options: { conversation: string; text: string; id: string }) {
    return {
      type: 'message', id: options.id, timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl: connector.url,
      from: STAFF, recipient: BOT, conversation: { id: options.conversation, conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } }, text: options.text,
    };
  }

  const junk = fc.jsonValue({ maxDepth: 2 });
  /** Mostly a plausible value, sometimes a value of any JSON type: most activities get past the first checks. */
  const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: junk });
  const account = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(STAFF, BOT, { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Stranger' }) },
    { weight: 2, arbitrary: fc.record({ id: mostly(fc.string({ maxLength: 500 })), name: mostly(fc.string({ maxLength: 20 })), aadObjectId: mostly(fc.string({ maxLength: 120 })), role: mostly(fc.constantFrom('user', 'bot', 'skill')) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: junk },
  );
  const mention = fc.record({
    type: fc.oneof(fc.constant('mention'), fc.string({ maxLength: 10 })),
    mentioned: fc.oneof(fc.constant({ id: BOT.id, name: BOT.name }), fc.record({ id: fc.oneof(fc.string({ maxLength: 10 }), junk) }, { requiredKeys: [] }), junk),
    text: fc.oneof(fc.constant('<at>Counterpart</at>'), fc.string({ maxLength: 30 }), junk),
  }, { requiredKeys: ['type'] });
  /** A Bot Framework activity with every field sometimes right, sometimes wrong, sometimes missing. */
  const activity = fc.record({
    type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('message', 'conversationUpdate', 'typing', 'messageReaction', 'invoke', 'event', 'endOfConversation', 'installationUpdate') }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 120 }), junk) }),
    id: mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 120 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }))),
    timestamp: mostly(fc.oneof(fc.constant(new Date().toISOString()), fc.string({ maxLength: 30 }))),
    localTimestamp: mostly(fc.string({ maxLength: 30 })),
    channelId: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('msteams', 'emulator') }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 120 }), junk) }),
    // Replies go to the fake connector; anything else must be refused before a turn, never fetched.
    serviceUrl: fc.oneof({ weight: 6, arbitrary: fc.constant('CONNECTOR') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('not a url', 'ftp://x', 'javascript:alert(1)', ''), junk) }),
    from: account, recipient: account,
    conversation: fc.oneof(
      { weight: 4, arbitrary: fc.record({
        id: mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }).map((s) => `a:${s}`), fc.string({ maxLength: 1100 }))),
        conversationType: mostly(fc.oneof(fc.constantFrom('personal', 'groupChat', 'channel'), fc.string({ maxLength: 10 }))),
        tenantId: mostly(fc.constant('tenant-1')),
        isGroup: mostly(fc.boolean()),
      }, { requiredKeys: ['id'] }) },
      { weight: 1, arbitrary: junk },
    ),
    text: fc.oneof({ weight: 4, arbitrary: hostileText({ maxLength: 5000 }) }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.integer({ min: 5000, max: 60_000 }).map((n) => 'x'.repeat(n)) }),
    textFormat: mostly(fc.constantFrom('plain', 'markdown', 'xml')),
    locale: mostly(fc.oneof(fc.constantFrom('en-GB', 'zh-CN', ''), fc.string({ maxLength: 20 }))),
    entities: mostly(fc.array(mostly(mention), { maxLength: 4 })),
    membersAdded: mostly(fc.array(account, { maxLength: 3 })),
    membersRemoved: mostly(fc.array(account, { maxLength: 2 })),
    attachments: mostly(fc.array(fc.record({ contentType: mostly(fc.string({ maxLength: 30 })), content: junk }, { requiredKeys: [] }), { maxLength: 2 })),
    channelData: mostly(fc.constant({ tenant: { id: 'tenant-1' } })),
    value: junk, replyToId: mostly(fc.string({ maxLength: 50 })), name: mostly(fc.string({ maxLength: 30 })),
    deliveryMode: mostly(fc.constantFrom('normal', 'expectReplies', 'notification', 'stream')),
    callerId: mostly(fc.string({ maxLength: 30 })), action: mostly(fc.constantFrom('add', 'remove')),
    relatesTo: junk, listenFor: junk, expiration: junk, importance: junk, summary: junk, suggestedActions: junk, topicName: junk, historyDisclosed: junk,
  }, { requiredKeys: ['type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation'] })
    .map((a) => ({ ...a, serviceUrl: a.serviceUrl === 'CONNECTOR' ? connector.url : a.serviceUrl }));

  it('answers random and malformed activities with a 2xx or a 4xx error body', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof({ weight: 4, arbitrary: activity }, { weight: 1, arbitrary: hostileJson() }), async (value) => {
      const raw = JSON.stringify(value) ?? 'null';
      const res = await post(raw);
      expectClientOutcome(res, { echoes: echoesOf(value) });
      if (raw.length > MAX_ACTIVITY_BYTES) expect(res.status).toBe(400);
    }), {
      ...run(120),
      // Once 500s: fields our schema lets through but the SDK's own schema refuses.
      examples: [{ replyToId: null }, { timestamp: 5 }, { conversation: { id: 'a:x', isGroup: 'yes' } }, { historyDisclosed: null }, { serviceUrl: 'http://!' }]
        .map((extra): [unknown] => [{ ...message({ conversation: 'a:example', text: 'hi', id: 'example' }), ...extra }]),
    });
  }, FUZZ_TIMEOUT_MS);

  const contentType = fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', ''), headerValue({ maxLength: 40 }));

  it('answers raw strings, wrong content types and oversized bodies with a 4xx (or a 2xx for a readable activity)', async () => {
    const rawBody = fc.oneof(
      hostileText({ maxLength: 3000 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).slice(0, -1)),
      fc.integer({ min: MAX_ACTIVITY_BYTES + 1, max: 4 * MAX_ACTIVITY_BYTES }).map((n) => JSON.stringify({ type: 'message', text: 'x'.repeat(n) })),
    );
    const encoding = fc.option(fc.oneof(fc.constantFrom('gzip', 'deflate', 'br', 'identity'), headerValue({ maxLength: 12 })), { nil: undefined });
    await fc.assert(fc.asyncProperty(rawBody, contentType, encoding, async (raw, type, contentEncoding) => {
      const res = await post(raw, { 'content-type': type, ...(contentEncoding ? { 'content-encoding': contentEncoding } : {}) });
      expectClientOutcome(res, { echoes: [raw] });
      if (Buffer.byteLength(raw) > MAX_ACTIVITY_BYTES) expect(res.status).toBeGreaterThanOrEqual(400);
    }), run(80));
  }, FUZZ_TIMEOUT_MS);

  it('answers well-formed staff messages with any unicode text, once per activity id', async () => {
    await fc.assert(fc.asyncProperty(hostileText({ maxLength: 4000 }), fc.nat(), fc.boolean(), async (text, n, repeat) => {
      const conversation = `a:fuzz-${n % 7}`;
      const before = connector.to(conversation).length;
      const activity = { ...message({ conversation, text, id: `fuzz-${n}` }) };
      const res = await post(JSON.stringify(activity));
      expectClientOutcome(res, { echoes: [text] });
      if (res.status !== 200) return;
      for (const reply of connector.to(conversation).slice(before)) expectNoInternals(reply.body.text ?? '', [text, text.trim()]);
      if (repeat && acceptedText(text)) {
        // A redelivery of a stored message (same activity id) is not answered twice. Empty and
        // refused texts are stored nowhere: their redelivery is answered again, which is harmless.
        const answered = connector.to(conversation).length;
        const again = await post(JSON.stringify(activity));
        expect(again.status).toBe(200);
        expect(connector.to(conversation).length).toBe(answered);
      }
    }), run(50));
  }, FUZZ_TIMEOUT_MS);
});

function acceptedText(text: string): boolean {
  try {
    checkMessageText(text);
    return true;
  } catch {
    return false;
  }
}
