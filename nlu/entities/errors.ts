import { CounterpartError } from '../../core/errors.js';

/**
 * Training stopped because its `AbortSignal` fired; the model keeps its previous state.
 *
 * @remarks Not a failure of the data: the caller asked to stop (shutdown, a newer training
 * job). Retrying is up to the caller, so it is not marked retryable.
 */
export class TrainingAbortedError extends CounterpartError {
  constructor(component: string, cause?: unknown) {
    super({
      code: 'training_aborted',
      message: `${component} training was aborted`,
      userMessage: 'Training was stopped before it finished.',
      details: { component },
      cause,
    });
  }
}
