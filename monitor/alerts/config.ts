import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { parseInput } from '../../core/validation.js';
import { SENTIMENT_BANDS } from '../logs/filter.js';
import type { AlertRuleName } from './types.js';

const MINUTES_PER_YEAR = 525_600;
const minutes = (fallback: number) => z.number().int().min(1).max(MINUTES_PER_YEAR).default(fallback);
const count = (fallback: number) => z.number().int().min(1).max(1_000_000).default(fallback);
const share = (fallback: number) => z.number().min(0).max(1).default(fallback);
const listed = (fallback: number) => z.number().int().min(1).max(50).default(fallback);

/** Settings every rule has: whether it runs, how often the job runs it, and its cool-down. */
function ruleBase(defaults: { cooldownMinutes: number; everyMinutes: number }) {
  return {
    /** @defaultValue true */
    enabled: z.boolean().default(true),
    /** No second alert with the same key and severity within this many minutes of the last. */
    cooldownMinutes: minutes(defaults.cooldownMinutes),
    /** Interval of the repeatable job that runs the rule (see {@link alertSchedules}). */
    everyMinutes: minutes(defaults.everyMinutes),
  };
}

/**
 * Share of negative inbound messages in the last window against the share over the baseline before it.
 *
 * @remarks Fires when the share is at least `max(minRate, baselineRate × factor)` and the window holds
 * at least `minMessages` scored messages; critical from `criticalRate`. Unscored messages do not count.
 */
export const NegativeSentimentConfigSchema = z.strictObject({
  ...ruleBase({ cooldownMinutes: 60, everyMinutes: 5 }),
  /** @defaultValue 60 */
  windowMinutes: minutes(60),
  /** The baseline is the `baselineDays` before the window. @defaultValue 7 */
  baselineDays: z.number().int().min(1).max(365).default(7),
  /** A message is negative when its score is below this. @defaultValue -0.25 (the logs API's negative band) */
  negativeBelow: z.number().min(-1).max(1).default(SENTIMENT_BANDS.negativeBelow),
  /** @defaultValue 10 */
  minMessages: count(10),
  /** @defaultValue 0.3 */
  minRate: share(0.3),
  /** @defaultValue 2 */
  factor: z.number().min(1).max(100).default(2),
  /** @defaultValue 0.6 */
  criticalRate: share(0.6),
  /** Negative scores arriving within this many seconds share one run of the rule. @defaultValue 10 */
  debounceSeconds: z.number().min(0).max(3600).default(10),
});

/** Orders with an undelivered shipment whose promised date has passed: one digest a day. */
export const OverdueOrdersConfigSchema = z.strictObject({
  ...ruleBase({ cooldownMinutes: 1440, everyMinutes: 60 }),
  /** @defaultValue 1 */
  minOrders: count(1),
  /** @defaultValue 20 */
  criticalOrders: count(20),
  /** Orders named in the alert, most days late first. @defaultValue 5 */
  listed: listed(5),
});

/** Stock whose available units (on hand − reserved) are below the reorder point: one alert per warehouse. */
export const LowStockConfigSchema = z.strictObject({
  ...ruleBase({ cooldownMinutes: 1440, everyMinutes: 60 }),
  /** Only these warehouse codes; all when absent. */
  warehouses: z.array(z.string().min(1).max(20)).min(1).max(100).optional(),
  /** @defaultValue 1 */
  minItems: count(1),
  /** SKUs named in the alert, most urgent first. @defaultValue 10 */
  listed: listed(10),
});

/**
 * Shipments still `label_created` or `in_transit` with no update for `staleAfterHours`.
 *
 * @remarks There is no tracking-event table: the last update is the later of the shipment's
 * `shipped_at` and the newest `order_status_history` row of its order.
 */
