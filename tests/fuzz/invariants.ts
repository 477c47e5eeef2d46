import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Shared checks and generators of the fuzz suites: what every answer to hostile input must look
 * like (a 4xx with the standard error body, never a 5xx, never internals), and payload generators.
 */

/** Bounded runs: each fuzz file must finish well under a minute on two cores. */
export const FUZZ_TIMEOUT_MS = 120_000;

/**
 * Server settings of every fuzz suite. The rate limits stay on, so their keys are computed from
 * hostile input too, but high enough that a few hundred requests a minute from one address pass:
 * a 429 is still an acceptable answer everywhere, yet the liveness checks need real answers.
 */
export const FUZZ_ENV: Readonly<Record<string, string>> = {
  RATE_LIMIT_HTTP_PER_IP: '1000000', RATE_LIMIT_MESSAGES_PER_IP: '1000000',
  RATE_LIMIT_MESSAGES_PER_CUSTOMER: '1000000', RATE_LIMIT_MESSAGES_PER_CONVERSATION: '1000000',
};

/** Error codes that mean the server failed (5xx), as opposed to refusing the request. */
export const SERVER_ERROR_CODES: ReadonlySet<string> = new Set(['internal', 'dependency_failed', 'shutting_down', 'starting']);

/** Traces of internals that must never reach a client: stack frames, source paths, error class names, SQL. */
const INTERNALS: ReadonlyArray<[string, RegExp]> = [
  ['a stack frame', /(?:^|\n)\s*at \S+(?: \[as \S+\])? \(|\bat (?:async )?\S+ \(\S+:\d+:\d+\)|\bat \S+:\d+:\d+/],
  ['a source path', /(?:file:\/\/|\/(?:work|home|usr|tmp|node_modules)\/)|\.(?:[cm]?[jt]s|tsx?):\d+/],
  ['an error class', /\b(?:Type|Reference|Syntax|Range|Eval|URI|Sqlite|Zod|Database|Postgres|Kysely|Aggregate)?Error: |\b(?:TypeError|ReferenceError|SyntaxError|RangeError|SqliteError|ZodError)\b/],
  ['database internals', /SQLITE_|\bkysely\b|better-sqlite3|\bselect\s+\S+\s+from\s+"/i],
];

/**
 * Fails when `body` shows internals. `echoes` are the request's own strings, which an answer may
 * legitimately repeat (a field name, the user's text): they are removed before checking.
 */
export function expectNoInternals(body: string, echoes: readonly string[] = []): void {
  let rest = body;
  for (const echo of echoes) {
    if (echo.length < 3) continue;
    rest = rest.split(echo).join('');
    rest = rest.split(JSON.stringify(echo).slice(1, -1)).join('');
  }
  for (const [what, pattern] of INTERNALS) {
    const found = pattern.exec(rest);
    expect(found, `response body shows ${what}: ${JSON.stringify(found?.[0])} in ${rest.slice(0, 300)}`).toBeNull();
  }
}

/** A client error carries `{error: {code, message}}` with a short code and a message to show. */
export function expectErrorBody(json: unknown, text: string): void {
  expect(json, `4xx without a JSON error body: ${text.slice(0, 200)}`).toMatchObject({
    error: { code: expect.stringMatching(/^[a-z_]{2,40}$/), message: expect.any(String) },
  });
}

/** Status is never a server error; a 4xx with a body has the standard error shape. */
export function expectClientOutcome(res: { status: number; json: unknown; text: string }, options: { echoes?: readonly string[]; errorBodyRequired?: boolean } = {}): void {
  expect(res.status, `server error ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.status).toBeGreaterThanOrEqual(200);
  expectNoInternals(res.text, options.echoes);
  // 431 (headers too large) and 400s from Node's HTTP parser come before express: no body to check.
  const fromNode = res.status === 431 || (res.status === 400 && res.text === '');
  if (res.status >= 400 && !fromNode && (options.errorBodyRequired ?? true)) expectErrorBody(res.json, res.text);
}

/** Strings of a value (keys and values, trimmed too) that an answer may quote back. */
export function echoesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value, value.trim()];
  if (Array.isArray(value)) return value.flatMap(echoesOf);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) return Object.entries(value).flatMap(([k, v]) => [k, ...echoesOf(v)]);
  return [];
}

/** Reads a fetch response as text and, when it parses, JSON. */
export async function readResponse(response: Response): Promise<{ status: number; json: unknown; text: string; headers: Headers }> {
  const text = await response.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, json, text, headers: response.headers };
}

/** Liveness after a property: `/healthz` answers 200 `{status: 'ok'}`. */
export async function expectHealthy(base: string): Promise<void> {
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
}

/** Characters that mean trouble for parsers and renderers: controls, bidi marks, surrogate-heavy text, markup. */
const NASTY = [
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u200b', '\u202e', '\ufeff', '\ufffd', '\r\n', '\t', '\ud83d\ude00', '\ud800',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${process.env}', "' OR 1=1 --", '%00', '../../etc/passwd',
  '__proto__', 'constructor', '\\u0000', 'NaN', '-0', '1e309',
];

/** Text of every kind: ASCII, full unicode (lone surrogates included), control characters, markup, very long. */
export function hostileText(options: { maxLength?: number } = {}): fc.Arbitrary<string> {
  const maxLength = options.maxLength ?? 300;
  const piece = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 5 }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('').slice(0, maxLength)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '中', '😀', ' ', '\u0000'), fc.integer({ min: 1000, max: 6000 })).map(([c, n]) => c.repeat(n)) },
  );
}

/** Any JSON value, with prototype-pollution keys and nasty strings mixed in. */
export function hostileJson(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'text', 'clientMessageId', 'role', 'platform', 'externalId', 'reason')),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText({ maxLength: 80 })), { maxKeys: 5 }),
    fc.record({ text: fc.oneof(hostileText(), fc.jsonValue({ maxDepth: 2 })), clientMessageId: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
  );
}

/** A value legal in an HTTP header (visible ASCII and spaces), since fetch refuses the rest before sending. */
export function headerValue(options: { maxLength?: number } = {}): fc.Arbitrary<string> {
  return fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: options.maxLength ?? 200 })
    .map((s) => s.trim());
}
