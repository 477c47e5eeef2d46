import { InvalidInputError } from '../../core/errors.js';
import { naive2Forecast, naiveForecast, seasonalNaiveForecast } from './baselines.js';
import { aicc, fitEts, forecastEts, minimumLength, type EtsFit, type EtsSpec, type TrendKind } from './ets.js';
import { crostonForecast, sbaForecast, tsbForecast } from './intermittent.js';
import { seasonalAdjustment } from './seasonality.js';
import { thetaForecast } from './theta.js';
import type { Method, MethodContext, MethodName } from './types.js';

const always = (): boolean => true;

/**
 * Non-seasonal smoothing on the seasonally adjusted series, as the M4 benchmarks run SES, Holt
 * and Damped: seasonality is divided out (when the 90% test finds it) and multiplied back.
 */
function adjustedSmoothing(trend: TrendKind): Method['forecast'] {
  return (y, { horizon, period }) => {
    const adjustment = seasonalAdjustment(y, period);
    const fit = fitEts(adjustment.adjusted, { trend, season: 'none', period: 1 });
    return adjustment.reseasonalise(forecastEts(fit, horizon));
  };
}

function seasonalSpec(season: 'additive' | 'multiplicative', period: number): EtsSpec {
  return { trend: 'damped', season, period };
}

function holtWintersApplicable(season: 'additive' | 'multiplicative'): Method['applicable'] {
  return (y, { period }) =>
    period > 1 && y.length >= minimumLength(seasonalSpec(season, period)) && (season === 'additive' || y.every((v) => v > 0));
}

/** Fits every admissible ETS model and keeps the one with the smallest AICc. */
function etsByAicc(y: readonly number[], { horizon, period }: MethodContext): number[] {
  const specs: EtsSpec[] = (['none', 'additive', 'damped'] as const).map((trend) => ({ trend, season: 'none', period: 1 }));
  for (const season of ['additive', 'multiplicative'] as const) {
    if (!holtWintersApplicable(season)(y, { horizon, period })) continue;
    specs.push({ trend: 'none', season, period }, seasonalSpec(season, period));
  }
  let best: { fit: EtsFit; score: number } | undefined;
  for (const spec of specs) {
    if (y.length < minimumLength(spec)) continue;
    const fit = fitEts(y, spec);
    const score = aicc(fit);
    if (best === undefined || score < best.score) best = { fit, score };
  }
  return best === undefined ? naiveForecast(y, horizon) : forecastEts(best.fit, horizon);
}

/**
 * Holt-Winters with a damped trend: an undamped trend times a season extrapolates too boldly
 * for sales, so the seasonal variants are damped (φ is fitted, up to 0.98).
 */
function holtWinters(season: 'additive' | 'multiplicative'): Method['forecast'] {
  return (y, { horizon, period }) => {
    if (!holtWintersApplicable(season)(y, { horizon, period })) {
      throw new InvalidInputError(
        `holt-winters-${season} needs seasonality ≥ 2, at least ${minimumLength(seasonalSpec(season, Math.max(2, period)))} values` +
          (season === 'multiplicative' ? ' and strictly positive values' : ''),
      );
    }
    return forecastEts(fitEts(y, seasonalSpec(season, period)), horizon);
  };
}

const METHODS: Readonly<Record<MethodName, Method>> = {
  naive: { name: 'naive', applicable: always, forecast: (y, c) => naiveForecast(y, c.horizon) },
  'seasonal-naive': { name: 'seasonal-naive', applicable: (y, c) => c.period > 1 && y.length >= c.period, forecast: seasonalNaiveForecast },
  naive2: { name: 'naive2', applicable: always, forecast: naive2Forecast },
  ses: { name: 'ses', applicable: (y) => y.length >= 4, forecast: adjustedSmoothing('none') },
  holt: { name: 'holt', applicable: (y) => y.length >= 5, forecast: adjustedSmoothing('additive') },
  damped: { name: 'damped', applicable: (y) => y.length >= 5, forecast: adjustedSmoothing('damped') },
  'holt-winters-additive': { name: 'holt-winters-additive', applicable: holtWintersApplicable('additive'), forecast: holtWinters('additive') },
  'holt-winters-multiplicative': {
    name: 'holt-winters-multiplicative',
    applicable: holtWintersApplicable('multiplicative'),
    forecast: holtWinters('multiplicative'),
  },
  ets: { name: 'ets', applicable: (y) => y.length >= 4, forecast: etsByAicc },
  theta: { name: 'theta', applicable: (y) => y.length >= 4, forecast: thetaForecast },
  croston: { name: 'croston', applicable: always, forecast: (y, c) => crostonForecast(y, c) },
  sba: { name: 'sba', applicable: always, forecast: (y, c) => sbaForecast(y, c) },
  tsb: { name: 'tsb', applicable: always, forecast: (y, c) => tsbForecast(y, c) },
};

export function getMethod(name: MethodName): Method {
  return METHODS[name];
}
