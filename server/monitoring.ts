import type { Kysely } from 'kysely';
import type { JobQueue } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import type { TurnObserver } from '../core/observer.js';
import type { Notifier } from '../core/table.js';
import type { Clock } from '../core/tools.js';
import { createJobQueue, jobDefinitions, type JobDeps } from '../jobs/index.js';
import type { ScoredMessage, ScoreTexts } from '../jobs/score-sentiment.js';
import { AlertEngine, alertSchedules, parseAlertsConfig, type Alert } from '../monitor/index.js';
import { listLowStock } from '../ops/index.js';
import type { Database, Store } from '../store/index.js';
import type { Config } from './config.js';

/** How often unscored customer messages are looked for (see `sentiment-sweep`). */
const SWEEP_EVERY_MS = 5 * 60_000;

/** What the monitor's background work needs from the process that runs it. */
export interface MonitoringOptions {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** Scores texts in [-1, 1] (the sentiment analyzer). */
  score: ScoreTexts;
  /** Staff channels alerts go to (Teams, Slack). */
  notifiers?: readonly Notifier[];
  /** The monitor's live stream, when this process serves it. */
  publishAlert?: (alert: Alert) => void;
  publishSentiment?: (scored: ScoredMessage) => void;
  /** Also told about each scored message (the bot's hand-off on strongly negative messages). */
  onScored?: (scored: ScoredMessage) => Promise<unknown>;
  /** Whether this process runs jobs (the web server without a separate worker, or the worker). */
  processJobs: boolean;
  /** Whether this process (re)declares the repeatable alert jobs: the web server, not every worker. */
  schedule: boolean;
  /** What `kb-reindex` and `nlu-retrain` do in this process; a web server passes them, a worker does not. */
  reindexKnowledge?: () => Promise<void>;
  retrainNlu?: () => Promise<void>;
}

type Jobs = JobQueue<ReturnType<typeof jobDefinitions>>;

/** The background side of monitoring: the job queue, the alert engine, and the observer that feeds them. */
export interface Monitoring {
  jobs: Jobs;
  alerts: AlertEngine;
  /** Queues sentiment scoring for every customer message of every turn. */
  observer: TurnObserver;
  close(): Promise<void>;
}

/**
 * Builds the job queue (BullMQ with `REDIS_URL`, in-process otherwise), the alert engine with
 * its repeatable rule jobs, and a turn observer that queues `score-sentiment` per customer message.
 *
 * @remarks The web server and `npm run worker` both call this, so both know every job kind; only
 * a process with `processJobs` runs them. Scoring is queued by activity id as the job id, so a
 * message is scored once however often it is queued.
 */
export async function startMonitoring(options: MonitoringOptions): Promise<Monitoring> {
  const { config, store, logger, clock } = options;
  const alertsConfig = parseAlertsConfig(config.ALERT_RULES);
  const alerts = new AlertEngine({
    db: store.db, config: alertsConfig, logger, clock, notifiers: [...(options.notifiers ?? [])],
    lowStock: lowStockReader(store.db),
    ...(options.publishAlert ? { publish: options.publishAlert } : {}),
  });
  const queueScoring = (activityId: string) => jobs.add('score-sentiment', { activityId }, { jobId: `sentiment-${activityId}` });
  const deps: JobDeps = {
    logger, store, score: options.score, queueScoring, now: () => clock.now(),
    onScored: (scored) => {
      options.publishSentiment?.(scored);
      void alerts.onSentimentScored(scored);
      options.onScored?.(scored).catch((error: unknown) => logger.error({ err: error, ...scored }, 'after-scoring step failed'));
    },
    runAlertRules: (rule) => alerts.run(rule),
    ...(options.reindexKnowledge ? { reindexKnowledge: options.reindexKnowledge } : {}),
    ...(options.retrainNlu ? { retrainNlu: options.retrainNlu } : {}),
  };
  const jobs = await createJobQueue({ definitions: jobDefinitions(deps), redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger });
  if (options.processJobs) await jobs.start();
  if (options.schedule) {
    for (const { rule, everyMs } of alertSchedules(alertsConfig)) await jobs.repeat('alert-rules', { rule }, { everyMs, key: rule });
    await jobs.repeat('sentiment-sweep', {}, { everyMs: SWEEP_EVERY_MS, key: 'sentiment-sweep' });
  }
  const observer: TurnObserver = {
    onTurn(record) {
      if (record.inbound.from.role !== 'customer') return;
      const activityId = record.inbound.id;
      // A failure here (Redis down) is caught up by the sweep within a few minutes.
      queueScoring(activityId).catch((error: unknown) => logger.warn({ err: error, activityId }, 'could not queue sentiment scoring; the sweep will'));
    },
  };
  return {
    jobs, alerts, observer,
    async close() {
      alerts.close();
      await jobs.close({ drain: true, timeoutMs: 10_000 });
    },
  };
}

function lowStockReader(db: Kysely<Database>) {
  return async ({ now, warehouses }: { now: Date; warehouses?: readonly string[] }) =>
    (await listLowStock({ db, now, ...(warehouses ? { warehouses: [...warehouses] } : {}) })).items;
}
