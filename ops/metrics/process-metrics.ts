import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/index.js';
import { cycleTime, fillRate, onTimeDelivery, returnRate } from './order-metrics.js';
import { readOrderFacts, readStockLevels, readUnitsSold } from './read.js';
import { inventoryTurnover, stockOutRate } from './stock-metrics.js';
import type { ProcessMetrics } from './types.js';
import { parseInput } from '../../core/validation.js';

/** Options of {@link processMetrics}. */
export interface ProcessMetricsOptions {
  db: Kysely<Database>;
  /** Start of the period, included: an ISO-8601 time or a `YYYY-MM-DD` date (midnight UTC). */
  from: string | Date;
  /** End of the period, excluded, in the same forms. */
  to: string | Date;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;
const TimeSchema = z.union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })]).transform((v) => new Date(v));

const PeriodSchema = z
  .object({ from: TimeSchema, to: TimeSchema })
  .refine((p) => !Number.isNaN(p.from.getTime()) && !Number.isNaN(p.to.getTime()), 'from and to must be valid times')
  .refine((p) => p.from < p.to, 'from must be before to')
  .refine((p) => p.to.getTime() - p.from.getTime() <= MAX_DAYS * DAY_MS, `the period may span at most ${MAX_DAYS} days`);

/**
 * Process metrics for orders placed in [from, to): cycle time, on-time delivery, fill rate,
 * stock-out rate, inventory turnover and return rate, each with its definition and counts.
 *
 * @remarks Order metrics take the cohort of orders *placed* in the period and look at what has
 * happened to them since, so recent periods show fewer deliveries and returns. Stock metrics
 * use proxies the schema forces; each `definition` says which.
 * @throws {@link InvalidInputError} when the period is malformed or empty.
 * @example
 * const m = await processMetrics({ db, from: '2026-10-01', to: '2026-11-01' });
 * m.onTimeDelivery.value; // 0.9
 */
export async function processMetrics(options: ProcessMetricsOptions): Promise<ProcessMetrics> {
  const period = parseInput(PeriodSchema, { from: options.from, to: options.to }, 'metrics period');
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  const orders = await readOrderFacts({ db: options.db, from, to });
  const levels = await readStockLevels(options.db);
  // sales_daily has whole days: count a day when it starts inside the period.
  const fromDate = dayCeil(period.from);
  const toDate = dayCeil(period.to);
  const unitsSold = await readUnitsSold({ db: options.db, fromDate, toDate });
  const days = Math.max(0, (Date.parse(toDate) - Date.parse(fromDate)) / DAY_MS);
  return {
    from,
    to,
    cycleTime: cycleTime(orders),
    onTimeDelivery: onTimeDelivery(orders),
    fillRate: fillRate(orders),
    stockOutRate: stockOutRate(levels),
    inventoryTurnover: inventoryTurnover({ unitsSold, unitsOnHand: levels.reduce((s, l) => s + l.onHand, 0), days }),
    returnRate: returnRate(orders),
  };
}

/** The first midnight (UTC) at or after `time`, as `YYYY-MM-DD`. */
function dayCeil(time: Date): string {
  return new Date(Math.ceil(time.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
