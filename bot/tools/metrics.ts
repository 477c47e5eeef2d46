import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { processMetrics, type ProcessMetrics } from '../../ops/index.js';
import { metricsMessages, type DayPeriod } from '../messages/metrics.js';
import { ToolRegistry, type BotTool } from './registry.js';
import { STAFF_ROLES_FOR } from './staff-roles.js';

const DAY_MS = 86_400_000;
/** Days covered when the question names no period: the last 30 whole days. */
export const DEFAULT_METRICS_DAYS = 30;
/** Longest period, in days: a year, leap years included. */
export const MAX_METRICS_DAYS = 366;

/**
 * A metrics query, from the bot's arguments or `GET /api/ops/metrics?from=&to=&days=`.
 *
 * @remarks `from` and `to` are UTC days, both included. `days` is coerced from a query string
 * and counts back from `to` (or forward from `from` when only `from` is given). Giving all three
 * is ambiguous and refused; the defaults are resolved by {@link metricsPeriod}, which needs `now`.
 * @example
 * const args = MetricsQuerySchema.parse(req.query); // { from?: string, to?: string, days?: number }
 * const period = metricsPeriod(args, new Date());
 */
export const MetricsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** @defaultValue {@link DEFAULT_METRICS_DAYS} */
  days: z.coerce.number().int().min(1).max(365).optional(),
}).strict()
  .refine((q) => !(q.from && q.to && q.days !== undefined), 'give at most two of from, to and days')
  .refine((q) => !(q.from && q.to && q.from > q.to), 'from must be on or before to');

/** A metrics query after validation. */
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;

/** The resolved period: whole UTC days, both ends included, and the exclusive end `processMetrics` takes. */
export interface MetricsPeriod extends DayPeriod {
  /** The day after `to`, `YYYY-MM-DD`: the end `processMetrics` excludes. */
  end: string;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => isoDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);

/**
 * The period a metrics query means, relative to `now`.
 *
 * @remarks The default is the {@link DEFAULT_METRICS_DAYS} days up to yesterday, so no day is
 * partial. `to` defaults to yesterday (or `from + days − 1`) and is capped at today, because days
 * to come have no orders and would thin out the turnover; `from` defaults to `days` back from `to`.
 * @throws {@link InvalidInputError} when the period starts after it ends (for example `from` in
 * the future) or spans more than {@link MAX_METRICS_DAYS} days.
 * @example
 * metricsPeriod({}, new Date('2026-11-25T15:00:00Z')); // { from: '2026-10-26', to: '2026-11-24', days: 30, end: '2026-11-25' }
 */
export function metricsPeriod(args: MetricsQuery, now: Date): MetricsPeriod {
  const today = isoDay(now.getTime());
  const wanted = args.to ?? (args.from && args.days !== undefined ? addDays(args.from, args.days - 1) : addDays(today, -1));
  const to = wanted > today ? today : wanted;
  const from = args.from ?? addDays(to, 1 - (args.days ?? DEFAULT_METRICS_DAYS));
  if (from > to) throw new InvalidInputError(`the period ${from} to ${to} is empty: from must be on or before to, and not in the future`);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  if (days > MAX_METRICS_DAYS) throw new InvalidInputError(`the period may span at most ${MAX_METRICS_DAYS} days, got ${days}`);
  return { from, to, days, end: addDays(to, 1) };
}

/** The tool's data: the period and every metric with its counts. */
export interface MetricsReport {
  period: MetricsPeriod;
  metrics: ProcessMetrics;
}

/**
 * `process_metrics`: order cycle time, on-time delivery, fill rate, stock-out rate, inventory
 * turnover and return rate for orders placed in a period, as a table with the counts behind each.
 *
 * @remarks Read-only and staff-only. The reply states the proxies the schema forces (stock-out
 * rate and turnover read today's stock) as assumptions.
 */
export const processMetricsTool: BotTool<MetricsQuery, MetricsReport> = {
  name: 'process_metrics',
  description: 'Process metrics (cycle time, on-time delivery, fill rate, stock-out rate, turnover, return rate) for a period; default the last 30 days.',
  args: MetricsQuerySchema,
  roles: ['staff'],
  staffRoles: STAFF_ROLES_FOR.metrics,
  changesState: false,
  async run(ctx, args) {
    const period = metricsPeriod(args, ctx.now);
    const metrics = await processMetrics({ db: ctx.db, from: period.from, to: period.end });
    return { data: { period, metrics }, text: metricsMessages[ctx.language].metricsTable({ period, metrics }) };
  },
};

/**
 * Registers the metrics tools (`process_metrics`) on a registry.
 *
 * @remarks Staff-only and read-only; the registry refuses customers before the tool runs.
 */
export function registerMetricsTools(registry: ToolRegistry = new ToolRegistry()): ToolRegistry {
  return registry.register(processMetricsTool);
}
