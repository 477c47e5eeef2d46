import type { Kysely } from 'kysely';
import { DependencyError, InvalidInputError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Notifier } from '../../core/table.js';
import { systemClock, type Clock } from '../../core/tools.js';
import type { Database } from '../../store/schema.js';
import { coveredByRecentAlert, insertAlert, markDelivered } from './alert-store.js';
import type { AlertsConfig } from './config.js';
import { deliverAlert } from './delivery.js';
import { cancellationRateRule } from './rules/cancellation-rate.js';
import { lowStockRule, type LowStockSource } from './rules/low-stock.js';
import { negativeSentimentRule } from './rules/negative-sentiment.js';
import { overdueOrdersRule } from './rules/overdue-orders.js';
import { staleTrackingRule } from './rules/stale-tracking.js';
import { ALERT_RULES, isAlertRuleName, type Alert, type AlertRule, type AlertRuleName, type CandidateAlert } from './types.js';

/** Options of {@link AlertEngine}. */
export interface AlertEngineOptions {
  db: Kysely<Database>;
  /** Parsed with `parseAlertsConfig`. */
  config: AlertsConfig;
  /** Stock below its reorder point, most urgent first: `ops/inventory`'s `listLowStock`, passed in by the composition root. */
  lowStock: LowStockSource;
  /** Staff channels (Teams, Slack) alerts go to. @defaultValue none */
  notifiers?: readonly Notifier[];
  /** The monitor live stream. */
  publish?: (alert: Alert) => void;
  /** @defaultValue the system clock */
  clock?: Clock;
  logger: Logger;
  /** A notifier still sending after this long is given up on. @defaultValue 15000 */
  notifyTimeoutMs?: number;
}

/** What one run of one rule did. */
export interface RuleRun {
  rule: AlertRuleName;
  /** `false` when the rule is disabled in config. */
  ran: boolean;
  /** Alerts the rule found, before deduplication. */
  candidates: number;
  /** Alerts stored and delivered in this run. */
  raised: Alert[];
  /** Candidates covered by an alert within the cool-down. */
  suppressed: number;
  /** Set by {@link AlertEngine.runAll} when the rule failed (it is logged; the other rules still run). */
  error?: string;
}

/**
 * Runs the alert rules: evaluates, deduplicates within each rule's cool-down, stores, and delivers
 * to the monitor stream and every staff notifier.
 *
 * @remarks Meant to be driven by a repeatable job (one per rule, see `alertSchedules`) and by events
 * ({@link AlertEngine.onSentimentScored}). Runs of the same rule are serialised within one engine, so
 * the check-then-store deduplication cannot race with itself; run the alert jobs on one worker
 * (a concurrency of 1) so that several processes do not race either. Delivery is best effort: the
 * alert is stored first, and `delivered_to` records the channels that took it.
 *
 * @example
 * const alerts = new AlertEngine({ db, config: parseAlertsConfig(env.ALERT_RULES), lowStock, notifiers, publish, logger });
 * await alerts.runRule('overdue_orders');
 */
export class AlertEngine {
  private readonly options: AlertEngineOptions;
  private readonly clock: Clock;
  private readonly rules: { [N in AlertRuleName]: AlertRule<AlertsConfig[N]> };
  private readonly chains = new Map<AlertRuleName, Promise<unknown>>();
  private sentimentTimer: NodeJS.Timeout | undefined;
  private sentimentRun: Promise<RuleRun | null> | null = null;

  constructor(options: AlertEngineOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.rules = {
      negative_sentiment: negativeSentimentRule,
      overdue_orders: overdueOrdersRule,
      low_stock: lowStockRule(options.lowStock),
      stale_tracking: staleTrackingRule,
      cancellation_rate: cancellationRateRule,
    };
  }

  /**
   * Runs one rule now; resolves with what it raised.
   *
   * @throws {@link DependencyError} when the rule cannot read its data or the alert cannot be stored.
   */
  runRule(name: AlertRuleName, options: { signal?: AbortSignal } = {}): Promise<RuleRun> {
    const previous = this.chains.get(name) ?? Promise.resolve();
    const run = previous.then(() => this.execute(name, options.signal));
    const tail = run.then(noop, noop);
    this.chains.set(name, tail);
    void tail.then(() => { if (this.chains.get(name) === tail) this.chains.delete(name); });
    return run;
  }

