import { isCounterpartError, isTransientConnectionError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/** The error body every channel returns: a stable code and a message safe to show. */
export interface ErrorBody {
  error: { code: string; message: string };
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

/**
 * Maps any thrown value to an HTTP status and a body. Unknown errors become a 500 whose
 * message hides internals; they are logged with the stack.
 */
export function toErrorResponse(error: unknown, logger: Logger): { status: number; body: ErrorBody } {
  if (isCounterpartError(error)) {
    const status = STATUS_BY_CODE[error.code] ?? (error.retryable ? 503 : 422);
    if (status >= 500) logger.error({ err: error }, 'request failed');
    const message = status >= 500 ? error.userMessage : error.message;
    return { status, body: { error: { code: error.code, message } } };
  }
  if (isTransientConnectionError(error)) {
    // The database is restarting or unreachable: nothing was done, and the same request may succeed shortly.
    logger.warn({ err: error }, 'request failed: a dependency is unreachable');
    return { status: 503, body: { error: { code: 'dependency_failed', message: 'We cannot reach our systems right now. Please try again in a moment.' } } };
  }
  logger.error({ err: error }, 'unexpected error');
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } } };
}
