import type { JobDefinitions, JobQueue } from '../core/jobs.js';
import type { Logger } from '../core/logger.js';
import { InProcessJobQueue } from './in-process.js';

export { InProcessJobQueue, type InProcessJobQueueOptions } from './in-process.js';
export type { BullMqJobQueue, BullMqJobQueueOptions } from './bullmq.js';
export { pingJob } from './ping.js';
export { jobDefinitions, type JobDeps } from './registry.js';

/** Options for {@link createJobQueue}. */
export interface CreateJobQueueOptions<D extends JobDefinitions> {
  definitions: D;
  /** BullMQ on this Redis when set; an in-process queue otherwise. */
  redisUrl?: string;
  /** Redis key namespace (BullMQ only). @defaultValue counterpart */
  prefix?: string;
  logger: Logger;
}

/**
 * The job queue for this deployment: BullMQ when `redisUrl` is set, in-process otherwise.
 *
 * @remarks BullMQ (and so ioredis) is imported only when Redis is configured.
 *
 * @example
 * const jobs = await createJobQueue({ definitions: jobDefinitions(deps), redisUrl: config.REDIS_URL, logger });
 * await jobs.start();
 * await jobs.add('ping', { note: 'hello' });
 */
export async function createJobQueue<const D extends JobDefinitions>(options: CreateJobQueueOptions<D>): Promise<JobQueue<D>> {
  const { definitions, redisUrl, prefix, logger } = options;
  if (redisUrl) {
    const { BullMqJobQueue } = await import('./bullmq.js');
    return new BullMqJobQueue({ definitions, redisUrl, prefix, logger });
  }
  return new InProcessJobQueue({ definitions, logger });
}