  /** Runs every enabled rule in turn; a failing rule is logged and reported in its {@link RuleRun}, not thrown. */
  async runAll(options: { signal?: AbortSignal } = {}): Promise<RuleRun[]> {
    const runs: RuleRun[] = [];
    for (const rule of ALERT_RULES) {
      options.signal?.throwIfAborted();
      try {
        runs.push(await this.runRule(rule, options));
      } catch (error) {
        this.options.logger.error({ err: error, rule }, 'alert rule failed');
        runs.push({ rule, ran: true, candidates: 0, raised: [], suppressed: 0, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return runs;
  }

  /**
   * The job entry point: runs the rule named `rule`, or every rule; resolves with how many alerts were raised.
   *
   * @remarks With every rule, the failing ones are logged and the others still run; then it throws
   * so the job is retried (deduplication keeps the retry from raising anything twice).
   * @throws {@link InvalidInputError} for an unknown rule name; {@link DependencyError} when a rule failed.
   * @example
   * const runAlertRules = (rule?: string) => alerts.run(rule);
   */
  async run(rule?: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    if (rule !== undefined) {
      if (!isAlertRuleName(rule)) throw new InvalidInputError(`unknown alert rule: ${rule}`, { known: [...ALERT_RULES] });
      return (await this.runRule(rule, options)).raised.length;
    }
    const runs = await this.runAll(options);
    const failed = runs.filter((r) => r.error !== undefined).map((r) => r.rule);
    if (failed.length > 0) throw new DependencyError(`alert rules failed: ${failed.join(', ')}`);
    return runs.reduce((sum, r) => sum + r.raised.length, 0);
  }

  /**
   * Call when a customer message has been scored: a negative score schedules the negative-sentiment
   * rule after `debounceSeconds`; scores arriving meanwhile share that run.
   *
   * @returns The shared run (`null` if it failed, which is logged), or `null` at once for a score that is not negative.
   */
  onSentimentScored(event: { score: number }): Promise<RuleRun | null> {
    const config = this.options.config.negative_sentiment;
    if (!config.enabled || !(event.score < config.negativeBelow)) return Promise.resolve(null);
    if (this.sentimentRun) return this.sentimentRun;
    this.sentimentRun = new Promise((resolve) => {
      this.sentimentTimer = setTimeout(() => {
        this.sentimentTimer = undefined;
        this.sentimentRun = null;
        this.runRule('negative_sentiment').then(resolve, (error: unknown) => {
          this.options.logger.error({ err: error, rule: 'negative_sentiment' }, 'alert rule failed');
          resolve(null);
        });
      }, config.debounceSeconds * 1000);
      this.sentimentTimer.unref?.();
    });
    return this.sentimentRun;
  }

  /** Cancels a pending debounced run (on shutdown); runs already started finish. */
  close(): void {
    if (this.sentimentTimer) clearTimeout(this.sentimentTimer);
    this.sentimentTimer = undefined;
    this.sentimentRun = null;
  }

  private async execute(name: AlertRuleName, signal: AbortSignal | undefined): Promise<RuleRun> {
    const config = this.options.config[name];
    if (!config.enabled) return { rule: name, ran: false, candidates: 0, raised: [], suppressed: 0 };
    signal?.throwIfAborted();
    const now = this.clock.now();
    const rule = this.rules[name] as AlertRule<typeof config>;
    let candidates: CandidateAlert[];
    try {
      candidates = await rule.evaluate({ db: this.options.db, now, config, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new DependencyError(`alert rule ${name} failed to evaluate`, error);
    }
    const since = new Date(now.getTime() - config.cooldownMinutes * 60_000).toISOString();
    const run: RuleRun = { rule: name, ran: true, candidates: candidates.length, raised: [], suppressed: 0 };
    for (const candidate of candidates) {
      signal?.throwIfAborted();
      const alert = await this.store(candidate, { since, raisedAt: now.toISOString() });
      if (!alert) {
        run.suppressed += 1;
        continue;
      }
      alert.deliveredTo = await deliverAlert(alert, {
        notifiers: this.options.notifiers ?? [],
        ...(this.options.publish ? { publish: this.options.publish } : {}),
        logger: this.options.logger,
        timeoutMs: this.options.notifyTimeoutMs ?? 15_000,
        ...(signal ? { signal } : {}),
      });
      await this.record(alert);
      run.raised.push(alert);
    }
    if (run.raised.length > 0 || run.suppressed > 0) {
      this.options.logger.info({ rule: name, raised: run.raised.length, suppressed: run.suppressed }, 'alert rule ran');
    }
    return run;
  }

  /** Stores the candidate unless an alert within the cool-down covers it; `null` when covered. */
  private async store(candidate: CandidateAlert, at: { since: string; raisedAt: string }): Promise<Alert | null> {
    const { db } = this.options;
    try {
      const covered = await coveredByRecentAlert(db, { rule: candidate.rule, key: candidate.key, severity: candidate.severity, since: at.since });
      return covered ? null : await insertAlert(db, { alert: candidate, raisedAt: at.raisedAt });
    } catch (error) {
      throw new DependencyError(`alert ${candidate.rule}/${candidate.key} could not be stored`, error);
    }
  }

  private async record(alert: Alert): Promise<void> {
    try {
      await markDelivered(this.options.db, { id: alert.id, deliveredTo: alert.deliveredTo });
    } catch (error) {
      // The alert is stored and was delivered; only the record of where is missing.
      this.options.logger.warn({ err: error, alertId: alert.id }, 'alert delivery not recorded');
    }
  }
}

function noop(): void {}
