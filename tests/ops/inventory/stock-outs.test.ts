import { describe, expect, it } from 'vitest';
import { detectStockOuts, type DailyStockRecord } from '../../../ops/inventory/index.js';

function days(units: number[], available?: (number | null)[]): DailyStockRecord[] {
  return units.map((u, i) => ({
    date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    unitsSold: u,
    ...(available ? { available: available[i] ?? null } : {}),
  }));
}

describe('detectStockOuts', () => {
  const busy = [5, 6, 4, 7, 5, 6, 5, 4, 6, 5, 7, 5, 6, 4, 5, 6, 5, 4, 6, 5];

  it('uses recorded available stock when the history has it', () => {
    const available = busy.map((_, i) => (i >= 10 && i < 12 ? 0 : 10));
    const events = detectStockOuts({ series: [{ sku: 'A', warehouse: 'LDS', days: days(busy, available) }], lastDays: 20 });
    expect(events).toEqual([{ sku: 'A', warehouse: 'LDS', start: '2026-01-11', end: '2026-01-12', days: 2, ongoing: false, evidence: ['zero-available'] }]);
  });

  it('flags an improbable run of zero-sales days for a busy SKU (proxy)', () => {
    const units = busy.map((u, i) => (i >= 8 && i < 12 ? 0 : u));
    const [event] = detectStockOuts({ series: [{ sku: 'A', warehouse: 'LDS', days: days(units), availableNow: 9 }], lastDays: 20 });
    expect(event).toMatchObject({ start: '2026-01-09', end: '2026-01-12', days: 4, ongoing: false, evidence: ['zero-sales-improbable'] });
  });

  it('does not flag quiet spells of a slow mover', () => {
    const slow = [0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0];
    expect(detectStockOuts({ series: [{ sku: 'S', warehouse: 'LDS', days: days(slow), availableNow: 4 }], lastDays: 20 })).toEqual([]);
  });

  it('counts a trailing zero-sales run as ongoing when nothing is available now', () => {
    const units = [...busy.slice(0, 18), 0, 0];
    const [event] = detectStockOuts({ series: [{ sku: 'A', warehouse: 'LDS', days: days(units), availableNow: 0 }], lastDays: 5 });
    expect(event).toMatchObject({ start: '2026-01-19', days: 2, ongoing: true, evidence: ['zero-sales-out-now'] });
  });

  it('only reports events that reach into the last N days', () => {
    const units = busy.map((u, i) => (i >= 2 && i < 6 ? 0 : u));
    expect(detectStockOuts({ series: [{ sku: 'A', warehouse: 'LDS', days: days(units) }], lastDays: 10 })).toEqual([]);
    expect(detectStockOuts({ series: [{ sku: 'A', warehouse: 'LDS', days: days(units) }], lastDays: 15 })).toHaveLength(1);
  });

  it('refuses gaps in the dates', () => {
    const gappy = [...days([1, 2]), { date: '2026-01-05', unitsSold: 1 }];
    expect(() => detectStockOuts({ series: [{ sku: 'A', warehouse: 'LDS', days: gappy }], lastDays: 3 })).toThrow(/consecutive/);
  });
});
