import { z } from 'zod';
import { defineJob, UnrecoverableJobError } from '../core/jobs.js';

/** Rebuilds an index or a model in the process that serves it; absent in processes that do not. */
export type MaintenanceTask = () => Promise<void>;

function maintenanceJob<const N extends string>(name: N, what: string, task: MaintenanceTask | undefined) {
  return defineJob({
    name,
    schema: z.object({ reason: z.string().max(200).optional() }),
    attempts: 2,
    backoff: { type: 'fixed', delayMs: 10_000 },
    concurrency: 1,
    async handler() {
      // A worker process has no index or model in memory to refresh: only a web server can do it.
      if (!task) throw new UnrecoverableJobError(`${what} runs in a web server process (JOBS_IN_SERVER=true), not in this one`);
      await task();
    },
  });
}

/**
 * `kb-reindex`: re-reads the knowledge-base sources and rebuilds the index the server answers from.
 *
 * @example
 * await jobs.add('kb-reindex', { reason: 'policies updated' }, { jobId: 'kb-reindex' });
 */
export const kbReindexJob = (task: MaintenanceTask | undefined) => maintenanceJob('kb-reindex', 'knowledge-base re-indexing', task);

/**
 * `nlu-retrain`: re-opens the NLU model folder, training it again when the training data or the
 * encoder changed, and swaps the bot onto the new model without a restart.
 */
export const nluRetrainJob = (task: MaintenanceTask | undefined) => maintenanceJob('nlu-retrain', 'NLU retraining', task);
