import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RateLimiter, RateRule } from '../../adapters/http/index.js';

export interface RateLimiterUnderTest {
  limiter: RateLimiter;
  /** Lets `seconds` pass for the limiter (moves a fake clock, or waits). */
  elapse(seconds: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** A rule name no other test uses, so implementations with shared storage start from zero. */
export function uniqueRule(limit: number, windowSeconds: number): RateRule {
  return { name: `t-${randomUUID().slice(0, 8)}`, limit, windowSeconds };
}

/**
 * The behaviour every {@link RateLimiter} promises. Each implementation's test file calls this
 * with a factory; `describe.skipIf` style skipping is the caller's choice.
 */
export function rateLimiterContract(name: string, open: () => Promise<RateLimiterUnderTest>): void {
  describe(`RateLimiter contract: ${name}`, () => {
    let t: RateLimiterUnderTest;
    beforeEach(async () => { t = await open(); });
    afterEach(async () => { await t?.cleanup(); });

    it('allows up to the limit, counting down, then refuses with a wait inside the window', async () => {
      const rule = uniqueRule(3, 60);
      const decisions = [];
      for (let i = 0; i < 5; i += 1) decisions.push(await t.limiter.hit('203.0.113.7', rule));
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
      expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0, 0]);
      expect(decisions[0]!.retryAfterSeconds).toBe(0);
      expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(decisions[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('counts keys and rules apart', async () => {
      const rule = uniqueRule(1, 60);
      const other = uniqueRule(1, 60);
      expect((await t.limiter.hit('a', rule)).allowed).toBe(true);
      expect((await t.limiter.hit('a', rule)).allowed).toBe(false);
      expect((await t.limiter.hit('b', rule)).allowed).toBe(true);
      expect((await t.limiter.hit('a', other)).allowed).toBe(true);
      // Over-long keys are hashed, never truncated into each other.
      expect((await t.limiter.hit(`${'x'.repeat(500)}1`, rule)).allowed).toBe(true);
      expect((await t.limiter.hit(`${'x'.repeat(500)}2`, rule)).allowed).toBe(true);
    });

    it('allows exactly the limit when hits race', async () => {
      const rule = uniqueRule(10, 60);
      const decisions = await Promise.all(Array.from({ length: 40 }, () => t.limiter.hit('burst', rule)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    });

    it('allows a refused key again once its window has passed', async () => {
      const rule = uniqueRule(2, 1);
      await t.limiter.hit('k', rule);
      await t.limiter.hit('k', rule);
      expect((await t.limiter.hit('k', rule)).allowed).toBe(false);
      await t.elapse(1.2);
      const next = await t.limiter.hit('k', rule);
      expect(next).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
    });

    it.each([
      ['a zero limit', { name: 'ok', limit: 0, windowSeconds: 60 }],
      ['a fractional window', { name: 'ok', limit: 1, windowSeconds: 0.5 }],
      ['a name with a separator', { name: 'a:b', limit: 1, windowSeconds: 60 }],
    ])('refuses %s as a configuration error', async (_name, rule) => {
      await expect(t.limiter.hit('k', rule)).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });
}
