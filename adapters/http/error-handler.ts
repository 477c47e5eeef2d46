import type { ErrorRequestHandler, RequestHandler } from 'express';
import { CounterpartError, NotFoundError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { toErrorResponse } from '../errors.js';
import { sendError } from './send-error.js';

/** What body-parser, raw-body and express's router attach to the errors they raise. */
interface HttpError { type?: unknown; status?: unknown; statusCode?: unknown; limit?: unknown }

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_input', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large',
  415: 'unsupported_media_type', 429: 'rate_limited',
};

/**
 * The typed error for a failure raised by express's own layers (body parsing, URL decoding),
 * or `undefined` for anything else.
 */
export function fromHttpError(error: unknown): CounterpartError | undefined {
  if (typeof error !== 'object' || error === null || error instanceof CounterpartError) return undefined;
  const { type, status, statusCode, limit } = error as HttpError;
  switch (type) {
    case 'entity.parse.failed': return clientError('invalid_json', 'the body is not valid JSON');
    case 'entity.too.large':
      return clientError('payload_too_large', typeof limit === 'number' ? `the body is larger than ${limit} bytes` : 'the body is too large');
    case 'charset.unsupported': return clientError('unsupported_media_type', 'send the body in UTF-8');
    case 'encoding.unsupported': return clientError('unsupported_media_type', 'the body\'s content encoding is not supported');
  }
  const code = Number(status ?? statusCode);
  if (!Number.isInteger(code) || code < 400 || code > 499) return undefined;
  return clientError(CODE_BY_STATUS[code] ?? 'invalid_input', 'the request could not be read');
}

function clientError(code: string, message: string): CounterpartError {
  return new CounterpartError({ code, message });
}

/**
 * The last error handler: every error becomes the standard JSON body, never an HTML page or a
 * stack trace, whatever `NODE_ENV` says. Body-parser failures are 400 `invalid_json`,
 * 413 `payload_too_large` or 415 `unsupported_media_type`; other 4xx raised by express (a URL
 * that does not decode) keep their status; unknown errors are a 500 logged with their stack.
 *
 * @remarks Express's default handler prints the stack into the page unless `NODE_ENV=production`.
 *
 * @example
 * app.use(noStackTraces({ logger }));
 */
export function noStackTraces(options: { logger: Logger }): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      // Too late for a body: express's handler closes the connection.
      options.logger.error({ err: error }, 'error after the response started');
      return next(error);
    }
    const client = fromHttpError(error);
    if (client) return sendError(res, client);
    const { status, body } = toErrorResponse(error, options.logger);
    res.status(status).json(body);
  };
}

/** A JSON 404 for anything no route answered: mount it last under `/api`. */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => sendError(res, new NotFoundError('route'));
}
