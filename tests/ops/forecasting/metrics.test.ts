import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { mase, smape } from '../../../ops/forecasting/index.js';

describe('M4 accuracy measures', () => {
  it('sMAPE: mean of 200·|y−ŷ|/(|y|+|ŷ|)', () => {
    // (200·1/3 + 200·1/9) / 2 = 44.444…
    expect(smape([2, 4], [1, 5])).toBeCloseTo(400 / 9, 10);
  });

  it('MASE scales by the in-sample (seasonal) naive MAE', () => {
    const history = [1, 3, 2, 4];
    // Lag 1: |3−1|, |2−3|, |4−2| → 5/3; forecast MAE 1 → 0.6.
    expect(mase({ history, actual: [2, 4], predicted: [1, 5], period: 1 })).toBeCloseTo(0.6, 10);
    // Lag 2: |2−1|, |4−3| → 1.
    expect(mase({ history, actual: [2, 4], predicted: [1, 5], period: 2 })).toBeCloseTo(1, 10);
  });

  it('rejects mismatched lengths and a history without scale', () => {
    expect(() => smape([1], [1, 2])).toThrow(InvalidInputError);
    expect(() => mase({ history: [2, 2, 2], actual: [1], predicted: [1], period: 1 })).toThrow(InvalidInputError);
  });
});