export const StaleTrackingConfigSchema = z.strictObject({
  ...ruleBase({ cooldownMinutes: 1440, everyMinutes: 60 }),
  /** @defaultValue 72 */
  staleAfterHours: z.number().int().min(1).max(8760).default(72),
  /** @defaultValue ['label_created', 'in_transit'] */
  statuses: z.array(z.enum(['label_created', 'in_transit', 'delayed', 'out_for_delivery'])).min(1).default(['label_created', 'in_transit']),
  /** @defaultValue 1 */
  minShipments: count(1),
  /** @defaultValue 20 */
  criticalShipments: count(20),
  /** @defaultValue 5 */
  listed: listed(5),
});

/**
 * Cancellations per order placed in the last window against the same ratio over the baseline before it.
 *
 * @remarks Fires when the ratio is at least `max(minRate, baselineRate × factor)` with at least
 * `minCancellations` cancellations and `minOrders` orders placed in the window.
 */
export const CancellationRateConfigSchema = z.strictObject({
  ...ruleBase({ cooldownMinutes: 360, everyMinutes: 30 }),
  /** @defaultValue 24 */
  windowHours: z.number().int().min(1).max(720).default(24),
  /** @defaultValue 28 */
  baselineDays: z.number().int().min(1).max(365).default(28),
  /** @defaultValue 5 */
  minCancellations: count(5),
  /** @defaultValue 20 */
  minOrders: count(20),
  /** @defaultValue 0.05 */
  minRate: share(0.05),
  /** @defaultValue 2 */
  factor: z.number().min(1).max(100).default(2),
  /** @defaultValue 0.25 */
  criticalRate: share(0.25),
});

/**
 * Rules and thresholds of the alerts, keyed by rule name; every field has a default, so `{}` is valid.
 *
 * @example
 * AlertsConfigSchema.parse({ low_stock: { warehouses: ['LDS'] }, negative_sentiment: { minMessages: 20 } });
 */
export const AlertsConfigSchema = z.strictObject({
  negative_sentiment: NegativeSentimentConfigSchema.prefault({}),
  overdue_orders: OverdueOrdersConfigSchema.prefault({}),
  low_stock: LowStockConfigSchema.prefault({}),
  stale_tracking: StaleTrackingConfigSchema.prefault({}),
  cancellation_rate: CancellationRateConfigSchema.prefault({}),
});

export type AlertsConfig = z.output<typeof AlertsConfigSchema>;
export type AlertsConfigInput = z.input<typeof AlertsConfigSchema>;
export type NegativeSentimentConfig = AlertsConfig['negative_sentiment'];
export type OverdueOrdersConfig = AlertsConfig['overdue_orders'];
export type LowStockConfig = AlertsConfig['low_stock'];
export type StaleTrackingConfig = AlertsConfig['stale_tracking'];
export type CancellationRateConfig = AlertsConfig['cancellation_rate'];

/**
 * The alerts config from a JSON string (an environment variable), an object, or nothing (all defaults).
 *
 * @throws {@link InvalidInputError} naming the bad fields, or when the string is not JSON.
 * @example
 * const config = parseAlertsConfig(process.env.ALERT_RULES); // in server/config.ts only
 */
export function parseAlertsConfig(input?: string | AlertsConfigInput | null): AlertsConfig {
  if (input === undefined || input === null || input === '') return AlertsConfigSchema.parse({});
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new InvalidInputError('alert rules config is not valid JSON');
    }
  }
  return parseInput(AlertsConfigSchema, value, 'alert rules config');
}

/** One repeatable job run per enabled rule. */
export interface AlertSchedule {
  rule: AlertRuleName;
  everyMs: number;
}

/**
 * The schedules a job queue should repeat: every enabled rule at its `everyMinutes`.
 *
 * @example
 * for (const { rule, everyMs } of alertSchedules(config)) await jobs.repeat('alert-rule', { rule }, { everyMs, key: rule });
 */
export function alertSchedules(config: AlertsConfig): AlertSchedule[] {
  return (Object.keys(config) as AlertRuleName[])
    .filter((rule) => config[rule].enabled)
    .map((rule) => ({ rule, everyMs: config[rule].everyMinutes * 60_000 }));
}
