import { describe, expect, it } from 'vitest';
import { rateAgainstBaseline } from '../../../monitor/index.js';

describe('rateAgainstBaseline', () => {
  const base = { minRate: 0.3, factor: 2, minTotal: 10 };

  it('uses the minimum rate when the baseline is empty or low, and the scaled baseline when it is higher', () => {
    expect(rateAgainstBaseline({ ...base, window: { matching: 3, total: 10 }, baseline: { matching: 0, total: 0 } })).toEqual({ rate: 0.3, baselineRate: 0, threshold: 0.3, fires: true });
    expect(rateAgainstBaseline({ ...base, window: { matching: 5, total: 10 }, baseline: { matching: 30, total: 100 } })).toMatchObject({ threshold: 0.6, fires: false });
    expect(rateAgainstBaseline({ ...base, window: { matching: 6, total: 10 }, baseline: { matching: 30, total: 100 } })).toMatchObject({ fires: true });
  });

  it('needs enough events, and at least one matching one even with a zero bar', () => {
    expect(rateAgainstBaseline({ ...base, window: { matching: 9, total: 9 }, baseline: { matching: 0, total: 0 } }).fires).toBe(false);
    expect(rateAgainstBaseline({ ...base, minRate: 0, window: { matching: 0, total: 50 }, baseline: { matching: 0, total: 0 } }).fires).toBe(false);
    expect(rateAgainstBaseline({ ...base, minMatching: 5, window: { matching: 4, total: 10 }, baseline: { matching: 0, total: 100 } }).fires).toBe(false);
  });
});
