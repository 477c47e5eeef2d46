import { CounterpartError } from '../../core/errors.js';

/** A benchmarked system broke the {@link BenchSystem} contract (wrong tag count, missing result). */
export class BenchContractError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'bench_contract', message, details });
  }
}

/** A benchmark child process failed or ran past its time limit. */
export class BenchRunError extends CounterpartError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'bench_run_failed', message, details });
  }
}
