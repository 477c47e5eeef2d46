import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { forecastErrorSigma, inverseNormalCdf, normalCdf, stockPolicy } from '../../../ops/purchasing/index.js';

describe('inverseNormalCdf', () => {
  it.each([
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.02, -2.053748910631823],
    [1e-10, -6.361340902404056],
  ])('z(%s) = %s', (p, z) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(z, 12);
  });

  it('round-trips through the normal CDF', () => {
    for (const p of [1e-6, 0.01, 0.3, 0.7, 0.9, 0.9999]) expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 14);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => inverseNormalCdf(1)).toThrow(InvalidInputError);
    expect(() => inverseNormalCdf(0)).toThrow(InvalidInputError);
  });
});

describe('stockPolicy', () => {
  it('matches the hand-worked example: 20/day, σ 5, 7 days, 95%', () => {
    // z ≈ 1.645; SS = 1.645 × 5 × √7 ≈ 21.76 → 22; ROP = 20 × 7 + 22 = 162.
    const policy = stockPolicy({ demand: 20, forecastErrorSigma: 5, leadTimeDays: 7, serviceLevel: 0.95, reviewPeriodDays: 0 });
    expect(policy.z).toBeCloseTo(1.645, 3);
    expect(policy.safetyStockExact).toBeCloseTo(21.76, 2);
    expect(policy.safetyStock).toBe(22);
    expect(policy.leadTimeDemand).toBe(140);
    expect(policy.reorderPoint).toBe(162);
    expect(policy.orderUpTo).toBe(162);
  });

  it('covers the review period in the order-up-to level', () => {
    // 14 days: 280 + ⌈1.645 × 5 × √14 = 30.77⌉ = 311.
    expect(stockPolicy({ demand: 20, forecastErrorSigma: 5, leadTimeDays: 7, serviceLevel: 0.95, reviewPeriodDays: 7 }).orderUpTo).toBe(311);
  });

  it('adds lead-time variability', () => {
    // SS = 1.645 × √(7 × 25 + 400 × 4) = 1.645 × √1775 ≈ 69.30 → 70.
    const policy = stockPolicy({ demand: 20, forecastErrorSigma: 5, leadTimeDays: 7, leadTimeSigmaDays: 2, serviceLevel: 0.95 });
    expect(policy.safetyStock).toBe(70);
    expect(policy.reorderPoint).toBe(210);
  });

  it('sums a daily forecast over the lead time', () => {
    const policy = stockPolicy({ demand: [10, 10, 30, 30], forecastErrorSigma: 0, leadTimeDays: 3, serviceLevel: 0.5 });
    expect(policy.leadTimeDemand).toBe(50);
    expect(policy.reorderPoint).toBe(50);
  });

  it('explains a bad service level', () => {
    expect(() => stockPolicy({ demand: 1, forecastErrorSigma: 1, leadTimeDays: 7, serviceLevel: 1 })).toThrow(/serviceLevel: must be at most 0.9999/);
  });
});

describe('forecastErrorSigma', () => {
  it('is the root mean square of the errors', () => expect(forecastErrorSigma([3, -4, 0, 5])).toBeCloseTo(Math.sqrt(50 / 4), 12));
  it('refuses an empty list', () => expect(() => forecastErrorSigma([])).toThrow(InvalidInputError));
});
