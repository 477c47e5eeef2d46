import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkRateLimits, DEFAULT_RATE_RULES, MemoryRateLimiter, noStackTraces, rateLimit, resolveRateRules, type RateLimiter,
} from '../../../adapters/http/index.js';
import { RateLimitedError } from '../../../core/errors.js';
import { silentLogger } from '../../../core/logger.js';
import { uniqueRule } from '../../contracts/rate-limiter.js';
import { manualClock, serve, type Served } from './serve.js';

describe('rateLimit middleware', () => {
  const clock = manualClock();
  let served: Served;
  let handled = 0;
  let hits = 0;
  const memory = new MemoryRateLimiter({ clock });
  const counting: RateLimiter = { hit: (key, rule) => { hits += 1; return memory.hit(key, rule); } };
  const broken: RateLimiter = { hit: async () => { throw new Error('limiter exploded with secret detail'); } };
  beforeAll(async () => {
    const app = express();
    const perClient = uniqueRule(3, 60);
    // The test names its client in a header; the server wiring uses req.ip.
    app.use('/api', rateLimit({ limiter: counting, rules: [perClient], keyOf: (req) => req.get('x-client') }));
    app.use('/open', rateLimit({ limiter: counting, rules: [resolveRateRules({ httpPerIp: false }).httpPerIp] }));
    app.use('/broken', rateLimit({ limiter: broken, rules: [perClient] }));
    app.all('/{*rest}', (_req, res) => { handled += 1; res.json({ ok: true }); });
    app.use(noStackTraces({ logger: silentLogger }));
    served = await serve(app);
  });
  afterAll(async () => { await served?.close(); });
  beforeEach(() => { handled = 0; hits = 0; });

  const call = (path: string, client?: string) => fetch(served.url + path, { headers: client ? { 'x-client': client } : {} });

  it('answers 429 with Retry-After and the standard error once a client is over the limit, without running the route', async () => {
    for (let i = 0; i < 3; i += 1) expect((await call('/api/x', 'alice')).status).toBe(200);
    clock.advance(15);
    const refused = await call('/api/x', 'alice');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests. Please wait 45 seconds and try again.' } });
    expect(handled).toBe(3);
    expect((await call('/api/x', 'bob')).status).toBe(200); // other clients are unaffected
    clock.advance(45);
    expect((await call('/api/x', 'alice')).status).toBe(200);
  });

  it('lets requests without a key through uncounted', async () => {
    for (let i = 0; i < 5; i += 1) expect((await call('/api/x')).status).toBe(200);
    expect(hits).toBe(0);
  });

  it('skips disabled rules entirely (the load benchmark from one loopback IP)', async () => {
    for (let i = 0; i < 20; i += 1) expect((await call('/open/x', 'bench')).status).toBe(200);
    expect(hits).toBe(0);
  });

  it('turns a failing limiter into a plain 500 without internals', async () => {
    const res = await call('/broken/x', 'alice');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
    expect(handled).toBe(0);
  });
});

describe('checkRateLimits', () => {
  it('refuses a chatty conversation while its customer still has room, naming the longest wait', async () => {
    const clock = manualClock();
    const limiter = new MemoryRateLimiter({ clock });
    const perCustomer = uniqueRule(5, 60);
    const perConversation = uniqueRule(2, 30);
    const send = (conversation: string) => checkRateLimits(limiter, [
      { key: 'customer-7', rule: perCustomer },
      { key: conversation, rule: perConversation },
      { key: undefined, rule: perCustomer }, // an anonymous visitor has no customer key
    ]);
    await send('conv-a');
    await send('conv-a');
    const error = await send('conv-a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 30 });
    // Refused attempts count too: conv-b and conv-c are the customer's 4th and 5th messages.
    await send('conv-b');
    await send('conv-c');
    await expect(send('conv-d')).rejects.toMatchObject({ retryAfterSeconds: 60 });
  });

  it('does nothing with no active checks', async () => {
    const limiter: RateLimiter = { hit: () => { throw new Error('must not be called'); } };
    await expect(checkRateLimits(limiter, [{ key: 'ip', rule: undefined }, { key: '', rule: uniqueRule(1, 1) }])).resolves.toBeUndefined();
  });
});

describe('resolveRateRules', () => {
  it('starts from the documented defaults', () => {
    expect(resolveRateRules()).toEqual(DEFAULT_RATE_RULES);
    expect(DEFAULT_RATE_RULES.httpPerIp).toMatchObject({ limit: 600, windowSeconds: 60 });
    expect(DEFAULT_RATE_RULES.messagesPerCustomer).toMatchObject({ limit: 120, windowSeconds: 60 });
    expect(DEFAULT_RATE_RULES.messagesPerConversation).toMatchObject({ limit: 60, windowSeconds: 60 });
  });

  it('changes or disables rules without touching the defaults', () => {
    const rules = resolveRateRules({ httpPerIp: false, messagesPerIp: { limit: 0 }, messagesPerCustomer: { limit: 10, windowSeconds: 10 } });
    expect(rules.httpPerIp).toBeUndefined();
    expect(rules.messagesPerIp).toBeUndefined();
    expect(rules.messagesPerCustomer).toEqual({ name: 'msg-customer', limit: 10, windowSeconds: 10 });
    expect(rules.messagesPerConversation).toEqual(DEFAULT_RATE_RULES.messagesPerConversation);
    expect(DEFAULT_RATE_RULES.messagesPerCustomer.limit).toBe(120);
  });
});
