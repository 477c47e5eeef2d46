import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/random.js';
import { forecast, isSeasonal } from '../../../ops/forecasting/index.js';
import { nelderMead } from '../../../ops/forecasting/nelder-mead.js';
import { originsFor } from '../../../ops/forecasting/validation.js';

function noisySeasonal(n: number, seed: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, t) => 100 + 0.3 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + (random() - 0.5) * 6);
}

describe('rolling-origin validation', () => {
  it('cuts non-overlapping windows from the end, latest first', () => {
    expect(originsFor(100, 10)).toEqual([90, 80, 70]);
    expect(originsFor(100, 10, { origins: 2, step: 5 })).toEqual([90, 85]);
  });

  it('keeps only origins that leave enough training data', () => {
    expect(originsFor(20, 6)).toEqual([14, 8]);
    expect(originsFor(10, 6)).toEqual([]);
  });
});

describe('automatic choice', () => {
  it('combines the two best smoothers on a long history and explains why', () => {
    const result = forecast(noisySeasonal(144, 3), { horizon: 12, seasonality: 12 });
    expect(result.method).toBe('combination');
    expect(result.members).toHaveLength(2);
    expect(result.reason).toMatch(/4 origin\(s\) of 12 steps, mean of the best 2/);
    expect(result.scores).not.toHaveProperty('naive');
  });

  it('takes the median of five on a short history', () => {
    const result = forecast(noisySeasonal(60, 4), { horizon: 12, seasonality: 12 });
    expect(result.members).toHaveLength(5);
    expect(result.reason).toMatch(/1 origin\(s\).*median of the best 5/);
  });

  it("strategy 'best' returns the single best-validated method", () => {
    const result = forecast(noisySeasonal(144, 5), { horizon: 12, seasonality: 12, strategy: 'best' });
    const [best] = Object.entries(result.scores).sort((a, b) => (a[1] as number) - (b[1] as number));
    expect(result.method).toBe(best?.[0]);
  });
});

describe('building blocks', () => {
  it('the 90% test finds a 12-month cycle and none in noise', () => {
    const random = createRandom(9);
    expect(isSeasonal(noisySeasonal(72, 1), 12)).toBe(true);
    expect(isSeasonal(Array.from({ length: 72 }, () => 50 + random()), 12)).toBe(false);
  });

  it('Nelder–Mead finds the minimum of a shifted quadratic', () => {
    const { point } = nelderMead((x) => ((x[0] as number) - 1) ** 2 + 3 * ((x[1] as number) + 2) ** 2, [0, 0], { maxEvaluations: 500, tolerance: 1e-12 });
    expect(point[0]).toBeCloseTo(1, 3);
    expect(point[1]).toBeCloseTo(-2, 3);
  });
});
