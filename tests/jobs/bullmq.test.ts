import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobDefinitions } from '../../core/jobs.js';
import { BullMqJobQueue } from '../../jobs/bullmq.js';
import { createJobQueue, InProcessJobQueue } from '../../jobs/index.js';
import { jobQueueContract } from '../contracts/job-queue.js';
import { keysMatching, redisUrlForTests } from './redis.js';

const redisUrl = redisUrlForTests();
const prefixes: string[] = [];

describe.skipIf(!redisUrl)(`BullMQ job queue on ${redisUrl ?? 'Redis (skipped: REDIS_URL unset)'}`, () => {
  const url = redisUrl!;

  jobQueueContract(async <const D extends JobDefinitions>(definitions: D) => {
    const prefix = `test-jobs-${randomBytes(6).toString('hex')}`;
    prefixes.push(prefix);
    const queue = new BullMqJobQueue({ redisUrl: url, definitions, prefix });
    const cleanup = async () => {
      await queue.close({ drain: false, abortGraceMs: 500 });
      // A fresh, never-started instance on the same prefix deletes everything the test stored.
      const janitor = new BullMqJobQueue({ redisUrl: url, definitions, prefix });
      await janitor.obliterate();
      await janitor.close();
    };
    return { queue, cleanup };
  });

  it('is what createJobQueue picks when a Redis URL is given', async () => {
    const prefix = `test-jobs-${randomBytes(6).toString('hex')}`;
    prefixes.push(prefix);
    const withRedis = await createJobQueue({ definitions: [], redisUrl: url, prefix, logger: console });
    const withoutRedis = await createJobQueue({ definitions: [], logger: console });
    expect(withRedis).toBeInstanceOf(BullMqJobQueue);
    expect(withoutRedis).toBeInstanceOf(InProcessJobQueue);
    await Promise.all([withRedis.close(), withoutRedis.close()]);
  });

  afterAll(async () => {
    const redis = new Redis(url);
    try {
      for (const prefix of prefixes) expect(await keysMatching(redis, `${prefix}:*`), `keys left under ${prefix}`).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
