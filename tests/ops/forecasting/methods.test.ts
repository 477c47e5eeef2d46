import { describe, expect, it } from 'vitest';
import {
  fitEts,
  forecast,
  forecastEts,
  naive2Forecast,
  seasonalNaiveForecast,
  thetaForecast,
} from '../../../ops/forecasting/index.js';

const linear = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
const monthly = Array.from({ length: 60 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12));
const weekPattern = [0.8, 0.9, 1, 1, 1.1, 1.3, 0.9];
const daily = Array.from({ length: 70 }, (_, t) => 50 * (weekPattern[t % 7] as number));

describe('constant series', () => {
  const flat = new Array<number>(30).fill(5);
  it.each(['naive', 'seasonal-naive', 'naive2', 'ses', 'holt', 'damped', 'theta', 'ets', 'auto'] as const)('%s forecasts the constant', (method) => {
    const result = forecast(flat, { horizon: 6, seasonality: 7, method });
    for (const v of result.point) expect(v).toBeCloseTo(5, 6);
  });
});

describe('linear trend', () => {
  it('Holt extrapolates the line', () => {
    const result = forecast(linear, { horizon: 5, method: 'holt' });
    result.point.forEach((v, h) => expect(v).toBeCloseTo(10 + 2 * (30 + h), 3));
  });

  it('Theta extrapolates half the slope from the last value (SES α → 1 plus drift b/2)', () => {
    // Hand-checked: SES on an exact line fits α = 1, so the forecast is y_n + (b/2)·h.
    const point = thetaForecast(linear, { horizon: 4, period: 1 });
    point.forEach((v, h) => expect(v).toBeCloseTo(68 + 1 * (h + 1), 2));
  });

  it('auto follows the trend closely on a long history', () => {
    const long = Array.from({ length: 60 }, (_, t) => 10 + 2 * t);
    const result = forecast(long, { horizon: 5 });
    result.point.forEach((v, h) => expect(Math.abs(v - (10 + 2 * (60 + h)))).toBeLessThan(0.5));
  });
});

describe('seasonal series', () => {
  it('additive Holt-Winters captures a period-12 cycle', () => {
    const result = forecast(monthly, { horizon: 12, seasonality: 12, method: 'holt-winters-additive' });
    result.point.forEach((v, h) => expect(Math.abs(v - (100 + 10 * Math.sin((2 * Math.PI * (60 + h)) / 12)))).toBeLessThan(0.5));
  });

  it('multiplicative Holt-Winters captures a period-7 cycle', () => {
    const result = forecast(daily, { horizon: 14, seasonality: 7, method: 'holt-winters-multiplicative' });
    result.point.forEach((v, h) => expect(v).toBeCloseTo(50 * (weekPattern[(70 + h) % 7] as number), 1));
  });

  it('seasonal naive repeats the last cycle', () => {
    expect(seasonalNaiveForecast(daily, { horizon: 9, period: 7 })).toEqual([...daily.slice(63), ...daily.slice(63, 65)]);
  });

  it('Naive2 reseasonalises the last adjusted value', () => {
    const point = naive2Forecast(daily, { horizon: 7, period: 7 });
    point.forEach((v, h) => expect(v).toBeCloseTo(50 * (weekPattern[(70 + h) % 7] as number), 6));
  });

  it('auto picks seasonal structure', () => {
    const result = forecast(daily, { horizon: 7, seasonality: 7 });
    result.point.forEach((v, h) => expect(v).toBeCloseTo(50 * (weekPattern[(70 + h) % 7] as number), 0));
  });

  it('ETS by AICc fits the seasonal model', () => {
    const fit = fitEts(monthly, { trend: 'none', season: 'additive', period: 12 });
    expect(fit.sse).toBeLessThan(1);
    expect(forecastEts(fit, 1)[0]).toBeCloseTo(100, 0);
  });
});

describe('determinism', () => {
  it('gives the same answer twice', () => {
    const series = monthly.map((v, t) => v + ((t * 7919) % 13));
    expect(forecast(series, { horizon: 18, seasonality: 12 })).toEqual(forecast(series, { horizon: 18, seasonality: 12 }));
  });
});
