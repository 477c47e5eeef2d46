import type { Kysely } from 'kysely';
import type { ReplyTable } from '../../core/table.js';
import type { Database } from '../../store/schema.js';

/** The alert rules, by the name stored in `alerts.rule` and used in config, jobs and logs. */
export const ALERT_RULES = ['negative_sentiment', 'overdue_orders', 'low_stock', 'stale_tracking', 'cancellation_rate'] as const;
export type AlertRuleName = (typeof ALERT_RULES)[number];

export function isAlertRuleName(value: string): value is AlertRuleName {
  return (ALERT_RULES as readonly string[]).includes(value);
}

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Severities in rising order: an alert may break through a cool-down only by rising in this list. */
export const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { info: 0, warning: 1, critical: 2 };

/**
 * What a rule reports before deduplication.
 *
 * @remarks `key` says what the alert is about (a warehouse code, a day): the engine raises at
 * most one alert per `(rule, key)` and severity within the rule's cool-down.
 */
export interface CandidateAlert {
  rule: AlertRuleName;
  key: string;
  severity: AlertSeverity;
  title: string;
  /** One or two sentences with the numbers, readable on any channel. */
  detail: string;
  /** The numbers behind the alert, stored as JSON. */
  data: Record<string, unknown>;
  /** The worst few items, for channels that draw tables; the detail says the same in words. */
  table?: ReplyTable;
}

/** An alert as stored and delivered. */
export interface Alert extends CandidateAlert {
  id: number;
  /** ISO-8601 UTC. */
  raisedAt: string;
  /** The channels it reached: `monitor`, `teams`, `slack`. */
  deliveredTo: string[];
}

/** What every rule's reader gets. */
export interface RuleContext<C> {
  db: Kysely<Database>;
  now: Date;
  config: C;
  signal?: AbortSignal;
}

/**
 * One alert rule: reads what it needs, then a pure function turns that into candidates.
 *
 * @remarks Readers are small Kysely queries, portable between SQLite and PostgreSQL; the pure
 * part is exported separately by each rule so thresholds can be tested without a database.
 */
export interface AlertRule<C> {
  readonly name: AlertRuleName;
  evaluate(context: RuleContext<C>): Promise<CandidateAlert[]>;
}
