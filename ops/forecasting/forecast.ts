import { InvalidInputError } from '../../core/errors.js';
import { chooseAutomatically, type AutoChoice } from './auto.js';
import { predictionBand } from './intervals.js';
import { getMethod } from './methods.js';
import { parseForecastInput, type ForecastOptions, type ResolvedForecastOptions } from './options.js';
import type { ForecastResult, MethodContext, MethodName } from './types.js';
import { validateCandidates } from './validation.js';

function runNamed(y: readonly number[], name: MethodName, options: ResolvedForecastOptions & MethodContext): AutoChoice {
  const method = getMethod(name);
  if (!method.applicable(y, options)) {
    throw new InvalidInputError(`method ${name} cannot run on ${y.length} values with seasonality ${options.period}`);
  }
  const run = validateCandidates(y, [name], options);
  const errors = run.candidates[0] === undefined ? [] : run.origins.map((_, k) => run.actuals[k]?.map((a, j) => a - (run.candidates[0]?.forecasts[k]?.[j] as number)) ?? []);
  return { members: [name], point: method.forecast(y, options), errors, reason: `method ${name} was asked for`, scores: {} };
}

/**
 * Forecasts one demand series (one SKU in one warehouse), with a prediction interval.
 *
 * @remarks Deterministic: the same history and options always give the same answer. Methods and
 * the automatic choice are described in `ops/forecasting/README.md`.
 * @throws {@link InvalidInputError} for an empty series, non-finite values, a horizon below 1,
 * or a method that cannot run on the history given.
 * @example
 * ```ts
 * const result = forecast(weeklyUnits, { horizon: 8, seasonality: 52, level: 0.8 });
 * result.point; result.lower; result.upper; result.method; result.reason;
 * ```
 */
export function forecast(series: readonly number[], options: ForecastOptions): ForecastResult {
  const input = parseForecastInput(series, options);
  const y = input.series;
  const resolved = { ...input.options, period: input.options.seasonality };
  const choice = resolved.method === 'auto' ? chooseAutomatically(y, resolved) : runNamed(y, resolved.method, resolved);
  const band = predictionBand({ point: choice.point, errors: choice.errors, history: y, level: resolved.level });
  const clamp = resolved.clampAtZero && y.every((v) => v >= 0);
  const floor = (v: number): number => (clamp ? Math.max(0, v) : v);
  const point = choice.point.map(floor);
  return {
    point,
    lower: band.lower.map((v, h) => Math.min(floor(v), point[h] as number)),
    upper: band.upper.map((v, h) => Math.max(v, point[h] as number)),
    level: resolved.level,
    method: choice.members.length === 1 ? (choice.members[0] as MethodName) : 'combination',
    members: choice.members,
    reason: choice.reason,
    scores: choice.scores,
  };
}
