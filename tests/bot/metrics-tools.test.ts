import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../core/errors.js';
import type { Entity, ParseResult } from '../../core/nlu.js';
import type { Caller } from '../../core/tools.js';
import { formatShare } from '../../bot/messages/metrics.js';
import { METRICS_TASKS, metricsArgs } from '../../bot/ops-tasks/metrics.js';
import { MetricsQuerySchema, metricsPeriod, registerMetricsTools, type MetricsReport } from '../../bot/tools/metrics.js';
import { ToolRegistry } from '../../bot/tools/registry.js';
import { processMetrics } from '../../ops/index.js';
import { openSeededTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const STAFF: Caller = { role: 'staff', staffId: 7, staffRole: 'manager', conversationId: 's-metrics' };
const CUSTOMER: Caller = { role: 'customer', customerId: 1, conversationId: 'c-metrics' };

/** Process metrics for staff, against the small seeded demo shop. */
describe('process_metrics', () => {
  let store: TestStore;
  const registry = registerMetricsTools(new ToolRegistry());

  beforeAll(async () => { store = await openSeededTestStore({ seed: 42, now: NOW }); });
  afterAll(async () => { await store?.cleanup(); });

  async function metricsText(args: unknown, language: 'en' | 'zh' = 'en') {
    const outcome = await registry.call({ db: store.db, caller: STAFF, tool: 'process_metrics', args, now: NOW, language });
    if (!outcome.ok) throw outcome.error;
    return { text: outcome.result.text, data: outcome.result.data as MetricsReport };
  }
  const row = (text: string, metric: string) => text.split('\n').find((line) => line.startsWith(`${metric} | `)) ?? '';

  it('shows the last 30 days up to yesterday, each metric with the value and counts processMetrics computes', async () => {
    const { text } = await metricsText({});
    const m = await processMetrics({ db: store.db, from: '2026-10-26', to: '2026-11-25' });
    expect(text.split('\n')[0]).toBe('Process metrics for orders placed Mon 26 Oct – Tue 24 Nov (2026-10-26 to 2026-11-24, 30 days):');
    expect(text.split('\n')[1]).toBe('Metric | Value | Basis');
    expect(m.onTimeDelivery.counts.delivered).toBeGreaterThan(0);
    expect(row(text, 'Order cycle time')).toBe(
      `Order cycle time | median ${m.cycleTime.medianDays?.toFixed(1)} days (p90 ${m.cycleTime.p90Days?.toFixed(1)} days) | ${m.cycleTime.counts.deliveredOrders} delivered orders`,
    );
    expect(row(text, 'On-time delivery')).toBe(
      `On-time delivery | ${formatShare(m.onTimeDelivery.value, '')} | ${m.onTimeDelivery.counts.onTime} of ${m.onTimeDelivery.counts.delivered} delivered orders`,
    );
    expect(row(text, 'Fill rate')).toContain(`| ${formatShare(m.fillRate.value, '')} | ${m.fillRate.counts.unitsShipped} of ${m.fillRate.counts.unitsOrdered} units`);
    expect(row(text, 'Stock-out rate')).toBe(
      `Stock-out rate | ${formatShare(m.stockOutRate.value, '')} | ${m.stockOutRate.counts.stockedOut} of ${m.stockOutRate.counts.skuWarehouses} SKU × warehouse rows, now`,
    );
    expect(row(text, 'Inventory turnover')).toContain(`| ${m.inventoryTurnover.value?.toFixed(2)} (${m.inventoryTurnover.annualised?.toFixed(1)} a year) | ${m.inventoryTurnover.counts.unitsSold} units sold in 30 days`);
    expect(row(text, 'Return rate')).toContain(`| ${formatShare(m.returnRate.value, '')} of orders (${formatShare(m.returnRate.unitRate, '')} of units) | ${m.returnRate.counts.returnedOrders} of ${m.returnRate.counts.deliveredOrders}`);
    expect(text).toMatch(/^Assumed: .*stock-out rate is a proxy/m);
  });

  it('uses the period asked for', async () => {
    const { text, data } = await metricsText({ from: '2026-09-01', to: '2026-09-30' });
    const m = await processMetrics({ db: store.db, from: '2026-09-01', to: '2026-10-01' });
    expect(data.period).toEqual({ from: '2026-09-01', to: '2026-09-30', days: 30, end: '2026-10-01' });
    expect(text).toContain('(2026-09-01 to 2026-09-30, 30 days)');
    expect(row(text, 'Fill rate')).toContain(`${m.fillRate.counts.unitsShipped} of ${m.fillRate.counts.unitsOrdered} units`);
  });

  it('answers in Chinese', async () => {
    const { text } = await metricsText({ days: 7 }, 'zh');
    expect(text.split('\n')[0]).toContain('（2026-11-18 至 2026-11-24，共 7 天）');
    expect(text).toMatch(/^准时送达率 \| /m);
  });

  it('refuses a period that starts in the future', async () => {
    const outcome = await registry.call({ db: store.db, caller: STAFF, tool: 'process_metrics', args: { from: '2026-12-01' }, now: NOW });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('invalid_input');
  });

  it('refuses customers with ForbiddenError', async () => {
    const outcome = await registry.call({ db: store.db, caller: CUSTOMER, tool: 'process_metrics', args: {}, now: NOW });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ForbiddenError);
  });
});

