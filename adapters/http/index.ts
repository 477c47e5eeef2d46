/**
 * Guards against hostile input at the HTTP edge: security headers, CORS, rate limits and
 * JSON-only errors. Each is an express middleware (or a plain function) the composition root mounts.
 */
export { securityHeaders, WEB_INLINE_HANDLER_HASHES, type SecurityHeadersOptions } from './security-headers.js';
export { corsAllowList, type CorsOptions } from './cors.js';
export type { RateDecision, RateLimiter, RateRule } from './rate-limiter.js';
export { DEFAULT_RATE_RULES, resolveRateRules, type RateRuleOverrides, type RateRules, type ResolvedRateRules } from './rate-rules.js';
export { MemoryRateLimiter, type MemoryRateLimiterOptions } from './memory-rate-limiter.js';
export { RATE_LIMIT_KEY_PREFIX, RedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter.js';
export { checkRateLimits, rateLimit, type RateCheck, type RateLimitOptions } from './rate-limit.js';
export { fromHttpError, jsonNotFound, noStackTraces } from './error-handler.js';
