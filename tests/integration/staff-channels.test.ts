import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStaffToken } from '../../bot/index.js';
import { startFakeConnector, type FakeConnector } from '../adapters/teams/connector.js';
import { eventEnvelope, signedHeaders, startFakeSlack } from '../adapters/slack/fake-slack.js';
import { api, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

const SIGNING_SECRET = 'test-signing-secret-0123456789';
const ALERTS = 'C_ALERTS';
const QUESTION = "what's low in Leeds?";
/** The demo shop's manager (Tom Barker), as known to Teams (Entra object id) and Slack. */
const STAFF_ID = 2;
const TEAMS_USER = { id: '29:tom', aadObjectId: '7f2c1e0a-0000-4000-8000-000000000002', name: 'Tom Barker' };
const SLACK_USER = 'U_TOM';

/** Rows of the drawn or written tables, as the SKU cells in order. */
const skus = (text: string) => [...text.matchAll(/(?<![A-Z])[A-Z]{3}-\d{4}\b/g)].map((m) => m[0]);

/**
 * Teams, Slack and REST wired by the real server to one bot: the same staff question gets the same
 * answer on each, and a proactive notice reaches the stored Teams conversation and the Slack channel.
 */
describe.each(storeKinds())('staff channels on %s', (kind) => {
  let t: TestServer;
  let connector: FakeConnector;
  let slack: Awaited<ReturnType<typeof startFakeSlack>>;

  beforeAll(async () => {
    [connector, slack] = await Promise.all([startFakeConnector(), startFakeSlack()]);
    t = await startTestServer(kind, {
      TEAMS_ANONYMOUS: 'true', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.apiUrl, SLACK_ALERT_CHANNEL: ALERTS,
    });
    const at = new Date().toISOString();
    await t.server.store.db.insertInto('staff_identities').values([
      { platform: 'teams', external_id: TEAMS_USER.aadObjectId, staff_user_id: STAFF_ID, created_at: at },
      { platform: 'slack', external_id: SLACK_USER, staff_user_id: STAFF_ID, created_at: at },
    ]).execute();
  });
  afterAll(async () => {
    await t?.cleanup();
    await Promise.all([connector?.close(), slack?.close()]);
  });

  async function askRest(): Promise<string> {
    const headers = { authorization: `Bearer ${signStaffToken({ staffId: STAFF_ID, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() })}` };
    const id = (await api(t.server.url, '/conversations', { body: {}, headers })).json.id as string;
    const res = await api(t.server.url, `/conversations/${id}/messages`, { body: { text: QUESTION }, headers });
    return (res.json.replies as Array<{ text: string }>).map((r) => r.text).join('\n');
  }

  async function askTeams(): Promise<{ text: string; card?: Record<string, unknown> }> {
    const activity = {
      type: 'message', id: `msg-${kind}-1`, timestamp: new Date().toISOString(), channelId: 'msteams', serviceUrl: connector.url,
      from: TEAMS_USER, recipient: { id: '28:bot', name: 'Counterpart' },
      conversation: { id: `a:tom-${kind}`, conversationType: 'personal', tenantId: 'tenant-1' }, text: QUESTION,
    };
    const res = await fetch(`${t.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    // The reply to this activity: background alerts may reach the same stored conversation too.
    const reply = connector.to(`a:tom-${kind}`).find((r) => r.replyToId === activity.id);
    const card = reply?.body.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    return { text: reply?.body.text ?? '', ...(card ? { card } : {}) };
  }

  async function askSlack(): Promise<{ text: string; blocks: unknown }> {
    const body = eventEnvelope({ type: 'message', channel_type: 'im', channel: `D_TOM_${kind}`, user: SLACK_USER, text: QUESTION, ts: '1764000000.000100' });
    const res = await fetch(`${t.server.url}/slack/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(body, { secret: SIGNING_SECRET }) }, body,
    });
    expect(res.status).toBe(200);
    await expect.poll(() => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === `D_TOM_${kind}`).length, { timeout: 10_000 }).toBe(1);
    const post = slack.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === `D_TOM_${kind}`);
    return { text: String(post?.args.text ?? ''), blocks: post?.args.blocks };
  }

  it('gives the same low-stock answer in Teams (a card), Slack (blocks, in the thread) and REST', async () => {
    const rest = await askRest();
    const teams = await askTeams();
    const slackReply = await askSlack();
    expect(rest).toMatch(/below reorder point in LDS/);
    expect(teams.text).toBe(rest);
    expect(slackReply.text).toBe(rest);
    // The card carries the text as its fallback too, so each SKU shows up there and in the table.
    expect([...new Set(skus(JSON.stringify(teams.card)))]).toEqual(skus(rest));
    expect(JSON.stringify(teams.card)).toContain('"type":"Table"');
    expect([...new Set(skus(JSON.stringify(slackReply.blocks)))]).toEqual(skus(rest));
  });

  it('refuses an unsigned Slack request before any processing', async () => {
    const before = slack.calls.length;
    const body = eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D_X', user: SLACK_USER, text: QUESTION, ts: '1764000000.000200' });
    const res = await fetch(`${t.server.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(401);
    expect(slack.calls.length).toBe(before);
  });

  it('sends a proactive notice to the stored Teams conversation and the Slack alert channel', async () => {
    const delivered = await Promise.all(t.server.notifiers.map((n) => n.notify({ text: 'Alert: 3 orders are past their promised date.' })));
    expect(t.server.notifiers.map((n) => n.channel).sort()).toEqual(['slack', 'teams']);
    expect(delivered.every((n) => n >= 1)).toBe(true);
    expect(connector.to(`a:tom-${kind}`).some((r) => r.body.text === 'Alert: 3 orders are past their promised date.')).toBe(true);
    expect(slack.calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === ALERTS && /past their promised date/.test(String(c.args.text)))).toBe(true);
  });
});
