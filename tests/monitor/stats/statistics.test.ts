import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  containment, messageVolume, recentAlerts, sentimentSeries, sentimentTotals, topUnanswered,
} from '../../../monitor/stats/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { PERIOD, insertFixture } from './fixtures.js';

describe.each(storeKinds())('dashboard statistics on hand-counted rows (%s)', (kind) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore(kind);
    await insertFixture(store.db);
  });
  afterAll(async () => { await store?.cleanup(); });

  it('averages scored inbound messages per hour, with the negative share', async () => {
    expect(await sentimentSeries(store.db, PERIOD)).toEqual([
      { at: '2026-11-20T10:00:00.000Z', average: 0.4333, count: 3, negativeShare: 0 },
      { at: '2026-11-20T11:00:00.000Z', average: -0.6, count: 1, negativeShare: 1 },
      { at: '2026-11-20T13:00:00.000Z', average: -0.4, count: 1, negativeShare: 1 },
    ]);
  });

  it('buckets by day', async () => {
    const wide = { from: '2026-11-19T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z', bucket: 'day' } as const;
    expect(await sentimentSeries(store.db, wide)).toEqual([
      { at: '2026-11-19T00:00:00.000Z', average: -0.8, count: 1, negativeShare: 1 },
      { at: '2026-11-20T00:00:00.000Z', average: 0.06, count: 5, negativeShare: 0.4 },
      { at: '2026-11-21T00:00:00.000Z', average: -1, count: 1, negativeShare: 1 },
    ]);
  });

  it('totals the period: average, scored messages and negative share', async () => {
    expect(await sentimentTotals(store.db, PERIOD)).toEqual({ average: 0.06, scored: 5, negativeShare: 0.4 });
    const empty = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z', bucket: 'hour' } as const;
    expect(await sentimentTotals(store.db, empty)).toEqual({ average: null, scored: 0, negativeShare: null });
  });

  it('counts inbound messages by intent and by channel, largest first, no intent last', async () => {
    expect(await messageVolume(store.db, PERIOD)).toEqual({
      byIntent: [
        { key: 'out_of_scope', count: 2 }, { key: 'complaint', count: 1 }, { key: 'knowledge_question', count: 1 },
        { key: 'order_status', count: 1 }, { key: 'sales_summary', count: 1 }, { key: 'thanks', count: 1 }, { key: null, count: 1 },
      ],
      byChannel: [{ key: 'webchat', count: 5 }, { key: 'rest', count: 2 }, { key: 'teams', count: 1 }],
      inbound: 8,
      outbound: 2,
    });
  });

  it('counts containment over conversations with an inbound message; hand-offs up to the period end', async () => {
    // Engaged: A, B, C, D, F (E only had the welcome). Handed off: B (in the period), F (before it); A's came after.
    expect(await containment(store.db, PERIOD)).toEqual({
      conversations: 5, contained: 3, handedOff: 2, containmentRate: 0.6, handoffRate: 0.4,
    });
    const empty = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z', bucket: 'hour' } as const;
    expect(await containment(store.db, empty)).toEqual({ conversations: 0, contained: 0, handedOff: 0, containmentRate: null, handoffRate: null });
  });

  it('groups unanswered questions by normalised text, most frequent first', async () => {
    expect(await topUnanswered(store.db, { period: PERIOD })).toEqual([
      { text: 'Do you sell gift cards?', count: 2, lastAskedAt: '2026-11-20T11:30:00.000Z', conversationId: 'C' },
      { text: 'Can I pay with Klarna?', count: 1, lastAskedAt: '2026-11-20T13:00:00.000Z', conversationId: 'F' },
      { text: 'Mail me at jo@example.com', count: 1, lastAskedAt: '2026-11-20T11:35:00.000Z', conversationId: 'C' },
    ]);
    expect(await topUnanswered(store.db, { period: PERIOD, limit: 1 })).toHaveLength(1);
  });

  it('lists the period\'s alerts, newest first', async () => {
    const alerts = await recentAlerts(store.db, { period: PERIOD });
    expect(alerts.map((a) => [a.title, a.raisedAt])).toEqual([
      ['Later alert', '2026-11-20T15:00:00.000Z'], ['Sentiment dropped', '2026-11-20T12:00:00.000Z'],
    ]);
    expect(alerts[0]).toMatchObject({ rule: 'negative_sentiment', severity: 'warning', detail: 'in the period too' });
  });
});
