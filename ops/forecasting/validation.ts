import { getMethod } from './methods.js';
import { meanAbsoluteLagDifference } from './stats.js';
import type { MethodContext, MethodName } from './types.js';

/** Where rolling-origin validation cuts the history. */
export interface RollingOriginOptions {
  /** How many forecast origins to try. @defaultValue 3 */
  origins?: number;
  /** Periods between consecutive origins. @defaultValue the horizon (windows do not overlap) */
  step?: number;
  /** Fewest training values an origin must leave. @defaultValue 8 */
  minTrain?: number;
}

/** One candidate's forecasts at every origin and what they missed by. */
export interface CandidateValidation {
  name: MethodName;
  /** forecasts[k][j]: step j+1 ahead from origin k. */
  forecasts: number[][];
  /** Mean absolute error over all origins and steps, divided by the in-sample naive MAE. */
  score: number;
}

export interface ValidationRun {
  /** Training lengths, latest origin first. */
  origins: number[];
  /** actuals[k][j]: the value the forecasts[k][j] of every candidate aimed at. */
  actuals: number[][];
  candidates: CandidateValidation[];
}

/** Training lengths for rolling-origin validation, latest first; empty when the series is too short. */
export function originsFor(n: number, horizon: number, options: RollingOriginOptions = {}): number[] {
  const count = options.origins ?? 3;
  const step = Math.max(1, options.step ?? horizon);
  const minTrain = options.minTrain ?? 8;
  const out: number[] = [];
  for (let k = 0; k < count; k += 1) {
    const end = n - horizon - k * step;
    if (end < minTrain) break;
    out.push(end);
  }
  return out;
}

/** Scaled absolute error of one set of forecasts against the actuals. */
export function scaledError(forecasts: readonly (readonly number[])[], actuals: readonly (readonly number[])[], scale: number): number {
  let sum = 0;
  let count = 0;
  forecasts.forEach((row, k) =>
    row.forEach((f, j) => {
      sum += Math.abs((actuals[k]?.[j] as number) - f);
      count += 1;
    }),
  );
  return count === 0 ? Number.POSITIVE_INFINITY : sum / count / scale;
}

/**
 * Forecasts from several past origins with every candidate that can run at the earliest origin.
 *
 * @remarks Errors are scaled by the in-sample naive MAE so scores read like MASE and compare across
 * series; within one series only their order matters.
 */
export function validateCandidates(
  y: readonly number[],
  names: readonly MethodName[],
  context: MethodContext & RollingOriginOptions,
): ValidationRun {
  const origins = originsFor(y.length, context.horizon, context);
  const actuals = origins.map((end) => y.slice(end, end + context.horizon));
  const scale = meanAbsoluteLagDifference(y, 1) || 1;
  const shortest = origins.length === 0 ? [] : y.slice(0, origins[origins.length - 1]);
  const candidates: CandidateValidation[] = [];
  for (const name of names) {
    const method = getMethod(name);
    if (origins.length === 0 || !method.applicable(shortest, context)) continue;
    const forecasts = origins.map((end) => method.forecast(y.slice(0, end), context));
    if (forecasts.some((row) => row.some((v) => !Number.isFinite(v)))) continue;
    candidates.push({ name, forecasts, score: scaledError(forecasts, actuals, scale) });
  }
  candidates.sort((a, b) => a.score - b.score);
  return { origins, actuals, candidates };
}
