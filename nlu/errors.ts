import { CounterpartError } from '../core/errors.js';

/**
 * A classifier was asked to classify or persist before it was trained or loaded.
 *
 * @remarks A wiring bug, not bad user input: train the model (or load a persisted one)
 * at start-up. Not retryable.
 */
export class ModelNotTrainedError extends CounterpartError {
  constructor(component: string) {
    super({
      code: 'nlu_model_not_trained',
      message: `${component} has not been trained or loaded yet`,
      userMessage: 'Something went wrong on our side. Please try again later.',
      details: { component },
    });
  }
}

/**
 * An NLU component broke its contract, for example returned fewer results than texts.
 *
 * @remarks Signals a bug in the component; retrying the same call will not help.
 */
export class ComponentContractError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({
      code: 'nlu_component_contract',
      message,
      userMessage: 'Something went wrong on our side. Please try again later.',
      details,
    });
  }
}
