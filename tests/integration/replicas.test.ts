import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import { signStaffToken } from '../../bot/index.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { DEMO_STAFF_ID } from '../../store/seed/index.js';
import { connectChat, type ChatClient } from '../helpers/chat-client.js';
import { startWorkerProcess, type ReplicaProcess } from '../helpers/replica-process.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { redisUrlForTests } from '../jobs/redis.js';

const redisUrl = redisUrlForTests();
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl && process.env.CI !== 'true') console.warn('[tests] DATABASE_URL is unset: the two-replica suite is skipped');
if (!databaseUrl && process.env.CI === 'true') throw new Error('CI=true but DATABASE_URL is unset: the two-replica suite must run in CI');

/** Two replicas of the real server on one PostgreSQL schema and one Redis, as `npm run cluster` runs them. */
describe.skipIf(!redisUrl || !databaseUrl)('two replicas on PostgreSQL and Redis', () => {
  let a: TestServer;
  let b: RunningServer;
  let worker: ReplicaProcess | undefined;
  const clients: ChatClient[] = [];
  const replica = (name: 'a' | 'b') => (name === 'a' ? a.server.url : b.url);
  const chat = async (name: 'a' | 'b', auth: { conversationId?: string } = {}) => {
    const client = await connectChat(replica(name), auth);
    clients.push(client);
    return client;
  };
  const metric = async (url: string, name: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return Number(line?.split(' ')[1] ?? NaN);
  };

  beforeAll(async () => {
    // As `npm run cluster` runs them: background jobs only in the worker process.
    a = await startTestServer('postgres', { REDIS_URL: redisUrl!, JOBS_IN_SERVER: 'false' });
    b = await startServer({ config: { ...a.config, SEED_ON_START: false } });
    worker = await startWorkerProcess(a.config);
  }, 240_000);
  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    clients.forEach((c) => c.close());
    await b?.close();
    await a?.cleanup();
  });

  async function paidOrder(offset: number) {
    const row = await a.server.store.db.selectFrom('orders').innerJoin('customers', 'customers.id', 'orders.customer_id')
      .select(['orders.id', 'customers.email']).where('orders.status', '=', 'paid').where('orders.customer_id', '!=', 1)
      .orderBy('orders.id').offset(offset).limit(1).executeTakeFirstOrThrow();
    return row;
  }

  async function say(client: ChatClient, text: string, id: string): Promise<string> {
    const ack = await client.send(text, id);
    if (!ack.ok) throw new Error(`not accepted: ${ack.error.code}`);
    await client.replyTo(ack.activityId);
    // A turn's replies are emitted back to back; give the rest a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return client.received.filter((m) => m.replyToId === ack.activityId).map((m) => m.text).join('\n');
  }

  it('a customer who reconnects to the other replica carries on mid-slot-filling', async () => {
    const order = await paidOrder(0);
    const first = await chat('a');
    expect(await say(first, 'please cancel my order', 'slot-1')).toMatch(/order number/i);
    first.close();

    const second = await chat('b', { conversationId: first.conversationId });
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.history.map((m) => m.text)).toContain('please cancel my order');
    // Identified, the bot resumes the cancellation and asks for the confirmation.
    expect(await say(second, `${order.id}, ${order.email}`, 'slot-2')).toMatch(new RegExp(`verified[^]*Cancel order #${order.id}`));
    second.close();

    // The confirmation the bot is waiting for arrives at the first replica.
    const third = await chat('a', { conversationId: first.conversationId });
    expect(await say(third, 'no', 'slot-3')).toMatch(/haven't changed anything/);
    const stored = await a.server.store.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('paid');
  });

  it('runs concurrent messages of one conversation through both replicas one at a time, each answered once, on every tab', async () => {
    const onA = await chat('a');
    const onB = await chat('b', { conversationId: onA.conversationId });
    const conflictsBefore = (await metric(a.server.url, 'counterpart_turn_conflicts_total')) + (await metric(b.url, 'counterpart_turn_conflicts_total'));
    const texts = ['what is your return policy', 'do you ship abroad', 'how long does delivery take', 'can I pay by card', 'hello'];
    const acks = await Promise.all(texts.flatMap((text, i) => [
      onA.send(text, `c-a-${i}`),
      onB.send(text, `c-b-${i}`),
    ]));
    expect(acks.every((ack) => ack.ok && !ack.duplicate)).toBe(true);
    const ids = acks.map((ack) => (ack.ok ? ack.activityId : ''));
    // Both tabs see every reply, whichever replica ran the turn (the Redis adapter).
    await Promise.all(ids.flatMap((id) => [onA.replyTo(id), onB.replyTo(id)]));

    const rows = await a.server.store.db.selectFrom('messages').select(['activity_id', 'direction', 'reply_to_id', 'created_at'])
      .where('conversation_id', '=', onA.conversationId).orderBy('created_at').orderBy('id').execute();
    const inbound = rows.filter((r) => r.direction === 'in');
    expect(inbound).toHaveLength(10);
    for (const message of inbound) expect(rows.filter((r) => r.reply_to_id === message.activity_id).length).toBeGreaterThan(0);
    // One at a time: each turn's rows are contiguous (its inbound, then its replies), and the
    // conversation's version moved once per turn, with no turn run twice after a conflict.
    let current = '';
    for (const row of rows) {
      if (row.direction === 'in') current = row.activity_id;
      else expect(row.reply_to_id).toBe(current);
    }
    const conversation = await a.server.store.db.selectFrom('conversations').select('version').where('id', '=', onA.conversationId).executeTakeFirstOrThrow();
    expect(conversation.version).toBe(10);
    const conflictsAfter = (await metric(a.server.url, 'counterpart_turn_conflicts_total')) + (await metric(b.url, 'counterpart_turn_conflicts_total'));
    expect(conflictsAfter - conflictsBefore).toBe(0);
  });

  it('answers a message id sent to both replicas at once exactly once', async () => {
    const onA = await chat('a');
    const onB = await chat('b', { conversationId: onA.conversationId });
    const acks = await Promise.all([onA.send('what is your return policy', 'same-id'), onB.send('what is your return policy', 'same-id')]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(acks.filter((ack) => ack.ok && ack.duplicate)).toHaveLength(1);
    expect(new Set(acks.map((ack) => (ack.ok ? ack.activityId : '')))).toHaveProperty('size', 1);
    const rows = await a.server.store.db.selectFrom('messages').select(['direction'])
      .where('conversation_id', '=', onA.conversationId).execute();
    expect(rows.filter((r) => r.direction === 'in')).toHaveLength(1);
    expect(rows.filter((r) => r.direction === 'out').length).toBeGreaterThan(0);
    const replies = rows.filter((r) => r.direction === 'out').length;
    // A third copy later (a retry after a reconnect) gets the same answer and runs nothing.
    const again = await onB.send('what is your return policy', 'same-id');
    expect(again).toMatchObject({ ok: true, duplicate: true });
    const after = await a.server.store.db.selectFrom('messages').select(['direction']).where('conversation_id', '=', onA.conversationId).execute();
    expect(after.filter((r) => r.direction === 'out')).toHaveLength(replies);
  });
  it('streams what the worker process does (a background sentiment score) to a monitor on any replica', async () => {
    const token = signStaffToken({ staffId: DEMO_STAFF_ID, secret: a.config.CUSTOMER_TOKEN_SECRET, now: new Date() });
    const monitor = connectSocket(`${b.url}/monitor`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const ready = new Promise((resolve, reject) => { monitor.once('ready', resolve); monitor.once('connect_error', reject); });
    const customer = await chat('a');
    try {
      await ready;
      const scores: Array<{ activityId: string; sentiment: number }> = [];
      monitor.on('sentiment', (update: { activityId: string; sentiment: number }) => scores.push(update));
      const ack = await customer.send('this is terrible, my parcel arrived broken and nobody helps', 'angry-1');
      if (!ack.ok) throw new Error(ack.error.code);
      // Scored by the worker (the replicas run no jobs), streamed to the monitor on the other replica.
      for (let i = 0; i < 360 && !scores.some((s) => s.activityId === ack.activityId); i++) await new Promise((r) => setTimeout(r, 250));
      const update = scores.find((s) => s.activityId === ack.activityId);
      expect(update, 'no sentiment event within 90 s').toBeDefined();
      expect(update!.sentiment).toBeLessThan(0);
    } finally {
      monitor.disconnect();
    }
  }, 120_000);
});
