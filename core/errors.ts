/**
 * One error base for the whole code base. Every error carries a stable string `code`
 * that callers branch on; `userMessage` is safe to show to an end user (no internals).
 *
 * @remarks Subclasses say what the caller should do: fix the input, retry later,
 * ask for confirmation, or stop because the action is forbidden.
 */
export class CounterpartError extends Error {
  readonly code: string;
  readonly userMessage: string;
  /** Whether the same call may succeed if repeated later. */
  readonly retryable: boolean;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(options: {
    code: string;
    message: string;
    userMessage?: string;
    retryable?: boolean;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.userMessage = options.userMessage ?? options.message;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

/** The caller sent something malformed: fix the input, do not retry as is. */
export class InvalidInputError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'invalid_input', message, details });
  }
}

/** The input is larger than allowed. */
export class PayloadTooLargeError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'payload_too_large', message, details });
  }
}

/** The thing asked for does not exist (or the caller may not know that it exists). */
export class NotFoundError extends CounterpartError {
  constructor(what: string, details?: Record<string, unknown>) {
    super({ code: 'not_found', message: `${what} not found`, details });
  }
}

/** The caller is identified but not allowed to do this. */
export class ForbiddenError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'forbidden', message, details });
  }
}

/** The caller is not identified (or the credentials are invalid). */
export class UnauthorizedError extends CounterpartError {
  constructor(message: string) {
    super({ code: 'unauthorized', message });
  }
}

/** Too many attempts: retry after `retryAfterSeconds`. */
export class RateLimitedError extends CounterpartError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super({ code: 'rate_limited', message, retryable: true, details: { retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A concurrent writer changed the record first: reload and retry. */
export class ConflictError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'conflict', message, retryable: true, details });
  }
}

/**
 * A business rule refuses the action (for example cancelling a dispatched order).
 * `userMessage` explains why; `suggestion` names a tool the user may want instead.
 */
export class RuleViolationError extends CounterpartError {
  readonly suggestion?: string;
  constructor(options: { code: string; userMessage: string; suggestion?: string; details?: Record<string, unknown> }) {
    super({ code: options.code, message: options.userMessage, userMessage: options.userMessage, details: options.details });
    this.suggestion = options.suggestion;
  }
}

/** A dependency (database, model, queue) failed; the operation may succeed later. */
export class DependencyError extends CounterpartError {
  constructor(message: string, cause?: unknown) {
    super({ code: 'dependency_failed', message, userMessage: 'Something went wrong on our side. Please try again.', retryable: true, cause });
  }
}

export function isCounterpartError(value: unknown): value is CounterpartError {
  return value instanceof CounterpartError;
}

/**
 * Whether an error means a service (the database) is unreachable for now (restarting, refusing, connection
 * dropped), so the same request may succeed shortly: callers answer "try again", not "failed".
 */
export function isTransientConnectionError(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    // PostgreSQL: 08xxx connection exceptions, 57P01-57P03 shutdown/crash/cannot connect now,
    // 53300 too many connections; Node: the socket could not connect or was cut.
    if (/^08|^57P0[123]$|^53300$/.test(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  }
  if (typeof message === 'string') {
    // "timeout exceeded when trying to connect": pg-pool found no free or new connection in time.
    return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)/i.test(message);
  }
  return false;
}
