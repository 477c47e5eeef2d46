import type { Request, RequestHandler } from 'express';
import { RateLimitedError } from '../../core/errors.js';
import type { RateLimiter, RateRule } from './rate-limiter.js';
import { sendError } from './send-error.js';

/** One check: count a hit on `key` under `rule`. An undefined key or rule is skipped. */
export interface RateCheck {
  key: string | undefined;
  rule: RateRule | undefined;
}

/**
 * Counts one hit for every check and throws {@link RateLimitedError} when any is over its
 * limit, with the longest wait among them. For channels without express (socket.io messages).
 *
 * @example
 * await checkRateLimits(limiter, [
 *   { key: socket.handshake.address, rule: rules.messagesPerIp },
 *   { key: principal.customerId?.toString(), rule: rules.messagesPerCustomer },
 *   { key: conversationId, rule: rules.messagesPerConversation },
 * ]);
 */
export async function checkRateLimits(limiter: RateLimiter, checks: readonly RateCheck[]): Promise<void> {
  const active = checks.filter((check): check is { key: string; rule: RateRule } => Boolean(check.key) && check.rule !== undefined);
  const decisions = await Promise.all(active.map(({ key, rule }) => limiter.hit(key, rule)));
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length === 0) return;
  const wait = Math.max(...refused.map((decision) => decision.retryAfterSeconds));
  throw new RateLimitedError(`Too many requests. Please wait ${wait} ${wait === 1 ? 'second' : 'seconds'} and try again.`, wait);
}

export interface RateLimitOptions {
  limiter: RateLimiter;
  /** Rules counted for every request; `undefined` entries (disabled rules) are skipped. */
  rules: ReadonlyArray<RateRule | undefined>;
  /**
   * The key a request counts under; `undefined` lets it through uncounted.
   * @defaultValue `req.ip` (set express's `trust proxy` behind a reverse proxy, or every client shares its IP)
   */
  keyOf?: (req: Request) => string | undefined;
}

/**
 * Express middleware: 429 with `Retry-After` and `{ error: { code: 'rate_limited', message } }`
 * once a key goes over any rule.
 *
 * @example
 * app.use('/api', rateLimit({ limiter, rules: [rules.httpPerIp] }));
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const keyOf = options.keyOf ?? ((req: Request) => req.ip);
  return async (req, res, next) => {
    const key = keyOf(req);
    try {
      await checkRateLimits(options.limiter, options.rules.map((rule) => ({ key, rule })));
    } catch (error) {
      if (!(error instanceof RateLimitedError)) return next(error);
      res.set('retry-after', String(error.retryAfterSeconds));
      sendError(res, error);
      return;
    }
    next();
  };
}
