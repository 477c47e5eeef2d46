import { performance } from 'node:perf_hooks';
import { forecast, mase, naive2Forecast, seasonalNaiveForecast, smape, thetaForecast, type ForecastResult } from '../../ops/forecasting/index.js';
import type { ForecastBenchArgs } from './args.js';
import type { BenchSeries } from './datasets.js';

/** Average accuracy of one system over a dataset. */
export interface SystemScore {
  system: string;
  smape: number;
  mase: number;
  /** Series left out of the MASE mean because their in-sample scale is 0. */
  maseSkipped: number;
  seconds: number;
  /** How often each method (or 'combination') was chosen; ours only. */
  chosen?: Record<string, number>;
  /** Share of actual values inside the 95% prediction interval; ours only. */
  coverage?: number;
}

type Forecaster = (series: BenchSeries) => number[] | ForecastResult;

function score(system: string, data: readonly BenchSeries[], run: Forecaster, period: number): SystemScore {
  const started = performance.now();
  const forecasts = data.map((series, i) => {
    if (i % 50 === 0) process.stderr.write(`\r${system}: ${i}/${data.length}`);
    return run(series);
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\r${system}: ${data.length}/${data.length} in ${seconds.toFixed(1)} s\n`);
  let smapeSum = 0;
  let maseSum = 0;
  let maseCount = 0;
  const chosen: Record<string, number> = {};
  let inside = 0;
  forecasts.forEach((f, i) => {
    const series = data[i] as BenchSeries;
    const point = Array.isArray(f) ? f : f.point;
    if (!Array.isArray(f)) {
      chosen[f.method] = (chosen[f.method] ?? 0) + 1;
      inside += series.actual.filter((y, h) => y >= (f.lower[h] as number) && y <= (f.upper[h] as number)).length;
    }
    smapeSum += smape(series.actual, point);
    try {
      maseSum += mase({ history: series.history, actual: series.actual, predicted: point, period });
      maseCount += 1;
    } catch {
      // A constant history has no MASE scale; M4 has none, other data may.
    }
  });
  return {
    system,
    smape: smapeSum / data.length,
    mase: maseSum / Math.max(1, maseCount),
    maseSkipped: data.length - maseCount,
    seconds,
    ...(Object.keys(chosen).length > 0 ? { chosen, coverage: inside / data.reduce((n, s) => n + s.actual.length, 0) } : {}),
  };
}

/** Scores our automatic method and the M4 reference baselines (computed here) on the same split. */
export function evaluateAll(data: readonly BenchSeries[], args: ForecastBenchArgs & { horizon: number; period: number }): SystemScore[] {
  const { horizon, period } = args;
  const ours: Forecaster = (s) =>
    forecast(s.history, {
      horizon,
      seasonality: args.seasonality,
      strategy: args.strategy,
      ...(args.combine === undefined ? {} : { combine: args.combine }),
      ...(args.origins === undefined ? {} : { origins: args.origins }),
    });
  return [
    score('ours', data, ours, period),
    score('theta', data, (s) => thetaForecast(s.history, { horizon, period }), period),
    score('naive2', data, (s) => naive2Forecast(s.history, { horizon, period }), period),
    score('snaive', data, (s) => seasonalNaiveForecast(s.history, { horizon, period }), period),
  ];
}
