import { CounterpartError } from '../../core/errors.js';

const USER_MESSAGE = 'Something went wrong on our side. Please try again later.';

/**
 * A model file an encoder needs is missing or unreadable.
 *
 * @remarks A deployment problem, not bad user input: install the package or complete the model
 * folder (the message names the file). Not retryable — nothing is ever downloaded at run time.
 */
export class ModelNotFoundError extends CounterpartError {
  constructor(options: { encoder: string; path: string; reason?: string; cause?: unknown }) {
    const reason = options.reason ?? 'is missing';
    super({
      code: 'model_not_found',
      message: `${options.encoder}: model file ${options.path} ${reason}`,
      userMessage: USER_MESSAGE,
      details: { encoder: options.encoder, path: options.path },
      cause: options.cause,
    });
  }
}

/**
 * A model file exists but its content is not what the encoder expects (bad JSON, wrong shape,
 * unsupported configuration).
 */
export class InvalidModelError extends CounterpartError {
  constructor(options: { encoder: string; path: string; problem: string; cause?: unknown }) {
    super({
      code: 'invalid_model',
      message: `${options.encoder}: ${options.path}: ${options.problem}`,
      userMessage: USER_MESSAGE,
      details: { encoder: options.encoder, path: options.path },
      cause: options.cause,
    });
  }
}

/**
 * Two encoders want incompatible settings of process-wide state (the TensorFlow.js engine and
 * its active backend are global to the process).
 *
 * @remarks A wiring bug: pick one USE-lite `runtime` per process (see `nlu/encoders/README.md`).
 */
export class EncoderRuntimeConflictError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'encoder_runtime_conflict', message, userMessage: USER_MESSAGE, details });
  }
}

/** The encoder was used after `dispose()`. */
export class EncoderDisposedError extends CounterpartError {
  constructor(encoder: string) {
    super({
      code: 'encoder_disposed',
      message: `${encoder} was used after dispose()`,
      userMessage: USER_MESSAGE,
      details: { encoder },
    });
  }
}

/**
 * The inference runtime could not start (for example the WebAssembly backend failed to
 * initialise).
 *
 * @remarks Usually a packaging problem (missing `.wasm` files); retrying will not help.
 */
export class EncoderBackendError extends CounterpartError {
  constructor(message: string, options?: { details?: Record<string, unknown>; cause?: unknown }) {
    super({ code: 'encoder_backend_failed', message, userMessage: USER_MESSAGE, details: options?.details, cause: options?.cause });
  }
}
