import type { Logger } from '../core/logger.js';
import type { Store } from '../store/index.js';
import { alertRulesJob, type RunAlertRules } from './alert-rules.js';
import { kbReindexJob, nluRetrainJob, type MaintenanceTask } from './maintenance.js';
import { pingJob } from './ping.js';
import { scoreSentimentJob, sentimentSweepJob, type QueueScoring, type ScoredMessage, type ScoreTexts } from './score-sentiment.js';

/** What job handlers may use; the composition root (server/) builds it. */
export interface JobDeps {
  logger: Logger;
  store: Store;
  /** The monitor's sentiment analyzer. */
  score: ScoreTexts;
  /** Told about each scored message (live monitor, negative-spike rule). */
  onScored?: (scored: ScoredMessage) => void | Promise<void>;
  runAlertRules: RunAlertRules;
  /** Queues `score-sentiment` for one message (the sweep re-queues lost ones). */
  queueScoring?: QueueScoring;
  now?: () => Date;
  /** Rebuilds the knowledge-base index this process answers from (web servers only). */
  reindexKnowledge?: MaintenanceTask;
  /** Re-opens (retraining when stale) the NLU model this process parses with (web servers only). */
  retrainNlu?: MaintenanceTask;
}

/**
 * Every job kind the system runs: the web server adds them and `npm run worker` processes them,
 * so both build the queue from this one list.
 *
 * @remarks Extension point. Each new kind is a thin processor in its own file beside `ping.ts`
 * (`sentiment.ts`, `alert-rules.ts`, `kb-reindex.ts`, `nlu-retrain.ts`): a zod schema and a handler
 * that calls `monitor/` or `ops/`, or a port in {@link JobDeps} for what `jobs/` may not import
 * (`retrieval/`, `nlu/`: server/ passes a re-indexer or trainer in). Add it to this list.
 * Alert rules are scheduled with `jobs.repeat`.
 */
export function jobDefinitions(deps: JobDeps) {
  return [
    pingJob(deps), scoreSentimentJob(deps), sentimentSweepJob(deps), alertRulesJob(deps), kbReindexJob(deps.reindexKnowledge), nluRetrainJob(deps.retrainNlu),
  ] as const;
}
