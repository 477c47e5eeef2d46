import type { RequestHandler } from 'express';

/**
 * The one inline event handler our pages carry: web/demo.html's footer "Chat with us" link,
 * `window.Counterpart && window.Counterpart.open(); return false;`. Pages have no inline
 * `<script>` blocks; tests/adapters/http/security-headers.test.ts fails when that changes.
 */
export const WEB_INLINE_HANDLER_HASHES: readonly string[] = Object.freeze(['sha256-D1M+X2sPJxDTx5km4e0sdm6N1gY2BgytW0UhC/MVbPk=']);

export interface SecurityHeadersOptions {
  /**
   * The site is served over HTTPS (directly or behind a TLS-terminating proxy): adds
   * `Strict-Transport-Security` and `upgrade-insecure-requests`. Never set it for plain HTTP.
   * @defaultValue false
   */
  https?: boolean;
  /** @defaultValue 15_552_000 (180 days) */
  hstsMaxAgeSeconds?: number;
  /**
   * Paths other sites load with `<script>`/`<link>`: they get `Cross-Origin-Resource-Policy:
   * cross-origin` instead of `same-site`. (socket.io serves its client script itself, before express.)
   * @defaultValue /widget.js, /widget.css
   */
  embeddablePaths?: readonly string[];
  /** Inline event-handler hashes (`sha256-…`) allowed by `script-src-attr`. @defaultValue {@link WEB_INLINE_HANDLER_HASHES} */
  inlineHandlerHashes?: readonly string[];
  /** Origins our pages may fetch from or open sockets to, besides their own. @defaultValue none */
  connectSrc?: readonly string[];
}

/**
 * Conservative headers on every response: a same-origin Content-Security-Policy, no framing,
 * no sniffing, no referrer, isolated browsing context, and HSTS when served over HTTPS.
 *
 * @remarks Scripts load from our origin only (`/widget.js`, `/socket.io/…`, `/vendor/chart.umd.min.js`).
 * Styles allow `'unsafe-inline'`: the pages keep their CSS in `<style>` blocks and `style`
 * attributes, and inline CSS cannot run code. The widget is a script, not an iframe, so
 * `frame-ancestors 'none'` does not stop shops from embedding it.
 *
 * @example
 * app.use(securityHeaders({ https: config.PUBLIC_URL.startsWith('https://') }));
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): RequestHandler {
  const https = options.https ?? false;
  const embeddable = new Set(options.embeddablePaths ?? ['/widget.js', '/widget.css']);
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    ...(https ? { 'strict-transport-security': `max-age=${options.hstsMaxAgeSeconds ?? 15_552_000}; includeSubDomains` } : {}),
  };
  return (req, res, next) => {
    res.removeHeader('x-powered-by');
    res.set(headers);
    res.set('cross-origin-resource-policy', embeddable.has(req.path) ? 'cross-origin' : 'same-site');
    next();
  };
}

function contentSecurityPolicy(options: SecurityHeadersOptions): string {
  const handlers = options.inlineHandlerHashes ?? WEB_INLINE_HANDLER_HASHES;
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    handlers.length > 0 ? `script-src-attr 'unsafe-hashes' ${handlers.map((hash) => `'${hash}'`).join(' ')}` : "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...(options.connectSrc ?? [])].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
