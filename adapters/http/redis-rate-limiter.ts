import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { DependencyError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { systemClock, type Clock } from '../../core/tools.js';
import { assertValidRule, counterKey, decide, type RateDecision, type RateLimiter, type RateRule } from './rate-limiter.js';

/** Counter keys start with this unless `keyPrefix` says otherwise, so operators can find (and flush) them. */
export const RATE_LIMIT_KEY_PREFIX = 'counterpart:rl:';

/** INCR, start the window on the first hit (or heal a key without TTL), return count and ms left. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;
const HIT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');
const WARN_INTERVAL_MS = 60_000;
const CONNECTING_STATES = new Set(['wait', 'connecting', 'connect']);
/** After a failure, hits skip Redis this long: a silent Redis costs one timeout a second, not one per request. */
const PAUSE_AFTER_FAILURE_MS = 1000;

export interface RedisRateLimiterOptions {
  /** A `redis://` URL (the limiter opens and closes its own connection) or a client you own. */
  redis: string | Redis;
  /** Starts every counter key; give replicas of one deployment the same one. @defaultValue {@link RATE_LIMIT_KEY_PREFIX} */
  keyPrefix?: string;
  /** How long a hit may wait for Redis before it is allowed anyway. @defaultValue 200 */
  timeoutMs?: number;
  /** Gets one warning a minute at most while Redis fails. */
  logger?: Logger;
  /** @defaultValue `systemClock` (paces warnings and retries after a failure; windows use Redis's clock) */
  clock?: Clock;
}

/**
 * A fixed-window limiter in Redis, shared by every replica (keys `counterpart:rl:<rule>:<key>`).
 *
 * @remarks Fails open: when Redis is down, slow or refuses, a hit is allowed within
 * `timeoutMs`, hits in the next second skip Redis altogether, and a warning is logged at most
 * once a minute. Rate limiting is a guard, not a
 * dependency: an outage must not stall or refuse customers. Its own connection disables
 * ioredis's offline queue, so commands fail at once instead of piling up while disconnected.
 *
 * @example
 * const limiter = new RedisRateLimiter({ redis: config.REDIS_URL, logger });
 * await limiter.hit(req.ip, DEFAULT_RATE_RULES.httpPerIp);
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly timeoutMs: number;
  private readonly keyPrefix: string;
  private readonly clock: Clock;
  private readonly logger: Logger | undefined;
  private readonly owned: boolean;
  private client: Promise<Redis> | undefined;
  /** While the client is connecting, hits wait (within `timeoutMs`) for it to be ready. */
  private connecting: Promise<void> | undefined;
  private lastWarnAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private closed = false;

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.timeoutMs = options.timeoutMs ?? 200;
    this.keyPrefix = options.keyPrefix ?? RATE_LIMIT_KEY_PREFIX;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger;
    this.owned = typeof options.redis === 'string';
    if (typeof options.redis !== 'string') this.client = Promise.resolve(options.redis);
  }

  async hit(key: string, rule: RateRule): Promise<RateDecision> {
    assertValidRule(rule);
    const unchecked: RateDecision = { allowed: true, retryAfterSeconds: 0, remaining: rule.limit };
    if (this.clock.now().getTime() < this.pausedUntil) return unchecked;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DependencyError(`no answer from Redis within ${this.timeoutMs} ms`)), this.timeoutMs);
      timer.unref();
    });
    try {
      const [count, msLeft] = await Promise.race([this.increment(this.keyPrefix + counterKey(key, rule), rule), timeout]);
      return decide(count, msLeft, rule);
    } catch (error) {
      this.pausedUntil = this.clock.now().getTime() + PAUSE_AFTER_FAILURE_MS;
      this.warn(error);
      return unchecked;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Closes the connection the limiter opened; a client passed in is left to its owner.
   * Hits after closing are allowed unchecked.
   */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.client;
    this.client = undefined;
    if (pending && this.owned) (await pending).disconnect();
  }

  private async increment(key: string, rule: RateRule): Promise<[number, number]> {
    if (this.closed) throw new DependencyError('the rate limiter is closed');
    this.client ??= this.open(this.options.redis as string);
    const redis = await this.client;
    await this.whenReady(redis);
    const windowMs = rule.windowSeconds * 1000;
    const reply = await redis.evalsha(HIT_SHA, 1, key, windowMs).catch((error: unknown) => {
      if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return redis.eval(HIT_SCRIPT, 1, key, windowMs);
      throw error;
    });
    const [count, msLeft] = reply as [number, number];
    return [Number(count), Number(msLeft)];
  }

  private async open(url: string): Promise<Redis> {
    // Imported here so deployments without Redis never load it.
    const { Redis } = await import('ioredis');
    const redis = new Redis(url, {
      enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: Math.max(this.timeoutMs, 1000),
    });
    redis.on('error', (error: unknown) => this.warn(error));
    return redis;
  }

  /**
   * Resolves once a connecting client is ready or fails; at once in any other state, where a
   * command fails fast (the offline queue is off) or is cut short by the timer.
   */
  private whenReady(redis: Redis): Promise<void> {
    if (!CONNECTING_STATES.has(redis.status)) return Promise.resolve();
    // One shared wait: a burst of hits must not add a listener each.
    this.connecting ??= new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['ready', 'error', 'close']) redis.off(event, done);
        this.connecting = undefined;
        resolve();
      };
      for (const event of ['ready', 'error', 'close']) redis.on(event, done);
    });
    if (redis.status === 'wait') redis.connect().catch(() => {}); // a lazyConnect client; failures arrive as 'error'
    return this.connecting;
  }

  private warn(error: unknown): void {
    const now = this.clock.now().getTime();
    if (now - this.lastWarnAt < WARN_INTERVAL_MS) return;
    this.lastWarnAt = now;
    this.logger?.warn({ err: error }, 'rate limiter: Redis unavailable, allowing requests unchecked');
  }
}
