import type { RequestHandler } from 'express';
import { ForbiddenError, InvalidInputError } from '../../core/errors.js';
import { sendError } from './send-error.js';

export interface CorsOptions {
  /** @defaultValue GET, POST, PUT, PATCH, DELETE */
  methods?: readonly string[];
  /** Request headers a browser may send. @defaultValue content-type, authorization, idempotency-key, x-request-id */
  headers?: readonly string[];
  /** Response headers scripts may read. @defaultValue retry-after */
  exposeHeaders?: readonly string[];
  /** How long a browser may cache a preflight answer. @defaultValue 600 */
  maxAgeSeconds?: number;
}

/**
 * CORS for the REST API: only the listed origins (exact `scheme://host[:port]` matches) may
 * read responses from a browser on another site.
 *
 * @remarks Requests without `Origin` (same-origin navigation, servers, curl) pass untouched, and
 * so do non-preflight requests from other origins: browsers send `Origin` on same-origin POSTs
 * too, and without `Access-Control-Allow-Origin` a foreign page cannot read the answer. A
 * preflight from an origin not listed is refused with 403. No credentials are allowed: the API
 * authenticates with bearer tokens, not cookies.
 *
 * @example
 * app.use('/api', corsAllowList(config.WIDGET_ORIGINS));
 */
export function corsAllowList(origins: readonly string[], options: CorsOptions = {}): RequestHandler {
  const allowed = new Set(origins.map(assertOrigin));
  const methods = (options.methods ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).join(', ');
  const headers = (options.headers ?? ['content-type', 'authorization', 'idempotency-key', 'x-request-id']).join(', ');
  const expose = (options.exposeHeaders ?? ['retry-after']).join(', ');
  const maxAge = String(options.maxAgeSeconds ?? 600);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (!allowed.has(origin)) {
      if (preflight) return sendError(res, new ForbiddenError('this origin may not call the API'));
      return next();
    }
    res.set('access-control-allow-origin', origin);
    if (!preflight) {
      if (expose) res.set('access-control-expose-headers', expose);
      return next();
    }
    res.set({ 'access-control-allow-methods': methods, 'access-control-allow-headers': headers, 'access-control-max-age': maxAge });
    res.status(204).end();
  };
}

function assertOrigin(origin: string): string {
  let parsed: URL | undefined;
  try { parsed = new URL(origin); } catch { parsed = undefined; }
  if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) {
    throw new InvalidInputError(`CORS origin ${JSON.stringify(origin)} must be exactly scheme://host[:port], without a path or trailing slash`);
  }
  return origin;
}
