import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOffIfStronglyNegative } from '../../bot/index.js';
import { openTestStore, storeKinds, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

/** A strongly negative message, scored in the background, brings in a person: once, and only for customers. */
describe.each(storeKinds())('hand-off on a strongly negative message on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
    const conversation = (id: string, staff: number | null) => ({
      id, channel: 'webchat', customer_id: null, staff_user_id: staff, state: JSON.stringify({ language: 'en', pending: { tool: 'cancel_order', args: {}, awaiting: 'slot', retries: 0 } }),
      version: 3, created_at: NOW.toISOString(), updated_at: NOW.toISOString(),
    });
    await store.db.insertInto('staff_users').values({ id: 9, email: 's@x', name: 'S', role: 'manager', created_at: NOW.toISOString() }).execute();
    await store.db.insertInto('conversations').values([conversation('c-angry', null), conversation('c-staff', 9)]).execute();
  });
  afterAll(async () => { await store?.cleanup(); });

  const rows = (table: 'handoffs' | 'messages', id: string) => store.db.selectFrom(table).selectAll().where('conversation_id', '=', id).execute();

  it('leaves a merely negative message alone', async () => {
    expect(await handOffIfStronglyNegative({ db: store.db, conversationId: 'c-angry', activityId: 'a-0', score: -0.5, now: NOW })).toBeUndefined();
    expect(await rows('handoffs', 'c-angry')).toHaveLength(0);
  });

  it('queues a hand-off, stores one message for the customer and drops the half-asked question', async () => {
    const event = await handOffIfStronglyNegative({ db: store.db, conversationId: 'c-angry', activityId: 'a-1', score: -0.95, now: NOW });
    expect(event).toMatchObject({ type: 'opened', conversationId: 'c-angry', reason: 'negative_sentiment' });
    expect(event?.type === 'opened' ? event.activity?.text : undefined).toMatch(/colleague/i);
    expect((await rows('handoffs', 'c-angry')).map((h) => [h.status, h.reason])).toEqual([['queued', 'negative_sentiment']]);
    const messages = await rows('messages', 'c-angry');
    expect(messages.map((m) => [m.role, m.reply_to_id])).toEqual([['bot', 'a-1']]);
    const conversation = await store.db.selectFrom('conversations').select(['state', 'version']).where('id', '=', 'c-angry').executeTakeFirstOrThrow();
    expect(JSON.parse(conversation.state).pending).toBeUndefined();
    expect(conversation.version).toBe(4);
  });

  it('does nothing more while that hand-off is open, and nothing for staff conversations', async () => {
    expect(await handOffIfStronglyNegative({ db: store.db, conversationId: 'c-angry', activityId: 'a-2', score: -0.99, now: NOW })).toBeUndefined();
    expect(await rows('messages', 'c-angry')).toHaveLength(1);
    expect(await handOffIfStronglyNegative({ db: store.db, conversationId: 'c-staff', activityId: 'a-3', score: -0.99, now: NOW })).toBeUndefined();
    expect(await rows('handoffs', 'c-staff')).toHaveLength(0);
  });
});
