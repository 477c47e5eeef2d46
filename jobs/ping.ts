import { z } from 'zod';
import { defineJob } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';

/**
 * A job that only logs: proves a worker is alive and wired to the queue end to end.
 *
 * @example
 * await jobs.add('ping', { note: 'deploy check' });
 */
export function pingJob(deps: { logger: Logger }) {
  return defineJob({
    name: 'ping',
    schema: z.object({ note: z.string().max(200).optional() }),
    attempts: 1,
    async handler(data, ctx) {
      deps.logger.info({ jobId: ctx.jobId, note: data.note }, 'ping');
    },
  });
}
