import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { corsAllowList } from '../../../adapters/http/index.js';
import { serve, type Served } from './serve.js';

const SHOP = 'https://shop.example.com';

describe('corsAllowList', () => {
  let served: Served;
  let handled = 0;
  beforeAll(async () => {
    const app = express();
    app.use('/api', corsAllowList([SHOP, 'http://localhost:5173']));
    app.all('/api/conversations', (_req, res) => { handled += 1; res.status(201).json({ id: 'c1' }); });
    served = await serve(app);
  });
  afterAll(async () => { await served?.close(); });
  beforeEach(() => { handled = 0; });

  const preflight = (origin: string, headers = 'content-type, authorization') => fetch(`${served.url}/api/conversations`, {
    method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });

  it('answers a preflight from an allowed origin with 204 and the methods and headers it may use', async () => {
    const res = await preflight(SHOP, 'content-type, authorization, idempotency-key');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.split(', ')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'idempotency-key']));
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(handled).toBe(0);
  });

  it('lets an allowed origin read the answer, and the Retry-After header', async () => {
    const res = await fetch(`${served.url}/api/conversations`, { method: 'POST', headers: { origin: SHOP } });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a suffix of an allowed host', 'https://shop.example.com.evil.example'],
    ['the allowed host over http', 'http://shop.example.com'],
    ['the allowed host on another port', 'https://shop.example.com:8443'],
    ['an opaque origin', 'null'],
  ])('refuses a preflight from %s with a 403 JSON error and never runs the route', async (_name, origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect(handled).toBe(0);
  });

  it('gives a simple request from another origin no CORS headers, so its page cannot read the answer', async () => {
    const res = await fetch(`${served.url}/api/conversations`, { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('lets requests without an Origin (same-origin pages, servers) through untouched', async () => {
    const res = await fetch(`${served.url}/api/conversations`, { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(handled).toBe(1);
  });

  it.each(['*', 'https://shop.example.com/', 'shop.example.com', 'https://shop.example.com/path', 'ftp://shop.example.com'])(
    'refuses to start with the origin %j, which could never match exactly',
    (origin) => { expect(() => corsAllowList([origin])).toThrow(/scheme:\/\/host/); },
  );
});
