import { z } from 'zod';
import { defineJob } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import { findMessageByActivityId, listUnscoredCustomerMessages, setMessageSentiment, type Store } from '../store/index.js';

/** Scores texts in [-1, 1]; the monitor's sentiment analyzer, passed in by the composition root. */
export type ScoreTexts = (texts: readonly string[]) => Promise<Array<{ score: number }>>;

/** A message just scored, for the live monitor and the negative-sentiment alert. */
export interface ScoredMessage {
  conversationId: string;
  activityId: string;
  score: number;
}

export interface ScoreSentimentDeps {
  logger: Logger;
  store: Store;
  score: ScoreTexts;
  onScored?: (scored: ScoredMessage) => void | Promise<void>;
}

/**
 * `score-sentiment` `{activityId}`: scores one stored customer message and records the score.
 *
 * @remarks Idempotent: a message that already has a score is left as it is, so a retry or a
 * duplicate add changes nothing. A message that is gone (a test database dropped, a purge) is
 * not an error worth retrying.
 * @example
 * await jobs.add('score-sentiment', { activityId }, { jobId: `sentiment-${activityId}` });
 */
/** Customer messages older than this without a score are queued again by {@link sentimentSweepJob}. */
const SWEEP_GRACE_MS = 60_000;
/** How far back the sweep looks, and how many it queues per run. */
const SWEEP_WINDOW_MS = 24 * 3600_000;
const SWEEP_BATCH = 500;

/** Adds one job; the composition root passes the queue's `add` (jobs cannot hold their own queue). */
export type QueueScoring = (activityId: string) => Promise<unknown>;

/**
 * `sentiment-sweep` `{}`: queues `score-sentiment` again for customer messages of the last day
 * that are over a minute old and still unscored, so no message stays unscored after Redis lost
 * its queue (a restart without persistence) or refused the job during an outage.
 *
 * @remarks Safe to repeat: the job id is the message's (`sentiment-<activityId>`), so a job
 * still queued is not added twice, and scoring skips a message already scored.
 */
export function sentimentSweepJob(deps: { store: Store; queueScoring?: QueueScoring; logger: Logger; now?: () => Date }) {
  return defineJob({
    name: 'sentiment-sweep',
    schema: z.object({}),
    attempts: 1,
    async handler() {
      if (!deps.queueScoring) return;
      const now = deps.now?.() ?? new Date();
      const missing = await listUnscoredCustomerMessages(deps.store.db, {
        from: new Date(now.getTime() - SWEEP_WINDOW_MS), to: new Date(now.getTime() - SWEEP_GRACE_MS), limit: SWEEP_BATCH,
      });
      for (const { activity_id: activityId } of missing) await deps.queueScoring(activityId);
      if (missing.length > 0) deps.logger.info({ queued: missing.length }, 'queued sentiment scoring again for unscored messages');
    },
  });
}

export function scoreSentimentJob(deps: ScoreSentimentDeps) {
  return defineJob({
    name: 'score-sentiment',
    schema: z.object({ activityId: z.string().min(1).max(100) }),
    attempts: 3,
    backoff: { type: 'exponential', delayMs: 500 },
    async handler(data) {
      const message = await findMessageByActivityId(deps.store.db, data.activityId);
      if (!message || message.direction !== 'in' || message.sentiment !== null) return;
      const [result] = await deps.score([message.text]);
      if (!result) return;
      await setMessageSentiment(deps.store.db, { activityId: data.activityId, score: result.score });
      await deps.onScored?.({ conversationId: message.conversation_id, activityId: data.activityId, score: result.score });
    },
  });
}
