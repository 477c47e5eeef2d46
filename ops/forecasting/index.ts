/**
 * Demand forecasting per SKU and warehouse from sales history: exponential smoothing (ETS),
 * Theta, Croston/SBA/TSB, naive baselines, an automatic choice by rolling-origin validation, and
 * prediction intervals. Pure functions over number arrays; no database, no randomness.
 */
export { forecast } from './forecast.js';
export { ForecastOptionsSchema, MAX_SERIES_LENGTH, type ForecastOptions } from './options.js';
export { METHOD_NAMES, STRATEGY_NAMES, type ForecastResult, type MethodName, type Strategy } from './types.js';
export { aggregateDailyToWeekly, type AggregateOptions } from './aggregate.js';
export { forecastDemand, type DemandForecastOptions } from './demand.js';
export { mase, smape } from './metrics.js';
export { naive2Forecast, naiveForecast, seasonalNaiveForecast } from './baselines.js';
export { thetaForecast } from './theta.js';
export { crostonForecast, sbaForecast, tsbForecast, type IntermittentOptions } from './intermittent.js';
export { aicc, fitEts, forecastEts, type EtsFit, type EtsSpec, type SeasonKind, type TrendKind } from './ets.js';
export { isSeasonal, multiplicativeIndices } from './seasonality.js';
