import type { Principal } from '../core/activity.js';
import type { Logger } from '../core/logger.js';
import { checkRateLimits, MemoryRateLimiter, RedisRateLimiter, resolveRateRules, type RateLimiter, type ResolvedRateRules } from '../adapters/http/index.js';
import type { Config } from './config.js';

/** The rate limits of one server: the limiter (shared through Redis when there is one) and the rules in force. */
export interface RateLimits {
  limiter: RateLimiter;
  rules: ResolvedRateRules;
  /** Counts one chat message per client IP, per signed-in user and per conversation; throws `RateLimitedError` over a limit. */
  checkMessage(message: { ip: string; principal?: Principal; conversationId: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the limits from `RATE_LIMIT_*`: counted in Redis when `redisUrl` is set, so a client
 * spreading requests over replicas meets one limit; in memory for a single process.
 */
export function openRateLimits(options: { config: Config; redisUrl?: string; logger: Logger; onLimited?: (rule: string) => void }): RateLimits {
  const { config, redisUrl, logger } = options;
  const rules = resolveRateRules({
    httpPerIp: { limit: config.RATE_LIMIT_HTTP_PER_IP },
    messagesPerIp: { limit: config.RATE_LIMIT_MESSAGES_PER_IP },
    messagesPerCustomer: { limit: config.RATE_LIMIT_MESSAGES_PER_CUSTOMER },
    messagesPerConversation: { limit: config.RATE_LIMIT_MESSAGES_PER_CONVERSATION },
  });
  const redisLimiter = redisUrl ? new RedisRateLimiter({ redis: redisUrl, keyPrefix: `${config.REDIS_PREFIX}:rl:`, logger }) : undefined;
  const limiter = redisLimiter ?? new MemoryRateLimiter();
  const counted: RateLimiter = {
    async hit(key, rule) {
      const decision = await limiter.hit(key, rule);
      if (!decision.allowed) options.onLimited?.(rule.name);
      return decision;
    },
  };
  return {
    limiter: counted,
    rules,
    async checkMessage({ ip, principal, conversationId }) {
      const user = principal?.kind === 'customer' ? `customer:${principal.customerId}` : principal?.kind === 'staff' ? `staff:${principal.staffId}` : undefined;
      await checkRateLimits(counted, [
        { key: ip, rule: rules.messagesPerIp },
        { key: user, rule: rules.messagesPerCustomer },
        { key: conversationId, rule: rules.messagesPerConversation },
      ]);
    },
    close: async () => { await redisLimiter?.close(); },
  };
}