describe('metricsPeriod and MetricsQuerySchema', () => {
  it.each([
    [{}, { from: '2026-10-26', to: '2026-11-24', days: 30, end: '2026-11-25' }],
    [{ days: 7 }, { from: '2026-11-18', to: '2026-11-24', days: 7, end: '2026-11-25' }],
    [{ from: '2026-11-01' }, { from: '2026-11-01', to: '2026-11-24', days: 24, end: '2026-11-25' }],
    [{ from: '2026-11-01', days: 3 }, { from: '2026-11-01', to: '2026-11-03', days: 3, end: '2026-11-04' }],
    [{ to: '2026-10-31', days: 31 }, { from: '2026-10-01', to: '2026-10-31', days: 31, end: '2026-11-01' }],
    // Days to come have no orders: the end stops at today.
    [{ from: '2026-11-23', to: '2026-12-31' }, { from: '2026-11-23', to: '2026-11-25', days: 3, end: '2026-11-26' }],
  ])('reads %j as %j', (args, period) => {
    expect(metricsPeriod(args, NOW)).toEqual(period);
  });

  it('refuses periods that are empty or longer than a year', () => {
    expect(() => metricsPeriod({ from: '2026-11-26' }, NOW)).toThrow(/empty/);
    expect(() => metricsPeriod({ from: '2024-01-01', to: '2025-12-31' }, NOW)).toThrow(/at most 366 days/);
  });

  it('parses query strings and refuses ambiguous or malformed ones', () => {
    expect(MetricsQuerySchema.parse({ days: '7' })).toEqual({ days: 7 });
    expect(MetricsQuerySchema.safeParse({ from: '2026-11-01', to: '2026-11-02', days: '2' }).success).toBe(false);
    expect(MetricsQuerySchema.safeParse({ from: '2026-11-02', to: '2026-11-01' }).success).toBe(false);
    expect(MetricsQuerySchema.safeParse({ from: '1 Nov' }).success).toBe(false);
    expect(MetricsQuerySchema.safeParse({ days: '0' }).success).toBe(false);
    expect(MetricsQuerySchema.safeParse({ period: 'week' }).success).toBe(false);
  });
});

describe('process_metrics task', () => {
  const parse = (date?: string): ParseResult => ({
    text: 'metrics', language: 'en', intents: [{ name: 'process_metrics', confidence: 0.9 }],
    entities: date === undefined ? [] : [{ type: 'date', value: date, text: '', start: 0, end: 0, extractor: 'test' } satisfies Entity],
  });

  it('reads the period from the NLU date, whose interval ends are excluded', () => {
    expect(METRICS_TASKS.process_metrics).toMatchObject({ tool: 'process_metrics', slots: [] });
    expect(metricsArgs({ parse: parse() })).toEqual({});
    expect(metricsArgs({ parse: parse('2026-11-24') })).toEqual({ from: '2026-11-24', to: '2026-11-24' });
    expect(metricsArgs({ parse: parse('2026-11-16/2026-11-23') })).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(metricsArgs({ parse: parse('2026-11-01/..') })).toEqual({ from: '2026-11-01' });
    expect(metricsArgs({ parse: parse('../2026-11-20') })).toEqual({ to: '2026-11-19' });
  });
});
