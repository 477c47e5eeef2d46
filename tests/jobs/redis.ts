import type { Redis } from 'ioredis';

/**
 * The Redis URL the BullMQ suites run against, or `undefined` (with a visible warning) when
 * `REDIS_URL` is unset. In CI a missing URL is an error, never a silent skip.
 */
export function redisUrlForTests(): string | undefined {
  const url = process.env.REDIS_URL;
  if (url) return url;
  if (process.env.CI === 'true') throw new Error('CI=true but REDIS_URL is unset: the BullMQ suite must run in CI');
  console.warn('[tests] REDIS_URL is unset: BullMQ job-queue suites are skipped (set it to run them)');
  return undefined;
}

/** Every key matching `pattern` (SCAN, all pages): to prove a test left nothing behind. */
export async function keysMatching(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}
