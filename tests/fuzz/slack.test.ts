import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { eventEnvelope, signedHeaders, startFakeSlack } from '../adapters/slack/fake-slack.js';
import { echoesOf, expectClientOutcome, expectErrorBody, expectHealthy, FUZZ_ENV, FUZZ_TIMEOUT_MS, headerValue, hostileJson, hostileText, readResponse } from './invariants.js';

const SECRET = 'fuzz-signing-secret-0123456789';
/** A Slack user registered as the demo shop's manager, so fuzzed events reach the bot. */
const STAFF_USER = 'U_FUZZ';
const MANAGER_ID = 2;
/** Slack's request bodies are refused above 1 MiB, before the signature is checked. */
const MAX_BODY_BYTES = 1024 * 1024;
const run = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 45_000 });

/**
 * Hostile input against `POST /slack/events` on the real server: requests without a valid, fresh
 * signature are 401 and touch nothing; validly signed junk (JSON events, slash-command forms,
 * button payloads) is a 2xx or a 4xx, never a 5xx; the channel keeps answering afterwards.
 */
describe('Slack events endpoint under fuzzing', () => {
  let t: TestServer;
  let slack: Awaited<ReturnType<typeof startFakeSlack>>;
  let url: string;
  let checks = 0;

  beforeAll(async () => {
    slack = await startFakeSlack();
    t = await startTestServer('sqlite', { ...FUZZ_ENV, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-fuzz', SLACK_API_URL: slack.apiUrl });
    url = `${t.server.url}/slack/events`;
    await t.server.store.db.insertInto('staff_identities')
      .values({ platform: 'slack', external_id: STAFF_USER, staff_user_id: MANAGER_ID, created_at: new Date().toISOString() }).execute();
  });
  afterAll(async () => {
    await t?.cleanup();
    await slack?.close();
  });
  afterEach(async () => {
    await expectHealthy(t.server.url);
    // A registered user's direct message is still answered in its thread.
    const channel = `D_LIVE_${++checks}`;
    const res = await post(eventEnvelope({ type: 'message', channel_type: 'im', user: STAFF_USER, channel, text: 'hello', ts: `1764000000.${String(checks).padStart(6, '0')}` }));
    expect(res.status).toBe(200);
    await expect.poll(() => slack.calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === channel), { timeout: 15_000 }).toBe(true);
  }, FUZZ_TIMEOUT_MS);

  async function post(body: string, options: { contentType?: string; headers?: Record<string, string>; signed?: boolean } = {}) {
    const response = await fetch(url, {
      method: 'POST', body, signal: AbortSignal.timeout(15_000),
      headers: {
        'content-type': options.contentType ?? 'application/json',
        ...(options.signed === false ? {} : signedHeaders(body, { secret: SECRET })),
        ...options.headers,
      },
    });
    return readResponse(response);
  }

  const contentType = fc.oneof(
    fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-8', 'multipart/form-data', ''),
    headerValue({ maxLength: 40 }),
  );
  const body = fc.oneof(hostileText({ maxLength: 2000 }), hostileJson().map((v) => JSON.stringify(v) ?? ''));
  const now = () => Math.floor(Date.now() / 1000);
  /** Headers that must not pass: missing, junk, the wrong secret, stale or future, or signing other bytes. */
  const badSignature = fc.oneof(
    fc.constant(() => ({})),
    fc.tuple(headerValue({ maxLength: 80 }), headerValue({ maxLength: 20 })).map(([signature, timestamp]) => () => ({ 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp })),
    fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s !== SECRET).map((secret) => (raw: string) => signedHeaders(raw, { secret })),
    fc.oneof(fc.integer({ min: 301, max: 10_000_000 }), fc.integer({ min: -10_000_000, max: -301 }))
      .map((skew) => (raw: string) => signedHeaders(raw, { secret: SECRET, timestamp: now() - skew })),
    fc.string({ minLength: 1, maxLength: 10 }).map((extra) => (raw: string) => signedHeaders(`${raw}${extra}`, { secret: SECRET })),
    fc.constantFrom('1.5', '', 'NaN', '1e3', '-0', '0x10', ' ').map((timestamp) => (raw: string) => ({ ...signedHeaders(raw, { secret: SECRET }), 'x-slack-request-timestamp': timestamp })),
    fc.constantFrom('v1=', 'v0=', '', 'V0=').map((prefix) => (raw: string) => {
      const headers = signedHeaders(raw, { secret: SECRET });
      return { ...headers, 'x-slack-signature': `${prefix}${headers['x-slack-signature']?.slice(3).toUpperCase() ?? ''}` };
    }),
  );

  it('refuses unsigned, badly signed and stale requests with 401 and touches nothing', async () => {
    const calls = slack.calls.length;
    const messages = async () => (await t.server.store.db.selectFrom('messages').select('id').execute()).length;
    const stored = await messages();
    await fc.assert(fc.asyncProperty(body, contentType, badSignature, async (raw, type, sign) => {
      const res = await post(raw, { contentType: type, signed: false, headers: sign(raw) });
      expectClientOutcome(res, { echoes: [raw] });
      expect(res.status, res.text.slice(0, 200)).toBe(401);
      expect((res.json as { error: { code: string } }).error.code).toBe('unauthorized');
    }), {
      ...run(120),
      // Once accepted: a signature with a timestamp far in the future (Bolt checks only staleness).
      examples: [['{"type":"event_callback"}', 'application/json', (raw: string) => signedHeaders(raw, { secret: SECRET, timestamp: now() + 86_400 })]],
    });
    expect(slack.calls.length).toBe(calls);
    expect(await messages()).toBe(stored);
  }, FUZZ_TIMEOUT_MS);

  const id = fc.oneof(fc.constantFrom(STAFF_USER, 'U_STRANGER', 'C1', 'D1', ''), fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }));
  const ts = fc.oneof(fc.tuple(fc.nat(), fc.nat({ max: 999_999 })).map(([s, us]) => `${s}.${String(us).padStart(6, '0')}`), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 }));
  const slackEvent = fc.record({
    type: fc.oneof(fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added', 'member_joined_channel'), fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 })),
    channel_type: fc.oneof(fc.constantFrom('im', 'channel', 'group', 'mpim'), fc.jsonValue({ maxDepth: 1 })),
    user: id, channel: id, ts, thread_ts: ts,
    text: fc.oneof(hostileText({ maxLength: 3000 }), fc.constantFrom('<@UBOT> hi', '<@UBOT>', "what's low in Leeds?", '<mailto:a@b.co|a@b.co> &amp; <#C1|general> <!here>'), fc.jsonValue({ maxDepth: 1 })),
    subtype: fc.oneof(fc.constantFrom('bot_message', 'message_changed', 'thread_broadcast'), fc.jsonValue({ maxDepth: 1 })),
    bot_id: fc.string({ maxLength: 8 }),
    blocks: fc.jsonValue({ maxDepth: 2 }),
  }, { requiredKeys: ['type'] });
  const envelope = fc.oneof(
    slackEvent.map((event) => JSON.parse(eventEnvelope(event as Record<string, unknown>)) as unknown),
    fc.record({
      type: fc.oneof(fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited', 'block_actions', 'view_submission', 'shortcut'), fc.string({ maxLength: 20 })),
      challenge: fc.oneof(fc.string({ maxLength: 100 }), fc.jsonValue({ maxDepth: 2 })),
      event: fc.oneof(slackEvent, fc.jsonValue({ maxDepth: 2 })),
      event_id: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 })),
      team_id: fc.oneof(fc.constant('T1'), fc.jsonValue({ maxDepth: 1 })),
      authorizations: fc.jsonValue({ maxDepth: 2 }),
      ssl_check: fc.oneof(fc.constant('1'), fc.jsonValue({ maxDepth: 1 })),
      token: fc.string({ maxLength: 20 }),
    }, { requiredKeys: [] }),
    hostileJson(),
  );

  it('answers validly signed random JSON (events, url_verification, junk) with a 2xx or 4xx', async () => {
    await fc.assert(fc.asyncProperty(envelope, async (value) => {
      const raw = JSON.stringify(value) ?? 'null';
      const res = await post(raw);
      expectClientOutcome(res, { echoes: echoesOf(value), errorBodyRequired: true });
      const parsed = value as { type?: unknown; challenge?: unknown; ssl_check?: unknown } | null;
      const isRecord = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
      if (!isRecord) expect(res.status).toBe(400);
      else if (parsed.type === 'url_verification' && !parsed.ssl_check && res.status === 200) {
        expect(res.json).toEqual({ challenge: String(parsed.challenge ?? '') });
      }
    }), {
      ...run(120),
      // Once 500s: Bolt dereferenced these before any listener ran.
      examples: [[{ event: 0 }], [{ event: null }], [{ type: 'event_callback', event: { type: 'message', channel: null } }], [{ type: 'view_submission', user: { id: 'U1' } }]],
    });
  }, FUZZ_TIMEOUT_MS);

  const formValue = fc.oneof(hostileText({ maxLength: 500 }), fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v) ?? ''));
  const slashCommand = fc.record({
    command: fc.oneof(fc.constantFrom('/counterpart', '/other', ''), fc.string({ maxLength: 20 })),
    text: fc.oneof(hostileText({ maxLength: 2000 }), fc.constantFrom("what's low in Leeds?", 'help', '')),
    user_id: fc.oneof(fc.constantFrom(STAFF_USER, 'U_STRANGER'), fc.string({ maxLength: 12 })),
    channel_id: fc.oneof(fc.constant('C_FUZZ'), fc.string({ maxLength: 12 })),
    trigger_id: fc.oneof(fc.constant('1.2.3'), fc.string({ maxLength: 30 })),
    // Answers go through response_url: the fake's, or addresses that fail at once.
    response_url: fc.oneof(fc.nat().map((n) => `RESPOND:${n}`), fc.constantFrom('not a url', 'http://127.0.0.1:1/', '', 'file:///etc/passwd')),
    team_id: fc.constant('T1'),
    api_app_id: fc.oneof(fc.constant('A1'), fc.string({ maxLength: 5 })),
    payload: formValue,
  }, { requiredKeys: ['command'] });
  const buttonPayload = fc.record({
    type: fc.oneof(fc.constantFrom('block_actions', 'view_submission', 'message_action'), fc.string({ maxLength: 10 })),
    user: fc.oneof(fc.record({ id: id }), fc.jsonValue({ maxDepth: 1 })),
    channel: fc.oneof(fc.record({ id: id }), fc.jsonValue({ maxDepth: 1 })),
    actions: fc.oneof(fc.array(fc.record({
      action_id: fc.oneof(fc.nat({ max: 5 }).map((n) => `quick_reply_${n}`), fc.string({ maxLength: 15 })),
      value: fc.oneof(hostileText({ maxLength: 300 }), fc.jsonValue({ maxDepth: 1 })),
      action_ts: ts, type: fc.constantFrom('button', 'static_select'), block_id: fc.string({ maxLength: 5 }),
    }, { requiredKeys: ['action_id'] }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 2 })),
    message: fc.oneof(fc.record({ ts, thread_ts: ts }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 1 })),
    team: fc.oneof(fc.record({ id: fc.constant('T1') }), fc.jsonValue({ maxDepth: 1 })),
    response_url: fc.constantFrom('not a url', 'http://127.0.0.1:1/'),
  }, { requiredKeys: [] });
  const form = fc.oneof(
    slashCommand.map((fields) => ({ ...fields, response_url: fields.response_url?.startsWith('RESPOND:') ? slack.respondUrl(fields.response_url.slice(8)) : fields.response_url })),
    buttonPayload.map((payload) => ({ payload: JSON.stringify(payload) })),
    fc.dictionary(fc.string({ maxLength: 10 }), formValue, { maxKeys: 5 }),
  );

  it('answers validly signed random forms (slash commands, button payloads) with a 2xx or 4xx', async () => {
    await fc.assert(fc.asyncProperty(form, fc.boolean(), async (fields, retry) => {
      const raw = new URLSearchParams(fields as Record<string, string>).toString();
      const res = await post(raw, { contentType: 'application/x-www-form-urlencoded', headers: retry ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {} });
      expectClientOutcome(res, { echoes: echoesOf(fields), errorBodyRequired: true });
    }), { ...run(100), examples: [[{ payload: '{"actions":[]}' }, false], [{ payload: '{"type":"block_actions","actions":[{}],"user":null}' }, false]] });
  }, FUZZ_TIMEOUT_MS);

  it('answers validly signed requests with junk retry headers and content types with a 2xx or 4xx', async () => {
    const retryHeaders = fc.dictionary(fc.constantFrom('x-slack-retry-num', 'x-slack-retry-reason', 'content-encoding', 'x-forwarded-for'), headerValue({ maxLength: 30 }), { maxKeys: 3 });
    await fc.assert(fc.asyncProperty(envelope, contentType, retryHeaders, async (value, type, headers) => {
      const raw = JSON.stringify(value) ?? '';
      const res = await post(raw, { contentType: type, headers });
      expectClientOutcome(res, { echoes: [...echoesOf(value), ...Object.values(headers)] });
    }), run(60));
  }, FUZZ_TIMEOUT_MS);

  it('refuses bodies over 1 MiB with a 4xx before reading them in full', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: MAX_BODY_BYTES + 1, max: 3 * MAX_BODY_BYTES }), fc.boolean(), async (size, signed) => {
      const raw = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(size) });
      const res = await post(raw, { signed });
      expect([400, 413], res.text.slice(0, 200)).toContain(res.status);
      expectErrorBody(res.json, res.text);
    }), run(6));
  }, FUZZ_TIMEOUT_MS);
});

