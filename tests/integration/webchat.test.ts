import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { Activity } from '../../core/activity.js';
import { signCustomerToken } from '../../bot/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/store.js';

type Ack = { ok: true; activityId: string; duplicate: boolean } | { ok: false; error: { code: string; message: string } };
interface Session { conversationId: string; history: Activity[] }

describe.each(storeKinds())('web chat over socket.io on %s', (kind) => {
  let t: TestServer;
  const sockets: Socket[] = [];

  beforeAll(async () => { t = await startTestServer(kind); });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await t?.cleanup();
  });

  async function connect(auth: { token?: string; conversationId?: string }) {
    const socket = io(`${t.server.url}/chat`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const messages: Activity[] = [];
    socket.on('message', (a: Activity) => messages.push(a));
    const session = await new Promise<Session>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    const send = (payload: unknown) => new Promise<Ack>((resolve) => socket.emit('message', payload, resolve));
    const nextMessage = () => new Promise<Activity>((resolve) => socket.once('message', resolve));
    return { socket, session, messages, send, nextMessage };
  }

  const demoToken = () => signCustomerToken({ customerId: 1, secret: t.config.CUSTOMER_TOKEN_SECRET, now: new Date() });

  it('answers a signed-in customer, shows typing, and never processes a resend twice', async () => {
    const c = await connect({ token: demoToken() });
    expect(c.session.history).toEqual([]);
    const typing = new Promise((resolve) => c.socket.once('typing', resolve));
    const reply = c.nextMessage();
    const ack = await c.send({ text: 'show my recent orders', clientMessageId: 'm-1' });
    expect(ack).toMatchObject({ ok: true, duplicate: false });
    await typing;
    const activity = await reply;
    expect(activity.text).toMatch(/Your recent orders/);
    expect(activity.from.role).toBe('bot');

    const again = await c.send({ text: 'show my recent orders', clientMessageId: 'm-1' });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const rows = await t.server.store.db.selectFrom('messages').select('direction')
      .where('conversation_id', '=', c.session.conversationId).execute();
    expect(rows.filter((r) => r.direction === 'in')).toHaveLength(1);
  });

  it('offers recent orders as quick replies and answers the one picked', async () => {
    const c = await connect({ token: demoToken() });
    const question = c.nextMessage();
    await c.send({ text: 'where is my order?', clientMessageId: 'q-1' });
    const asked = await question;
    expect(asked.text).toMatch(/Which order do you mean/);
    const pick = asked.quickReplies?.[0];
    expect(pick?.value).toMatch(/#1\d{5}/);
    const answer = c.nextMessage();
    await c.send({ text: pick!.value, clientMessageId: 'q-2' });
    expect((await answer).text).toMatch(new RegExp(`Order ${pick!.value.replace(/^Order /, '')}`));
  });

  it('resumes the conversation with its history on reconnect', async () => {
    const first = await connect({ token: demoToken() });
    const reply = first.nextMessage();
    await first.send({ text: 'hello there', clientMessageId: 'h-1' });
    await reply;
    first.socket.disconnect();
    const second = await connect({ token: demoToken(), conversationId: first.session.conversationId });
    expect(second.session.conversationId).toBe(first.session.conversationId);
    expect(second.session.history.map((a) => a.from.role)).toEqual(['customer', 'bot']);
    expect(second.session.history[0]!.text).toBe('hello there');
  });

  it('refuses malformed events with an error acknowledgement and keeps serving', async () => {
    const c = await connect({});
    for (const bad of ['just a string', null, { text: 'hi' }, { text: 'hi', clientMessageId: 'x', extra: 1 }, { text: '', clientMessageId: 'e-1' }, { text: 'a'.repeat(5000), clientMessageId: 'e-2' }]) {
      const ack = await c.send(bad);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(ack.error.message.length).toBeGreaterThan(0);
    }
    const rows = await t.server.store.db.selectFrom('messages').select('id').where('conversation_id', '=', c.session.conversationId).execute();
    expect(rows).toHaveLength(0);
    const reply = c.nextMessage();
    expect(await c.send({ text: 'hi', clientMessageId: 'ok-1' })).toMatchObject({ ok: true });
    expect((await reply).text).toMatch(/Hello/);
  });

  it('rejects a forged token at the handshake', async () => {
    await expect(connect({ token: 'v1.1.9999999999.forged' })).rejects.toThrow(/invalid token/);
  });
});
