import { z } from 'zod';
import { DemandForecastSchema } from '../inventory/index.js';
import type { DemandForecast } from '../inventory/index.js';
import { inverseNormalCdf } from './normal.js';
import { parseInput } from '../../core/validation.js';

/** What a stock policy is computed from. */
export interface StockPolicyInput {
  /** Expected demand: an average per day, or a value per day starting today. */
  demand: DemandForecast;
  /** σ of the daily forecast error, in units per day (see {@link forecastErrorSigma}). */
  forecastErrorSigma: number;
  /** Mean supplier lead time in days. */
  leadTimeDays: number;
  /**
   * σ of the lead time in days, when deliveries are irregular.
   * @defaultValue 0
   */
  leadTimeSigmaDays?: number;
  /** Target cycle service level: the chance of not running out before a delivery, e.g. 0.95. */
  serviceLevel: number;
  /**
   * Days between purchasing runs; the order-up-to level covers lead time plus this.
   * @defaultValue 7
   */
  reviewPeriodDays?: number;
}

/** Safety stock, reorder point and order-up-to level, in whole units, with the figures behind them. */
export interface StockPolicy {
  serviceLevel: number;
  /** Normal quantile of the service level. */
  z: number;
  meanDailyDemand: number;
  forecastErrorSigma: number;
  leadTimeDays: number;
  leadTimeSigmaDays: number;
  reviewPeriodDays: number;
  /** Expected demand over the lead time (not rounded). */
  leadTimeDemand: number;
  /** `z · √(L·σₑ² + d̄²·σ_L²)` before rounding up. */
  safetyStockExact: number;
  /** Safety stock rounded up to whole units. */
  safetyStock: number;
  /** `⌈lead-time demand⌉ + safety stock`: order when the position is at or below this. */
  reorderPoint: number;
  /** Same rule over lead time plus review period: the position an order tops up to. */
  orderUpTo: number;
}

export const StockPolicyInputSchema = z.object({
  demand: DemandForecastSchema,
  forecastErrorSigma: z.number().finite().nonnegative('must not be negative'),
  leadTimeDays: z.number().finite().positive('must be more than 0 days').max(365),
  leadTimeSigmaDays: z.number().finite().nonnegative('must not be negative').max(365).default(0),
  serviceLevel: z.number().min(0.5, 'must be at least 0.5 (50%)').max(0.9999, 'must be at most 0.9999 (99.99%)'),
  reviewPeriodDays: z.number().finite().nonnegative('must not be negative').max(365).default(7),
});

/**
 * Safety stock, reorder point and order-up-to level for one SKU.
 *
 * @remarks Demand over the protection interval is normal with variance `L·σₑ² + d̄²·σ_L²`
 * (forecast error per day, independent across days, plus lead-time variability), so
 * `SS = z·√(L·σₑ² + d̄²·σ_L²)` and `ROP = lead-time demand + SS`. Units are rounded up, so the
 * service level is met rather than nearly met.
 * @throws {@link InvalidInputError} when an input is out of range.
 * @example
 * stockPolicy({ demand: 20, forecastErrorSigma: 5, leadTimeDays: 7, serviceLevel: 0.95, reviewPeriodDays: 0 });
 * // { z: 1.645, safetyStock: 22, reorderPoint: 162, orderUpTo: 162, ... }
 */
export function stockPolicy(input: StockPolicyInput): StockPolicy {
  const p = parseInput(StockPolicyInputSchema, input, 'stock policy input');
  const z = inverseNormalCdf(p.serviceLevel);
  const mean = meanOf(p.demand);
  const protect = (days: number) => {
    const demand = demandOver(p.demand, days);
    const exact = z * Math.sqrt(days * p.forecastErrorSigma ** 2 + mean ** 2 * p.leadTimeSigmaDays ** 2);
    return { demand, exact, level: ceilUnits(demand) + ceilUnits(exact) };
  };
  const lead = protect(p.leadTimeDays);
  const upTo = protect(p.leadTimeDays + p.reviewPeriodDays);
  return {
    serviceLevel: p.serviceLevel,
    z,
    meanDailyDemand: mean,
    forecastErrorSigma: p.forecastErrorSigma,
    leadTimeDays: p.leadTimeDays,
    leadTimeSigmaDays: p.leadTimeSigmaDays,
    reviewPeriodDays: p.reviewPeriodDays,
    leadTimeDemand: lead.demand,
    safetyStockExact: lead.exact,
    safetyStock: ceilUnits(lead.exact),
    reorderPoint: lead.level,
    orderUpTo: upTo.level,
  };
}

// Float noise (20 × 7.000000000000001) must not add a whole unit.
function ceilUnits(value: number): number {
  // `+ 0` turns the -0 that Math.ceil gives for tiny negatives into 0.
  return Math.ceil(value - 1e-9) + 0;
}

function meanOf(forecast: DemandForecast): number {
  return typeof forecast === 'number' ? forecast : forecast.reduce((s, v) => s + v, 0) / forecast.length;
}

/**
 * Expected units over the next `days` days (fractional days count in part).
 *
 * @remarks A daily forecast shorter than the interval is extended at its mean rate.
 */
export function demandOver(forecast: DemandForecast, days: number): number {
  if (typeof forecast === 'number') return forecast * days;
  let total = 0;
  for (let day = 0; day < Math.ceil(days); day += 1) {
    const share = Math.min(1, days - day);
    total += share * (forecast[day] ?? meanOf(forecast));
  }
  return total;
}

/**
 * σ of daily forecast errors (actual − forecast), as the root mean square.
 *
 * @remarks The root mean square, not the standard deviation around the mean error, so a
 * forecast that is biased low raises safety stock instead of hiding behind a small spread.
 * @throws {@link InvalidInputError} when there are no errors or one is not finite.
 */
export function forecastErrorSigma(errors: readonly number[]): number {
  const parsed = parseInput(z.array(z.number().finite()).min(1, 'at least one error is needed'), errors, 'forecast errors');
  return Math.sqrt(parsed.reduce((sum, e) => sum + e * e, 0) / parsed.length);
}
