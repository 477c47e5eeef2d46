import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { DashboardService, normaliseQuestion, resolvePeriod } from '../../../monitor/stats/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { insertFixture } from './fixtures.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');

describe('dashboard period', () => {
  it('defaults to the last 14 days in daily buckets', () => {
    expect(resolvePeriod({}, NOW)).toEqual({ from: '2026-11-11T12:00:00.000Z', to: NOW.toISOString(), bucket: 'day' });
    expect(resolvePeriod(undefined, NOW).bucket).toBe('day');
  });

  it('buckets by hour up to two days and takes calendar dates as midnight UTC', () => {
    expect(resolvePeriod({ from: '2026-11-24', to: '2026-11-25' }, NOW)).toEqual({
      from: '2026-11-24T00:00:00.000Z', to: '2026-11-25T00:00:00.000Z', bucket: 'hour',
    });
    expect(resolvePeriod({ from: '2026-11-24T13:00:00+01:00', bucket: 'day' }, NOW)).toEqual({
      from: '2026-11-24T12:00:00.000Z', to: NOW.toISOString(), bucket: 'day',
    });
  });

  it('refuses bad periods with InvalidInputError', () => {
    for (const query of [{ from: '2026-11-26' }, { from: 'yesterday' }, { bucket: 'week' }, { from: '2024-01-01' }, { limit: '5' }]) {
      expect(() => resolvePeriod(query, NOW), JSON.stringify(query)).toThrow(InvalidInputError);
    }
  });

  it('folds case, width and punctuation of questions', () => {
    expect(normaliseQuestion('  Do you sell GIFT cards?? ')).toBe('do you sell gift cards');
    expect(normaliseQuestion('你们卖礼品卡吗？')).toBe(normaliseQuestion('你们卖礼品卡吗?'));
  });
});

describe.each(storeKinds())('dashboard service (%s)', (kind) => {
  let store: TestStore;
  let service: DashboardService;

  beforeAll(async () => {
    store = await openTestStore(kind);
    await insertFixture(store.db);
    const at = '2026-01-01T00:00:00.000Z';
    await store.db.insertInto('staff_users').values([
      { id: 1, email: 'm@example.test', name: 'Mo', role: 'monitor', created_at: at },
      { id: 2, email: 'a@example.test', name: 'Al', role: 'agent', created_at: at },
    ]).execute();
    service = new DashboardService({ db: store.db, clock: { now: () => NOW } });
  });
  afterAll(async () => { await store?.cleanup(); });

  it('lets monitors in and keeps other roles and unknown staff out', async () => {
    await expect(service.authorize({ staffId: 1 })).resolves.toMatchObject({ staffId: 1, role: 'monitor', raw: false });
    await expect(service.authorize({ staffId: 2 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.authorize({ staffId: 99 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('summarises a period from query-string text, with personal data redacted', async () => {
    const viewer = await service.authorize({ staffId: 1 });
    const summary = await service.summary({ query: { from: '2026-11-20', to: '2026-11-21' }, viewer });
    expect(summary.period).toEqual({ from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z', bucket: 'hour' });
    expect(summary.sentiment).toMatchObject({ average: 0.06, scored: 5, negativeShare: 0.4 });
    expect(summary.sentiment.series).toHaveLength(3);
    expect(summary.containment).toMatchObject({ containmentRate: 0.6, handoffRate: 0.4 });
    expect(summary.volume.inbound).toBe(8);
    expect(summary.unanswered.map((q) => q.text)).toEqual(['Do you sell gift cards?', 'Can I pay with Klarna?', 'Mail me at [email]']);
    expect(summary.alerts.map((a) => a.detail)).toEqual(['in the period too', 'Customer [email] is upset']);
    expect(JSON.stringify(summary)).not.toContain('jo@example.com');
  });

  it('refuses a bad period', async () => {
    const viewer = await service.authorize({ staffId: 1 });
    await expect(service.summary({ query: { from: '2026-11-21', to: '2026-11-20' }, viewer })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
