import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchConversations } from '../../../monitor/index.js';
import { LogFilterSchema, LogPageSchema } from '../../../monitor/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';

/** Each conversation row carries the customer's sentiment trend: average, latest and their difference. */
describe.each(storeKinds())('conversation sentiment trend on %s', (kind) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
    const at = (minute: number) => `2026-11-25T10:${String(minute).padStart(2, '0')}:00.000Z`;
    for (const id of ['c-gloomier', 'c-unscored']) {
      await store.db.insertInto('conversations').values({
        id, channel: 'webchat', customer_id: null, staff_user_id: null, state: '{}', version: 0, created_at: at(0), updated_at: at(9),
      }).execute();
    }
    const message = (conversation: string, minute: number, direction: 'in' | 'out', sentiment: number | null) => ({
      activity_id: `${conversation}-${minute}`, conversation_id: conversation, direction, channel: 'webchat', user_id: 'x',
      role: direction === 'in' ? 'customer' : 'bot', text: 'text', intent: null, entities: null, confidence: null, sentiment,
      client_message_id: null, reply_to_id: null, payload: null, created_at: at(minute),
    });
    await store.db.insertInto('messages').values([
      message('c-gloomier', 1, 'in', 0.5), message('c-gloomier', 2, 'out', null), message('c-gloomier', 3, 'in', 0.1),
      message('c-gloomier', 4, 'in', null), message('c-gloomier', 5, 'in', -0.9), message('c-unscored', 1, 'in', null),
    ]).execute();
  });
  afterAll(async () => { await store?.cleanup(); });

  it('averages the scored customer messages and compares the latest with the average', async () => {
    const page = await searchConversations(store.db, { filter: LogFilterSchema.parse({}), page: LogPageSchema.parse({ order: 'asc' }) });
    const byId = new Map(page.items.map((c) => [c.id, c.sentiment]));
    const gloomier = byId.get('c-gloomier');
    expect(gloomier?.scored).toBe(3);
    expect(gloomier?.average).toBeCloseTo(-0.1, 6);
    expect(gloomier?.latest).toBeCloseTo(-0.9, 6);
    expect(gloomier?.trend).toBeCloseTo(-0.8, 6);
    expect(byId.get('c-unscored')).toEqual({ scored: 0, average: null, latest: null, trend: null });
  });
});
