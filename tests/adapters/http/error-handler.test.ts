import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonNotFound, noStackTraces } from '../../../adapters/http/index.js';
import { NotFoundError, RateLimitedError } from '../../../core/errors.js';
import type { Logger } from '../../../core/logger.js';
import { serve, type Served } from './serve.js';

const SECRET = 'connection string postgres://admin:hunter2@db';

/** A route layout like server/app.ts: JSON bodies under /api, a catch-all 404, the handler last. */
function app(handler?: ErrorRequestHandler) {
  const app = express();
  app.use('/api', express.json({ limit: '1kb' }));
  app.post('/api/echo', (req, res) => { res.json(req.body); });
  app.get('/api/items/:id', (req, res) => { res.json({ id: req.params.id }); });
  app.get('/api/crash', () => { throw new Error(SECRET); });
  app.get('/api/async-crash', async () => { await Promise.resolve(); throw new TypeError(SECRET); });
  app.get('/api/missing', () => { throw new NotFoundError('order'); });
  app.get('/api/busy', () => { throw new RateLimitedError('Too many requests.', 5); });
  if (handler) {
    app.use('/api', jsonNotFound());
    app.use(handler);
  }
  return app;
}

function recordingLogger() {
  const errors: unknown[] = [];
  const logger: Logger = { debug() {}, info() {}, warn() {}, error: (obj) => { errors.push(obj); } };
  return { logger, errors };
}

const post = (url: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>) => fetch(`${url}/api/echo`, { method: 'POST', body, headers });

describe('with NODE_ENV unset', () => {
  const savedEnv = process.env.NODE_ENV;
  beforeAll(() => { delete process.env.NODE_ENV; }); // express reads it when an app is created
  afterAll(() => { process.env.NODE_ENV = savedEnv; });

  it('express alone would print the stack into the page (the reason for the handler)', async () => {
    const served = await serve(app());
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // express also logs the stack
    try {
      const text = await (await fetch(`${served.url}/api/crash`)).text();
      expect(text).toContain(SECRET);
      expect(text).toContain('node_modules/router');
    } finally {
      quiet.mockRestore();
      await served.close();
    }
  });

  describe.each([
    ['noStackTraces', (logger: Logger) => noStackTraces({ logger })],
  ])('%s', (_name, handler) => {
    let served: Served;
    const { logger, errors } = recordingLogger();
    beforeAll(async () => { served = await serve(app(handler(logger))); });
    afterAll(async () => { await served?.close(); });

    it.each([
      ['a thrown error', '/api/crash'],
      ['a rejected async handler', '/api/async-crash'],
    ])('answers %s with a JSON 500 that shows no internals, and logs it', async (_what, path) => {
      errors.length = 0;
      const res = await fetch(served.url + path);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
      expect(text).not.toContain('hunter2');
      expect(errors).toHaveLength(1);
    });

    it.each([
      ['invalid JSON', 400, 'invalid_json', () => post(served.url, '{"text": "hi"', { 'content-type': 'application/json' })],
      ['a body over the limit', 413, 'payload_too_large', () => post(served.url, JSON.stringify({ text: 'x'.repeat(2000) }), { 'content-type': 'application/json' })],
      ['an unsupported charset', 415, 'unsupported_media_type', () => post(served.url, '{}', { 'content-type': 'application/json; charset=latin9' })],
      ['an unsupported content encoding', 415, 'unsupported_media_type', () => post(served.url, '{}', { 'content-type': 'application/json', 'content-encoding': 'br2' })],
      ['a corrupt gzip body', 400, 'invalid_input', () => post(served.url, 'not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' })],
      ['a URL that does not decode', 400, 'invalid_input', () => fetch(`${served.url}/api/items/%E0%A4%A`)],
      ['an unknown API route', 404, 'not_found', () => fetch(`${served.url}/api/nope`)],
      ['an unknown API method', 404, 'not_found', () => fetch(`${served.url}/api/echo`, { method: 'DELETE' })],
      ['a typed not-found error', 404, 'not_found', () => fetch(`${served.url}/api/missing`)],
      ['a typed rate-limit error', 429, 'rate_limited', () => fetch(`${served.url}/api/busy`)],
    ])('answers %s with a JSON %i %s and no stack', async (_what, status, code, send) => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code, message: expect.any(String) } });
      expect(text).not.toMatch(/\s+at |node_modules|\.ts:\d/);
    });

    it('still parses a good gzip body (the guards refuse only what is broken)', async () => {
      const res = await post(served.url, Uint8Array.from(gzipSync('{"text":"hi"}')), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ text: 'hi' });
    });
  });
});
