import { InvalidInputError } from '../../core/errors.js';
import { meanAbsoluteLagDifference } from './stats.js';

function checkSameLength(actual: readonly number[], predicted: readonly number[]): void {
  if (actual.length === 0 || actual.length !== predicted.length) {
    throw new InvalidInputError(`actual and forecast must be non-empty and of equal length (${actual.length} vs ${predicted.length})`);
  }
}

/**
 * Symmetric MAPE in percent, as defined for M4: mean of 200·|y−ŷ|/(|y|+|ŷ|).
 *
 * @remarks A step where both are 0 counts as 0 error (M4 has no zeros; sales do).
 */
export function smape(actual: readonly number[], predicted: readonly number[]): number {
  checkSameLength(actual, predicted);
  let sum = 0;
  actual.forEach((y, i) => {
    const f = predicted[i] as number;
    const den = Math.abs(y) + Math.abs(f);
    sum += den === 0 ? 0 : (200 * Math.abs(y - f)) / den;
  });
  return sum / actual.length;
}

/**
 * Mean absolute scaled error, as defined for M4: the forecast MAE divided by the in-sample MAE of
 * the seasonal naive forecast with period `period` (1 for non-seasonal).
 *
 * @throws {@link InvalidInputError} when the history is no longer than `period` or constant (no scale).
 */
export function mase(options: { history: readonly number[]; actual: readonly number[]; predicted: readonly number[]; period: number }): number {
  checkSameLength(options.actual, options.predicted);
  const scale = meanAbsoluteLagDifference(options.history, Math.max(1, options.period));
  if (!(scale > 0)) throw new InvalidInputError('MASE is undefined: the in-sample seasonal naive error is 0 or the history too short');
  let sum = 0;
  options.actual.forEach((y, i) => {
    sum += Math.abs(y - (options.predicted[i] as number));
  });
  return sum / options.actual.length / scale;
}
