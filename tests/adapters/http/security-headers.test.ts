import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStackTraces, securityHeaders, type SecurityHeadersOptions } from '../../../adapters/http/index.js';
import { silentLogger } from '../../../core/logger.js';
import { serve, type Served } from './serve.js';

const WEB_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));
const PAGES = readdirSync(WEB_DIR).filter((name) => name.endsWith('.html'));

function app(options?: SecurityHeadersOptions) {
  const app = express(); // x-powered-by left enabled: the middleware must remove it
  app.use(securityHeaders(options));
  app.get('/api/ok', (_req, res) => { res.json({ ok: true }); });
  app.get('/api/boom', () => { throw new Error('boom'); });
  app.use(express.static(WEB_DIR, { index: false }));
  app.use(noStackTraces({ logger: silentLogger }));
  return app;
}

/** `directive → sources` of a Content-Security-Policy header. */
function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (_m, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e] ?? _m);
}

describe('securityHeaders', () => {
  let plain: Served;
  let https: Served;
  beforeAll(async () => {
    plain = await serve(app());
    https = await serve(app({ https: true }));
  });
  afterAll(async () => { await plain?.close(); await https?.close(); });

  it.each([
    ['a JSON answer', '/api/ok', 200],
    ['a page', '/demo.html', 200],
    ['an error', '/api/boom', 500],
    ['a 404', '/nothing-here', 404],
  ])('sets every header on %s and hides the framework', async (_name, path, status) => {
    const res = await fetch(plain.url + path);
    expect(res.status).toBe(status);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-site');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\).*microphone=\(\)/);
    // Express's own 404 page sets the stricter `default-src 'none'`.
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src '(self|none)'/);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('allows scripts from our origin only: no inline blocks, no eval, no framing, no plugins', async () => {
    const csp = parseCsp((await fetch(`${plain.url}/api/ok`)).headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
    for (const sources of csp.values()) expect(sources).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src-attr')).not.toContain("'unsafe-inline'");
  });

  it('adds HSTS and upgrades insecure requests only when served over HTTPS', async () => {
    const res = await fetch(`${https.url}/api/ok`);
    expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    expect(parseCsp(res.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
  });

  it('lets other sites load the widget script and stylesheet, and nothing else', async () => {
    for (const path of ['/widget.js', '/widget.css']) {
      const res = await fetch(plain.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    }
    expect((await fetch(`${plain.url}/dashboard.js`)).headers.get('cross-origin-resource-policy')).toBe('same-site');
  });

  describe.each(PAGES)('web/%s under the policy', (page) => {
    const html = readFileSync(WEB_DIR + page, 'utf8');

    it('loads scripts only from our own origin, with no inline <script> blocks', () => {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body!.trim(), 'an inline <script> needs a nonce or hash in script-src').toBe('');
        expect(attributes).toMatch(/\ssrc="\/[a-z]/); // a same-origin path, covered by 'self'
      }
    });

    it('has only inline event handlers whose hash the policy allows', async () => {
      const allowed = parseCsp((await fetch(`${plain.url}/api/ok`)).headers.get('content-security-policy')).get('script-src-attr') ?? [];
      for (const [, , value] of html.matchAll(/\son[a-z]+\s*=\s*(["'])([\s\S]*?)\1/gi)) {
        const hash = createHash('sha256').update(decodeHtml(value!)).digest('base64');
        expect(allowed, `inline handler ${value} is blocked by the CSP`).toContain(`'sha256-${hash}'`);
      }
    });
  });
});
