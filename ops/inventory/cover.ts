import type { DemandForecast } from './types.js';

/** Mean units per day of a forecast. */
export function meanDailyDemand(forecast: DemandForecast): number {
  if (typeof forecast === 'number') return forecast;
  return forecast.reduce((sum, value) => sum + value, 0) / forecast.length;
}

/**
 * How many days `available` units last at the forecast demand, or `null` when demand is zero.
 *
 * @remarks With a daily forecast the units are used up day by day, so a busy weekend ahead
 * shortens cover; the last day counts fractionally. Stock that outlasts the forecast horizon
 * is extrapolated at the forecast's mean rate. `null` (rather than `Infinity`) survives JSON.
 * @example
 * daysOfCover(30, 10); // 3
 * daysOfCover(30, [5, 20, 10, 10]); // 2.5
 */
export function daysOfCover(available: number, forecast: DemandForecast): number | null {
  if (available <= 0) return 0;
  if (typeof forecast === 'number') return forecast > 0 ? available / forecast : null;
  let remaining = available;
  for (const [day, demand] of forecast.entries()) {
    if (demand > 0 && remaining < demand) return day + remaining / demand;
    remaining -= demand;
  }
  const mean = meanDailyDemand(forecast);
  return mean > 0 ? forecast.length + remaining / mean : null;
}
