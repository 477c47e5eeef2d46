import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSummary, insertDemoHistory, resolvePeriod } from '../../../monitor/stats/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

describe.each(storeKinds())('demo history (%s)', (kind) => {
  let store: TestStore;

  beforeAll(async () => { store = await openTestStore(kind); });
  afterAll(async () => { await store?.cleanup(); });

  it('inserts a few hundred conversations once', async () => {
    const first = await insertDemoHistory(store.db, { now: NOW });
    expect(first).toMatchObject({ inserted: true, alerts: 3 });
    expect(first.conversations).toBeGreaterThan(300);
    expect(first.handoffs).toBeGreaterThan(20);
    const again = await insertDemoHistory(store.db, { now: NOW });
    expect(again).toEqual({ inserted: false, conversations: 0, messages: 0, handoffs: 0, alerts: 0 });
    const count = await store.db.selectFrom('conversations').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(first.conversations);
  });

  it('gives the dashboard a shape: mostly contained, a recent negative spike, unanswered questions, alerts', async () => {
    const twoWeeks = await dashboardSummary(store.db, { period: resolvePeriod({}, NOW), redaction: { raw: false } });
    expect(twoWeeks.sentiment.series.length).toBeGreaterThanOrEqual(14);
    expect(twoWeeks.sentiment.average).toBeGreaterThan(0);
    expect(twoWeeks.containment.containmentRate).toBeGreaterThan(0.7);
    expect(twoWeeks.containment.containmentRate).toBeLessThan(0.95);
    expect(twoWeeks.unanswered[0]).toMatchObject({ text: 'Do you sell gift cards?' });
    expect(twoWeeks.unanswered[0]!.count).toBeGreaterThan(10);
    expect(twoWeeks.alerts.map((a) => a.severity)).toEqual(['critical', 'warning', 'info']);
    expect(twoWeeks.volume.byChannel.map((r) => r.key).sort()).toEqual(['rest', 'webchat']);
    const recent = await dashboardSummary(store.db, { period: resolvePeriod({ from: new Date(NOW.getTime() - 9 * 3_600_000).toISOString() }, NOW), redaction: { raw: false } });
    expect(recent.sentiment.average).toBeLessThan(-0.2);
    expect(recent.sentiment.negativeShare).toBeGreaterThan(0.5);
  });

  it('writes Chinese as well as English, and only past times', async () => {
    const rows = await store.db.selectFrom('messages').select(['text', 'created_at']).execute();
    expect(rows.some((r) => /[\u4e00-\u9fff]/.test(r.text))).toBe(true);
    expect(rows.every((r) => r.created_at < NOW.toISOString())).toBe(true);
  });
});
