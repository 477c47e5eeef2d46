import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_KEY_PREFIX, RedisRateLimiter } from '../../../adapters/http/index.js';
import type { Logger } from '../../../core/logger.js';
import { rateLimiterContract, uniqueRule } from '../../contracts/rate-limiter.js';
import { keysMatching, redisUrlForTests } from '../../jobs/redis.js';
import { manualClock } from './serve.js';

const REDIS_URL = redisUrlForTests();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, error() {}, warn: (_obj, msg) => { warnings.push(msg ?? ''); } };
  return { logger, warnings };
}

describe.skipIf(!REDIS_URL)(`RedisRateLimiter against REDIS_URL${REDIS_URL ? '' : ' (skipped: REDIS_URL is unset)'}`, () => {
  let admin: Redis;
  const opened: RedisRateLimiter[] = [];
  const open = (options: Partial<ConstructorParameters<typeof RedisRateLimiter>[0]> = {}) => {
    const limiter = new RedisRateLimiter({ redis: REDIS_URL!, ...options });
    opened.push(limiter);
    return limiter;
  };
  beforeAll(() => { admin = new Redis(REDIS_URL!); });
  afterAll(async () => {
    for (const limiter of opened) await limiter.close();
    const left = await keysMatching(admin, `${RATE_LIMIT_KEY_PREFIX}t-*`);
    if (left.length > 0) await admin.del(...left);
    admin.disconnect();
  });

  rateLimiterContract('RedisRateLimiter', async () => ({
    limiter: open({ timeoutMs: 2000 }), elapse: (seconds) => sleep(seconds * 1000), cleanup: async () => {},
  }));

  it('shares counts between replicas', async () => {
    const rule = uniqueRule(4, 60);
    const [a, b] = [open(), open()];
    for (let i = 0; i < 2; i += 1) {
      expect((await a.hit('198.51.100.1', rule)).allowed).toBe(true);
      expect((await b.hit('198.51.100.1', rule)).allowed).toBe(true);
    }
    expect(await a.hit('198.51.100.1', rule)).toMatchObject({ allowed: false, remaining: 0 });
    expect((await b.hit('198.51.100.1', rule)).allowed).toBe(false);
  });

  it('keeps one prefixed key per counter that expires with its window', async () => {
    const rule = uniqueRule(5, 30);
    await open().hit('customer-42', rule);
    const keys = await keysMatching(admin, `${RATE_LIMIT_KEY_PREFIX}${rule.name}:*`);
    expect(keys).toEqual([`${RATE_LIMIT_KEY_PREFIX}${rule.name}:customer-42`]);
    const ttl = await admin.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(25_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('keeps deployments with different key prefixes apart', async () => {
    const rule = uniqueRule(1, 60);
    const prefix = `${RATE_LIMIT_KEY_PREFIX}t-staging:`;
    expect((await open({ keyPrefix: prefix }).hit('k', rule)).allowed).toBe(true);
    expect((await open().hit('k', rule)).allowed).toBe(true);
    expect(await keysMatching(admin, `${prefix}${rule.name}:*`)).toEqual([`${prefix}${rule.name}:k`]);
  });

  it('uses a client it is given and leaves it open on close', async () => {
    const client = new Redis(REDIS_URL!);
    const limiter = new RedisRateLimiter({ redis: client });
    const rule = uniqueRule(1, 60);
    expect((await limiter.hit('k', rule)).allowed).toBe(true);
    expect((await limiter.hit('k', rule)).allowed).toBe(false);
    await limiter.close();
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
  });

  it('enforces the shared count again once a dropped connection is back', async () => {
    const name = `rl-test-${uniqueRule(1, 1).name}`;
    const client = new Redis(REDIS_URL!, { connectionName: name, enableOfflineQueue: false });
    const limiter = new RedisRateLimiter({ redis: client });
    const rule = uniqueRule(1, 60);
    try {
      expect((await limiter.hit('k', rule)).allowed).toBe(true);
      const id = /(?:^|\n)id=(\d+) [^\n]*name=([^ ]+)/g;
      const ours = [...String(await admin.client('LIST')).matchAll(id)].find((m) => m[2] === name)?.[1];
      expect(ours).toBeDefined();
      await admin.client('KILL', 'ID', ours!);
      let refused = false;
      for (let tries = 0; tries < 50 && !refused; tries += 1) {
        refused = !(await limiter.hit('k', rule)).allowed;
        if (!refused) await sleep(100);
      }
      expect(refused).toBe(true);
    } finally {
      client.disconnect();
    }
  });
});

describe('RedisRateLimiter when Redis is unavailable', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  let silentUrl: string;
  beforeAll(async () => {
    // Accepts connections and never answers: the outage that stalls, unlike a refused port.
    silent = createServer((socket) => { sockets.add(socket); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it.each([
    ['a closed port', () => 'redis://127.0.0.1:1'],
    ['a server that never answers', () => silentUrl],
  ])('allows every hit within 300 ms on %s, over the limit too, and warns once a minute', async (_name, url) => {
    const clock = manualClock();
    const { logger, warnings } = recordingLogger();
    const limiter = new RedisRateLimiter({ redis: url(), logger, clock });
    const rule = uniqueRule(1, 60);
    const timedHit = async () => {
      const started = performance.now();
      expect(await limiter.hit('ip', rule)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
      return performance.now() - started;
    };
    try {
      expect(await timedHit()).toBeLessThan(300);
      // For a second after a failure hits do not wait on Redis at all.
      for (let i = 0; i < 20; i += 1) expect(await timedHit()).toBeLessThan(20);
      clock.advance(1);
      expect(await timedHit()).toBeLessThan(300);
      expect(warnings).toEqual(['rate limiter: Redis unavailable, allowing requests unchecked']);
      clock.advance(60);
      await timedHit();
      expect(warnings).toHaveLength(2);
    } finally {
      await limiter.close();
    }
  });
});
