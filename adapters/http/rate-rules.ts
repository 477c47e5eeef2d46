import type { RateRule } from './rate-limiter.js';

/** The rules Counterpart enforces, by role. */
export interface RateRules {
  /** Every `/api` request, per client IP. */
  httpPerIp: RateRule;
  /** Chat messages (socket.io `message` events), per client IP. */
  messagesPerIp: RateRule;
  /** Chat messages per signed-in customer (or staff member), across all their conversations. */
  messagesPerCustomer: RateRule;
  /** Chat messages per conversation. */
  messagesPerConversation: RateRule;
}

/**
 * Defaults sized for people typing, with room for a shop's office behind one NAT address.
 *
 * @remarks The per-IP rules count every client behind one address together: the load benchmark
 * drives 200 sessions from one loopback IP, so it must raise or disable them ({@link resolveRateRules}).
 */
export const DEFAULT_RATE_RULES: Readonly<RateRules> = Object.freeze({
  httpPerIp: { name: 'http-ip', limit: 600, windowSeconds: 60 },
  messagesPerIp: { name: 'msg-ip', limit: 300, windowSeconds: 60 },
  messagesPerCustomer: { name: 'msg-customer', limit: 120, windowSeconds: 60 },
  messagesPerConversation: { name: 'msg-conversation', limit: 60, windowSeconds: 60 },
});

/** Per rule: `false` (or a limit of 0) disables it; otherwise the fields to change. */
export type RateRuleOverrides = {
  [K in keyof RateRules]?: false | Partial<Pick<RateRule, 'limit' | 'windowSeconds'>>;
};

/** The rules in force: a disabled rule is `undefined`, which every check skips. */
export type ResolvedRateRules = { [K in keyof RateRules]: RateRule | undefined };

/**
 * {@link DEFAULT_RATE_RULES} with overrides applied.
 *
 * @example
 * // The load benchmark: 200 sessions from 127.0.0.1.
 * const rules = resolveRateRules({ httpPerIp: false, messagesPerIp: false });
 */
export function resolveRateRules(overrides: RateRuleOverrides = {}): ResolvedRateRules {
  const resolved = {} as ResolvedRateRules;
  for (const name of Object.keys(DEFAULT_RATE_RULES) as Array<keyof RateRules>) {
    const override = overrides[name];
    const rule = { ...DEFAULT_RATE_RULES[name], ...(override || {}) };
    resolved[name] = override === false || rule.limit === 0 ? undefined : rule;
  }
  return resolved;
}
