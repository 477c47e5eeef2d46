import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../core/logger.js';
import type { Notice, Notifier } from '../../../core/table.js';
import { AlertEngine, listAlerts, parseAlertsConfig, type Alert, type AlertsConfigInput, type LowStockSource } from '../../../monitor/index.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { ago, DAY, HOUR, insertBasics, insertMessages, insertOrder, insertStock, lowStockFrom, manualClock } from './fixtures.js';

/** A notifier that records what it was sent, or fails the way a broken channel does. */
function fakeNotifier(channel: string, behaviour: 'ok' | 'throws' | 'hangs' | 'nobody' = 'ok') {
  const sent: Notice[] = [];
  const notifier: Notifier = {
    channel,
    async notify(notice) {
      if (behaviour === 'throws') throw new Error(`${channel} is down`);
      if (behaviour === 'hangs') return new Promise<number>(() => {});
      sent.push(notice);
      return behaviour === 'nobody' ? 0 : 1;
    },
  };
  return { notifier, sent };
}

type LogFn = (obj: object, msg?: string) => void;

function spyLogger() {
  return { debug: vi.fn<LogFn>(), info: vi.fn<LogFn>(), warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() } satisfies Logger;
}

describe.each(storeKinds())('AlertEngine on %s', (kind) => {
  let store: TestStore;
  let engine: AlertEngine | undefined;
  beforeEach(async () => {
    store = await openTestStore(kind);
    await insertBasics(store.db);
  });
  afterEach(async () => {
    engine?.close();
    engine = undefined;
    await store.cleanup();
  });

  function build(options: {
    config?: AlertsConfigInput; notifiers?: Notifier[]; published?: Alert[]; lowStock?: LowStockSource; clock?: ReturnType<typeof manualClock>;
    logger?: Logger; notifyTimeoutMs?: number;
  } = {}) {
    const clock = options.clock ?? manualClock();
    const published = options.published ?? [];
    engine = new AlertEngine({
      db: store.db,
      config: parseAlertsConfig(options.config ?? {}),
      lowStock: options.lowStock ?? lowStockFrom(store.db),
      notifiers: options.notifiers ?? [],
      publish: (alert) => { published.push(alert); },
      clock,
      logger: options.logger ?? spyLogger(),
      ...(options.notifyTimeoutMs ? { notifyTimeoutMs: options.notifyTimeoutMs } : {}),
    });
    return { engine, clock, published };
  }

  it('stores and delivers an alert once per cool-down, and again after it', async () => {
    await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10]] });
    const teams = fakeNotifier('teams');
    const slack = fakeNotifier('slack');
    const { engine, clock, published } = build({ notifiers: [teams.notifier, slack.notifier] });

    const first = await engine.runRule('low_stock');
    expect(first).toMatchObject({ ran: true, candidates: 1, suppressed: 0 });
    expect(first.raised[0]).toMatchObject({ rule: 'low_stock', key: 'LDS', severity: 'warning', deliveredTo: ['monitor', 'teams', 'slack'] });
    expect(published.map((a) => a.key)).toEqual(['LDS']);
    expect(teams.sent[0]?.text).toMatch(/^Warning: Low stock in LDS: 1 SKU below the reorder point\n/);
    expect(teams.sent[0]?.tables?.[0]?.rows).toEqual([['MUG-1', 'Product MUG-1', '4', '10', '–']]);

    const second = await engine.runRule('low_stock');
    expect(second).toMatchObject({ candidates: 1, suppressed: 1, raised: [] });
    clock.advance(DAY - HOUR);
    expect((await engine.runRule('low_stock')).raised).toEqual([]);
    clock.advance(HOUR);
    expect((await engine.runRule('low_stock')).raised).toHaveLength(1);

    const stored = await listAlerts(store.db);
    expect(stored).toHaveLength(2);
    expect(stored[1]).toMatchObject({ rule: 'low_stock', key: 'LDS', deliveredTo: ['monitor', 'teams', 'slack'], data: { warehouse: 'LDS', count: 1 } });
    expect(stored[1]!.table?.columns).toContain('Reorder point');
    expect(teams.sent).toHaveLength(2);
    expect(slack.sent).toHaveLength(2);
    expect(published).toHaveLength(2);
  });

  it('raises an escalation within the cool-down, but not a relapse to a milder severity', async () => {
    await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10]] });
    const { engine, clock } = build();
    expect((await engine.runRule('low_stock')).raised.map((a) => a.severity)).toEqual(['warning']);
    await store.db.updateTable('stock').set({ on_hand: 0, reserved: 0 }).execute();
    clock.advance(HOUR);
    expect((await engine.runRule('low_stock')).raised.map((a) => a.severity)).toEqual(['critical']);
    await store.db.updateTable('stock').set({ on_hand: 5, reserved: 0 }).execute();
    clock.advance(HOUR);
    expect((await engine.runRule('low_stock')).raised).toEqual([]);
  });

  it('stores the alert and reaches the other channels when a notifier throws, hangs or has nobody to tell', async () => {
    await insertOrder(store.db, { id: 101, status: 'shipped', placedAt: ago(8 * DAY), shipment: { status: 'in_transit', shippedAt: ago(7 * DAY), promisedDate: '2026-11-20' } });
    const logger = spyLogger();
    const broken = fakeNotifier('teams', 'throws');
    const stuck = fakeNotifier('email', 'hangs');
    const empty = fakeNotifier('sms', 'nobody');
    const slack = fakeNotifier('slack');
    const { engine } = build({ notifiers: [broken.notifier, stuck.notifier, empty.notifier, slack.notifier], logger, notifyTimeoutMs: 50 });

    const run = await engine.runRule('overdue_orders');
    expect(run.raised).toHaveLength(1);
    expect(run.raised[0]!.deliveredTo).toEqual(['monitor', 'slack']);
    expect(slack.sent[0]?.text).toContain('order 101');
    expect(logger.warn).toHaveBeenCalledTimes(2);
    const [stored] = await listAlerts(store.db, { rule: 'overdue_orders' });
    expect(stored).toMatchObject({ key: '2026-11-25', deliveredTo: ['monitor', 'slack'], data: { count: 1 } });
  });

  it('survives a publish that throws', async () => {
    await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10]] });
    const slack = fakeNotifier('slack');
    const logger = spyLogger();
    engine = new AlertEngine({
      db: store.db, config: parseAlertsConfig({}), lowStock: lowStockFrom(store.db), notifiers: [slack.notifier],
      publish: () => { throw new Error('socket gone'); }, clock: manualClock(), logger,
    });
    const run = await engine.runRule('low_stock');
    expect(run.raised[0]!.deliveredTo).toEqual(['slack']);
    expect(logger.warn).toHaveBeenCalledOnce();
  });

  it('skips disabled rules, and runAll reports a failing rule without stopping the rest', async () => {
    await insertOrder(store.db, { id: 101, status: 'shipped', placedAt: ago(8 * DAY), shipment: { status: 'in_transit', shippedAt: ago(7 * DAY), promisedDate: '2026-11-20' } });
    const logger = spyLogger();
    const { engine } = build({
      config: { negative_sentiment: { enabled: false } },
      lowStock: async () => { throw new Error('inventory unavailable'); },
      logger,
    });
    const runs = await engine.runAll();
    expect(runs.map((r) => [r.rule, r.ran, r.raised.length, r.error !== undefined])).toEqual([
      ['negative_sentiment', false, 0, false],
      ['overdue_orders', true, 1, false],
      ['low_stock', true, 0, true],
      ['stale_tracking', true, 1, false],
      ['cancellation_rate', true, 0, false],
    ]);
    expect(runs[2]!.error).toMatch(/low_stock/);
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('runs by name for the alert-rules job: one rule, all of them, or refuses an unknown name', async () => {
    await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10]] });
    await insertOrder(store.db, { id: 101, status: 'shipped', placedAt: ago(8 * DAY), shipment: { status: 'in_transit', shippedAt: ago(7 * DAY), promisedDate: '2026-11-20' } });
    const { engine } = build();
    expect(await engine.run('low_stock')).toBe(1);
    expect(await engine.run()).toBe(2);
    expect(await engine.run()).toBe(0);
    await expect(engine.run('low_stok')).rejects.toThrow(/unknown alert rule/);
    const failing = build({ lowStock: async () => { throw new Error('inventory unavailable'); } }).engine;
    await expect(failing.run()).rejects.toThrow(/alert rules failed: low_stock/);
  });

  it('serialises concurrent runs of one rule, so they cannot both raise', async () => {
    await insertStock(store.db, { warehouseId: 1, rows: [['MUG-1', 5, 1, 10]] });
    const { engine } = build();
    const runs = await Promise.all([engine.runRule('low_stock'), engine.runRule('low_stock'), engine.runRule('low_stock')]);
    expect(runs.map((r) => r.raised.length)).toEqual([1, 0, 0]);
  });

  it('runs the spike rule once for a burst of negative scores, after the debounce', async () => {
    await insertMessages(store.db, { at: ago(2 * DAY), total: 100, negative: 10 });
    await insertMessages(store.db, { at: ago(5 * 60_000), total: 20, negative: 12 });
    const { engine, published } = build({ config: { negative_sentiment: { debounceSeconds: 0.05 } } });
    expect(await engine.onSentimentScored({ score: 0.4 })).toBeNull();
    const runs = [engine.onSentimentScored({ score: -0.9 }), engine.onSentimentScored({ score: -0.6 }), engine.onSentimentScored({ score: -0.7 })];
    expect(runs[1]).toBe(runs[0]);
    const run = await runs[0];
    expect(run?.raised.map((a) => [a.rule, a.severity])).toEqual([['negative_sentiment', 'critical']]);
    expect(published).toHaveLength(1);
    // A later negative score starts a new debounce; the cool-down keeps it from alerting again.
    expect((await engine.onSentimentScored({ score: -0.9 }))?.suppressed).toBe(1);
  });
});
