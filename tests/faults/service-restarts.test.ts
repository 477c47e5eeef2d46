import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restartPostgres, restartRedis, waitForPostgres, waitForRedis } from '../../bench/load/services.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { connectChat } from '../helpers/chat-client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { RetryingCustomer } from './customer.js';

/**
 * Restarts the machine's Redis and PostgreSQL under two live replicas. Only where that is allowed
 * (`.ci/run` sets COUNTERPART_FAULT_TESTS=true; run alone, after the other suites, by
 * `npm run test:faults`), since every other test on the machine loses its connections too.
 */
const allowed = process.env.COUNTERPART_FAULT_TESTS === 'true';
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!allowed) console.warn('[tests] COUNTERPART_FAULT_TESTS is not true: the Redis and PostgreSQL restart scenarios are skipped (they restart the services)');
if (allowed && (!redisUrl || !databaseUrl)) throw new Error('the restart scenarios need REDIS_URL and DATABASE_URL');

describe.skipIf(!allowed)('service restarts under two live replicas', () => {
  let a: TestServer;
  let b: RunningServer;
  const urls = () => [a.server.url, b.url];

  beforeAll(async () => {
    a = await startTestServer('postgres', { REDIS_URL: redisUrl! });
    b = await startServer({ config: { ...a.config, SEED_ON_START: false } });
  }, 180_000);
  afterAll(async () => {
    // Leave the machine as we found it, whatever happened above.
    await waitForRedis(redisUrl!).catch(() => restartRedis(redisUrl!));
    await waitForPostgres(databaseUrl!).catch(() => restartPostgres(databaseUrl!));
    await b?.close();
    await a?.cleanup();
  }, 120_000);

  /** Customers on both replicas chatting while `fault` runs, and for two seconds after it. */
  async function chatThrough(fault: () => Promise<unknown>): Promise<RetryingCustomer[]> {
    const customers = Array.from({ length: 6 }, (_, i) => new RetryingCustomer(`c${i}`, () => urls()[i % 2]!));
    await Promise.all(customers.map((c) => c.connect()));
    let stopAt = Infinity;
    const running = customers.map((c) => c.run(() => Date.now() > stopAt));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await fault();
    stopAt = Date.now() + 2_000;
    await Promise.all(running);
    customers.forEach((c) => c.client.close());
    return customers;
  }

  /** Every message sent is stored once, with the id the customer was told, and answered. */
  async function reconcile(customers: RetryingCustomer[]): Promise<void> {
    for (const customer of customers) {
      const rows = await a.server.store.db.selectFrom('messages').select(['activity_id', 'client_message_id', 'direction', 'reply_to_id'])
        .where('conversation_id', '=', customer.client.conversationId).execute();
      const inbound = rows.filter((r) => r.direction === 'in');
      expect(inbound.map((r) => r.client_message_id).sort()).toEqual([...customer.sent].sort());
      for (const message of inbound) {
        expect(customer.acked.get(message.client_message_id!)).toBe(message.activity_id);
        expect(rows.some((r) => r.reply_to_id === message.activity_id)).toBe(true);
      }
    }
  }

  async function ready(url: string): Promise<number> {
    for (let i = 0; i < 80; i++) {
      const status = (await fetch(`${url}/readyz`).catch(() => undefined))?.status;
      if (status === 200) return 200;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return (await fetch(`${url}/readyz`)).status;
  }

  it('Redis restarting: chat goes on, and cross-replica delivery and jobs resume without restarting our processes', async () => {
    const customers = await chatThrough(() => restartRedis(redisUrl!));
    await reconcile(customers);
    expect(await ready(a.server.url)).toBe(200);
    expect(await ready(b.url)).toBe(200);
    // A reply to a message sent on A reaches the same conversation's tab on B (the adapter resubscribed).
    const onA = await connectChat(a.server.url);
    const onB = await connectChat(b.url, { conversationId: onA.conversationId });
    try {
      const ack = await onA.send('what is your return policy', 'after-redis');
      if (!ack.ok) throw new Error(ack.error.code);
      await onB.replyTo(ack.activityId, 10_000);
      // Background scoring runs again: the new message gets its score.
      let score: number | null = null;
      for (let i = 0; i < 80 && score === null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        score = (await a.server.store.db.selectFrom('messages').select('sentiment').where('activity_id', '=', ack.activityId).executeTakeFirstOrThrow()).sentiment;
      }
      expect(score).not.toBeNull();
    } finally {
      onA.close();
      onB.close();
    }
  }, 180_000);

  it('PostgreSQL restarting: messages are refused as retryable meanwhile, then all stored once and answered', async () => {
    const customers = await chatThrough(() => restartPostgres(databaseUrl!));
    await reconcile(customers);
    const errors = customers.flatMap((c) => c.errors);
    expect(errors.filter((code) => code === 'internal')).toEqual([]);
    expect(await ready(a.server.url)).toBe(200);
    expect(await ready(b.url)).toBe(200);
  }, 180_000);
});
