/** When a search phase must stop, and how far through it is. */
export interface BudgetLimits {
  /** Iterations allowed; Infinity for none. */
  maxIterations: number;
  /** Wall-clock milliseconds allowed; Infinity for none. */
  timeLimitMs: number;
  now: () => number;
  signal?: AbortSignal;
}

/**
 * Tracks a phase's iteration and time budget.
 *
 * @remarks With an iteration limit the cooling schedule follows iterations only, so the
 * same seed and limit give the same result on any machine; the clock then only cuts a run
 * short. With just a time limit the schedule follows the clock and results depend on speed.
 */
export class Budget {
  private readonly startMs: number;
  iterations = 0;

  constructor(private readonly limits: BudgetLimits) {
    this.startMs = limits.now();
  }

  /** Fraction of the budget spent, in [0, 1]; 1 means stop. */
  progress(): number {
    const { maxIterations, timeLimitMs, signal } = this.limits;
    if (signal?.aborted) return 1;
    const elapsed = timeLimitMs === Number.POSITIVE_INFINITY ? 0 : (this.limits.now() - this.startMs) / timeLimitMs;
    if (elapsed >= 1) return 1;
    if (maxIterations !== Number.POSITIVE_INFINITY) return Math.min(1, this.iterations / maxIterations);
    return elapsed;
  }

  elapsedMs(): number {
    return this.limits.now() - this.startMs;
  }
}
