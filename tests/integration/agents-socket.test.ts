import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Activity } from '../../core/activity.js';
import type { QueueEntry } from '../../bot/handoff.js';
import { signCustomerToken, signStaffToken } from '../../bot/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

type Ack = { ok: true; [key: string]: any } | { ok: false; error: { code: string; message: string } };

/** Seeded staff: 4 Aisha Khan and 5 Liam O'Connor are agents, 6 Grace Liu runs inventory. */
const AISHA = 4;
const GRACE = 6;

describe.each(storeKinds())('agent console over socket.io on %s', (kind) => {
  let t: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => { t = await startTestServer(kind); });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t?.cleanup();
  });

  const staffToken = (staffId: number) => signStaffToken({ staffId, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() });
  const customerToken = () => signCustomerToken({ customerId: 1, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() });

  function socketTo(namespace: string, auth: Record<string, string>): Socket {
    const socket = io(`${t.server.url}${namespace}`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    return socket;
  }

  async function agent(staffId: number) {
    const socket = socketTo('/agents', { token: staffToken(staffId) });
    const queues: QueueEntry[][] = [];
    const live: { handoffId: number; activity: Activity }[] = [];
    socket.on('queue', (q: QueueEntry[]) => queues.push(q));
    socket.on('handoff_message', (m: { handoffId: number; activity: Activity }) => live.push(m));
    const me = await new Promise<{ id: number; name: string; role: string }>((resolve, reject) => {
      socket.once('agent', resolve);
      socket.once('connect_error', reject);
    });
    const call = (event: string, payload: unknown) => new Promise<Ack>((resolve) => socket.emit(event, payload, resolve));
    return { socket, me, queues, live, call };
  }

  async function customer() {
    const socket = socketTo('/chat', { token: customerToken() });
    const messages: Activity[] = [];
    socket.on('message', (a: Activity) => messages.push(a));
    const session = await new Promise<{ conversationId: string }>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    let n = 0;
    const send = (text: string) => new Promise<Ack>((resolve) => socket.emit('message', { text, clientMessageId: `c-${++n}` }, resolve));
    return { socket, session, messages, send };
  }

  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!check()) throw new Error(`timed out waiting for ${what}`);
  };

  it('refuses anyone but agents, managers and admins at the handshake', async () => {
    const refused = async (auth: Record<string, string>) => new Promise<string>((resolve, reject) => {
      const socket = socketTo('/agents', auth);
      socket.once('connect_error', (error: Error) => resolve(error.message));
      socket.once('agent', () => reject(new Error('connected')));
    });
    expect(await refused({})).toMatch(/staff token is required/);
    expect(await refused({ token: 's1.4.9999999999.forged' })).toMatch(/invalid token/);
    expect(await refused({ token: customerToken() })).toMatch(/staff token is required/);
    expect(await refused({ token: staffToken(GRACE) })).toMatch(/only agents, managers and admins/);
    const a = await agent(AISHA);
    expect(a.me).toEqual({ id: AISHA, name: 'Aisha Khan', role: 'agent' });
  });

  it('puts a customer through to an agent and back to the bot', async () => {
    const a = await agent(AISHA);
    const c = await customer();
    expect(await c.send('I want to talk to a person')).toMatchObject({ ok: true });
    await until(() => c.messages.length === 1, 'the connecting message');
    expect(c.messages[0]!.text).toMatch(/^I'm connecting you with a colleague/);
    await until(() => (a.queues.at(-1) ?? []).some((q) => q.conversationId === c.session.conversationId), 'the queue entry');
    const entry = a.queues.at(-1)!.find((q) => q.conversationId === c.session.conversationId)!;
    expect(entry).toMatchObject({ status: 'queued', reason: 'customer_asked', customerName: 'Dana Demo' });

    expect(await c.send('is anyone there?')).toMatchObject({ ok: true });
    await until(() => a.live.some((m) => m.activity.text === 'is anyone there?'), 'the live customer message');
    expect(a.live.at(-1)).toMatchObject({ handoffId: entry.id, activity: { from: { role: 'customer' } } });

    const taken = await a.call('take', { handoffId: entry.id });
    expect(taken).toMatchObject({ ok: true });
    if (taken.ok) expect(taken.history.map((h: Activity) => h.text)).toContain('is anyone there?');
    for (const bad of [{ handoffId: entry.id }, { handoffId: entry.id, text: 'x'.repeat(5000) }, { handoffId: 'one', text: 'hi' }, { handoffId: entry.id, text: 'hi', extra: 1 }]) {
      expect(await a.call('reply', bad)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/invalid_input|payload_too_large/) } });
    }
    const replied = await a.call('reply', { handoffId: entry.id, text: 'Hi Dana, Aisha here.' });
    expect(replied).toMatchObject({ ok: true, activity: { from: { role: 'agent', name: 'Aisha Khan' } } });
    await until(() => c.messages.some((m) => m.from.role === 'agent'), "the agent's reply in the chat");
    expect(c.messages.filter((m) => m.from.role === 'bot')).toHaveLength(1);

    expect(await a.call('release', { handoffId: entry.id, outcome: 'finished' })).toMatchObject({ ok: false });
    const released = await a.call('release', { handoffId: entry.id, outcome: 'resolved' });
    expect(released).toMatchObject({ ok: true, summary: { reason: 'customer_asked', agentMessages: 1, lastCustomerMessage: 'is anyone there?' } });
    await until(() => c.messages.some((m) => /^You're back with the assistant/.test(m.text ?? '')), 'the back-with-the-assistant message');
    await until(() => !(a.queues.at(-1) ?? []).some((q) => q.id === entry.id), 'the queue without the hand-off');

    const count = c.messages.length;
    await c.send('show my recent orders');
    await until(() => c.messages.length > count, 'the bot answer after the release');
    expect(c.messages.at(-1)).toMatchObject({ from: { role: 'bot' }, text: expect.stringMatching(/recent orders/) });
  });
});
