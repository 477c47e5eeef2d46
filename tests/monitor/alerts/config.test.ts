import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { alertSchedules, parseAlertsConfig } from '../../../monitor/index.js';

describe('alerts config', () => {
  it('has a documented default for every rule and threshold', () => {
    const config = parseAlertsConfig(undefined);
    expect(config.negative_sentiment).toMatchObject({ enabled: true, windowMinutes: 60, baselineDays: 7, negativeBelow: -0.25, minMessages: 10, minRate: 0.3, factor: 2, cooldownMinutes: 60 });
    expect(config.overdue_orders).toMatchObject({ enabled: true, cooldownMinutes: 1440, listed: 5 });
    expect(config.low_stock.warehouses).toBeUndefined();
    expect(config.stale_tracking).toMatchObject({ staleAfterHours: 72, statuses: ['label_created', 'in_transit'] });
    expect(config.cancellation_rate).toMatchObject({ windowHours: 24, baselineDays: 28, minCancellations: 5, minOrders: 20 });
    expect(parseAlertsConfig('')).toEqual(config);
  });

  it('reads overrides from JSON and keeps the other defaults', () => {
    const config = parseAlertsConfig('{"low_stock":{"warehouses":["LDS"],"cooldownMinutes":120},"cancellation_rate":{"enabled":false}}');
    expect(config.low_stock).toMatchObject({ warehouses: ['LDS'], cooldownMinutes: 120, everyMinutes: 60, minItems: 1 });
    expect(config.cancellation_rate.enabled).toBe(false);
    expect(alertSchedules(config)).toEqual([
      { rule: 'negative_sentiment', everyMs: 5 * 60_000 },
      { rule: 'overdue_orders', everyMs: 60 * 60_000 },
      { rule: 'low_stock', everyMs: 60 * 60_000 },
      { rule: 'stale_tracking', everyMs: 60 * 60_000 },
    ]);
  });

  it('refuses malformed JSON, unknown rules or fields, and out-of-range thresholds', () => {
    expect(() => parseAlertsConfig('{low_stock')).toThrow(InvalidInputError);
    expect(() => parseAlertsConfig({ low_stok: {} } as never)).toThrow(/low_stok/);
    expect(() => parseAlertsConfig({ negative_sentiment: { minRat: 0.2 } } as never)).toThrow(/minRat/);
    expect(() => parseAlertsConfig({ negative_sentiment: { minRate: 2 } })).toThrow(/negative_sentiment\.minRate/);
  });
});
