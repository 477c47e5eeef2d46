import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../../adapters/http/index.js';
import { rateLimiterContract, uniqueRule } from '../../contracts/rate-limiter.js';
import { manualClock } from './serve.js';

rateLimiterContract('MemoryRateLimiter', async () => {
  const clock = manualClock();
  return { limiter: new MemoryRateLimiter({ clock }), elapse: async (s) => clock.advance(s), cleanup: async () => {} };
});

describe('MemoryRateLimiter', () => {
  it('keeps a window fixed from the first hit: refused until its last second, allowed at its end', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter({ clock });
    const rule = uniqueRule(2, 60);
    await limiter.hit('ip', rule);
    clock.advance(30);
    await limiter.hit('ip', rule);
    expect(await limiter.hit('ip', rule)).toEqual({ allowed: false, retryAfterSeconds: 30, remaining: 0 });
    clock.advance(29.5);
    expect(await limiter.hit('ip', rule)).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    clock.advance(0.5);
    expect(await limiter.hit('ip', rule)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
  });

  it('holds at most maxKeys counters under a flood of new keys, evicting the oldest window', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter({ clock, maxKeys: 100 });
    const rule = uniqueRule(1, 3600);
    await limiter.hit('first', rule);
    for (let i = 0; i < 5000; i += 1) await limiter.hit(`spoofed-${i}`, rule);
    expect(limiter.size).toBe(100);
    // The evicted key counts afresh: the price of bounded memory.
    expect((await limiter.hit('first', rule)).allowed).toBe(true);
    expect((await limiter.hit('spoofed-4999', rule)).allowed).toBe(false);
  });

  it('sweeps expired counters, so idle keys do not hold memory', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter({ clock, sweepIntervalSeconds: 60 });
    const rule = uniqueRule(5, 10);
    for (let i = 0; i < 500; i += 1) await limiter.hit(`visitor-${i}`, rule);
    expect(limiter.size).toBe(500);
    clock.advance(61);
    await limiter.hit('late', rule);
    expect(limiter.size).toBe(1);
  });
});
