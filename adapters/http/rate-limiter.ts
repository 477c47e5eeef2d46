import { createHash } from 'node:crypto';
import { InvalidInputError } from '../../core/errors.js';

/** One limit: at most `limit` hits per key in a window of `windowSeconds`. */
export interface RateRule {
  /** Names the counter; keys of different rules never share counts. Letters, digits, `-` and `_`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

/** The answer to one hit. */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the key's window ends; 0 when allowed. */
  retryAfterSeconds: number;
  /** Hits left in the current window after this one. */
  remaining: number;
}

/**
 * Counts hits per key and rule (a fixed window that starts at a key's first hit).
 *
 * @remarks Implementations: {@link MemoryRateLimiter} (one process) and `RedisRateLimiter`
 * (shared by all replicas, fails open). Both pass `tests/contracts/rate-limiter.ts`.
 */
export interface RateLimiter {
  hit(key: string, rule: RateRule): Promise<RateDecision>;
}

const RULE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** Longer keys are stored as their SHA-256, so a caller cannot grow memory with huge keys. */
const MAX_PLAIN_KEY_LENGTH = 128;

/** Throws when a rule cannot be enforced (a typo in configuration, not a runtime condition). */
export function assertValidRule(rule: RateRule): void {
  if (!RULE_NAME.test(rule.name)) throw new InvalidInputError(`rate rule name ${JSON.stringify(rule.name)} must be 1-64 letters, digits, - or _`);
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 1) throw new InvalidInputError(`rate rule ${rule.name}: limit must be a positive integer`);
  if (!Number.isSafeInteger(rule.windowSeconds) || rule.windowSeconds < 1) {
    throw new InvalidInputError(`rate rule ${rule.name}: windowSeconds must be a positive integer`);
  }
}

/** `<rule name>:<key>`, with over-long keys hashed. */
export function counterKey(key: string, rule: RateRule): string {
  const safeKey = key.length > MAX_PLAIN_KEY_LENGTH ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
  return `${rule.name}:${safeKey}`;
}

/** The decision for the `count`-th hit of a window that ends in `msLeft` milliseconds. */
export function decide(count: number, msLeft: number, rule: RateRule): RateDecision {
  const allowed = count <= rule.limit;
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msLeft / 1000)),
    remaining: Math.max(0, rule.limit - count),
  };
}
