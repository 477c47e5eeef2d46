import { createRandom, shuffleInPlace } from '../../core/random.js';
import { TrainingAbortedError } from './errors.js';

/** Reported after each epoch of training. */
export interface TrainingProgress {
  epoch: number;
  epochs: number;
  /** Negative log-likelihood (CRF) or number of mis-tagged tokens (perceptron) in the epoch. */
  loss: number;
  /** Seconds since training started. */
  seconds: number;
}

/** What a training loop needs besides the per-example step. */
export interface LoopOptions {
  epochs: number;
  seed: number;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
  /** Names the component in the abort error. */
  component: string;
}

// Abort signals fire from the event loop, so long epochs hand control back now and then.
const YIELD_EVERY = 2000;

/**
 * Runs `step` over the examples for a number of epochs, in a seeded random order.
 *
 * @throws {@link TrainingAbortedError} when `signal` fires.
 */
export async function runEpochs(options: LoopOptions & { count: number; step: (index: number) => number }): Promise<void> {
  const random = createRandom(options.seed);
  const order = Array.from({ length: options.count }, (_, i) => i);
  const started = performance.now();
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    shuffleInPlace(order, random);
    let loss = 0;
    for (let k = 0; k < order.length; k += 1) {
      if (k % YIELD_EVERY === 0) await checkpoint(options);
      loss += options.step(order[k] as number);
    }
    await checkpoint(options);
    options.onProgress?.({ epoch, epochs: options.epochs, loss, seconds: (performance.now() - started) / 1000 });
  }
}

async function checkpoint(options: LoopOptions): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (options.signal?.aborted) throw new TrainingAbortedError(options.component, options.signal.reason);
}
