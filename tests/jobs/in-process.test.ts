import { describe } from 'vitest';
import { InProcessJobQueue } from '../../jobs/in-process.js';
import { jobQueueContract } from '../contracts/job-queue.js';

describe('in-process job queue', () => {
  jobQueueContract(async (definitions) => {
    const queue = new InProcessJobQueue({ definitions });
    return { queue, cleanup: () => queue.close({ drain: false, abortGraceMs: 100 }) };
  });
});
