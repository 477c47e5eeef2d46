import { describe, expect, it } from 'vitest';
import { crostonForecast, forecast, sbaForecast, tsbForecast } from '../../../ops/forecasting/index.js';

// Worked example, α = β = 0.1. Demands 3 (after 3 periods), 2 (after 4), 4 (after 2):
// size 3 → 2.9 → 3.01, interval 3 → 3.1 → 2.99, so Croston = 3.01 / 2.99.
const sales = [0, 0, 3, 0, 0, 0, 2, 0, 4, 0];

describe('intermittent demand', () => {
  it('Croston gives the hand-computed value', () => {
    expect(crostonForecast(sales, { horizon: 3 })).toEqual([3.01 / 2.99, 3.01 / 2.99, 3.01 / 2.99].map((v) => expect.closeTo(v, 10)));
  });

  it('SBA deflates Croston by 1 − α/2', () => {
    expect(sbaForecast(sales, { horizon: 1 })[0]).toBeCloseTo((0.95 * 3.01) / 2.99, 10);
  });

  it('TSB multiplies the smoothed probability by the smoothed size', () => {
    // p: 1/3 → 0.3 → 0.27 → 0.243 → 0.3187 → 0.28683 → 0.358147 → 0.3223323; size 3.01.
    expect(tsbForecast(sales, { horizon: 1 })[0]).toBeCloseTo(0.3223323 * 3.01, 6);
  });

  it('no demand at all forecasts zero', () => {
    expect(crostonForecast([0, 0, 0], { horizon: 2 })).toEqual([0, 0]);
    expect(tsbForecast([0, 0, 0], { horizon: 2 })).toEqual([0, 0]);
  });

  it('auto routes a mostly-zero series to the intermittent methods', () => {
    const series = Array.from({ length: 80 }, (_, t) => (t % 5 === 2 ? 2 + (t % 3) : 0));
    const result = forecast(series, { horizon: 4 });
    expect(result.reason).toMatch(/intermittent/);
    expect(Object.keys(result.scores)).toEqual(expect.arrayContaining(['croston', 'sba', 'tsb']));
    for (const v of result.point) expect(v).toBeGreaterThanOrEqual(0);
    expect(result.lower.every((v) => v >= 0)).toBe(true);
  });
});
