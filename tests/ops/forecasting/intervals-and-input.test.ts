import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { createRandom } from '../../../core/random.js';
import { aggregateDailyToWeekly, forecast, forecastDemand } from '../../../ops/forecasting/index.js';

function randomWalk(n: number, seed: number): number[] {
  const random = createRandom(seed);
  const out = [100];
  for (let t = 1; t < n; t += 1) out.push((out[t - 1] as number) + (random() - 0.5) * 10);
  return out;
}

describe('prediction intervals', () => {
  it.each([0.8, 0.95] as const)('contain the point forecast and widen with the horizon (level %s)', (level) => {
    const result = forecast(randomWalk(120, 7), { horizon: 12, level });
    const widths = result.upper.map((u, h) => u - (result.lower[h] as number));
    result.point.forEach((p, h) => {
      expect(result.lower[h]).toBeLessThanOrEqual(p);
      expect(result.upper[h]).toBeGreaterThanOrEqual(p);
    });
    widths.slice(1).forEach((w, h) => expect(w).toBeGreaterThanOrEqual(widths[h] as number));
    expect(widths[11]).toBeGreaterThan(widths[0] as number);
  });

  it('a 95% band is wider than an 80% band', () => {
    const series = randomWalk(120, 11);
    const wide = forecast(series, { horizon: 6, level: 0.95 });
    const narrow = forecast(series, { horizon: 6, level: 0.8 });
    expect((wide.upper[5] as number) - (wide.lower[5] as number)).toBeGreaterThan((narrow.upper[5] as number) - (narrow.lower[5] as number));
  });

  it('a too-short history still gets a forecast and says why', () => {
    const result = forecast([3, 4, 5], { horizon: 2 });
    expect(result.point).toHaveLength(2);
    expect(result.reason).toMatch(/too short/);
  });
});

describe('bad input', () => {
  it.each([
    ['an empty series', [], { horizon: 3 }, /series is empty/],
    ['NaN', [1, Number.NaN, 3], { horizon: 3 }, /series\[1\] is not a finite number/],
    ['Infinity', [1, 2, Number.POSITIVE_INFINITY], { horizon: 3 }, /series\[2\] is not a finite number/],
    ['horizon 0', [1, 2, 3], { horizon: 0 }, /horizon must be at least 1/],
    ['a fractional horizon', [1, 2, 3], { horizon: 1.5 }, /horizon/],
    ['Holt-Winters without seasonality', [1, 2, 3, 4, 5, 6], { horizon: 2, method: 'holt-winters-additive' }, /holt-winters-additive cannot run/],
  ] as const)('%s throws InvalidInputError', (_, series, options, message) => {
    expect(() => forecast(series as unknown as number[], options)).toThrow(InvalidInputError);
    expect(() => forecast(series as unknown as number[], options)).toThrow(message);
  });
});

describe('daily sales helpers', () => {
  it('sums days into weeks counted back from the last day', () => {
    const days = Array.from({ length: 10 }, (_, d) => d + 1);
    expect(aggregateDailyToWeekly(days)).toEqual([4 + 5 + 6 + 7 + 8 + 9 + 10]);
    expect(aggregateDailyToWeekly(days, { dropPartial: 'end' })).toEqual([1 + 2 + 3 + 4 + 5 + 6 + 7]);
  });

  it('forecasts weekly totals from daily sales', () => {
    const days = Array.from({ length: 7 * 20 }, (_, d) => (d % 7 === 5 ? 6 : 2));
    const result = forecastDemand({ dailySales: days, horizon: 3, unit: 'week' });
    for (const v of result.point) expect(v).toBeCloseTo(18, 3);
  });
});
