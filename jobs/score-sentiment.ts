import { z } from 'zod';
import { defineJob } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import { findMessageByActivityId, setMessageSentiment, type Store } from '../store/index.js';

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
