import { systemClock, type Clock } from '../../core/tools.js';
import { assertValidRule, counterKey, decide, type RateDecision, type RateLimiter, type RateRule } from './rate-limiter.js';

export interface MemoryRateLimiterOptions {
  /** @defaultValue `systemClock` */
  clock?: Clock;
  /**
   * Most counters kept. When full, a new key evicts the counter whose window started first
   * (that key starts counting afresh); expired counters are swept every `sweepIntervalSeconds`.
   * @defaultValue 100_000 (roughly 15 MB)
   */
  maxKeys?: number;
  /** How often expired counters are swept on a hit. @defaultValue 60 */
  sweepIntervalSeconds?: number;
}

interface Window { count: number; endsAt: number }

/**
 * A fixed-window limiter in this process's memory.
 *
 * @remarks Counts are per replica: with several replicas behind a load balancer each allows
 * the full limit, so use `RedisRateLimiter` there. Memory is bounded by `maxKeys`; no timers run.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly clock: Clock;
  private readonly maxKeys: number;
  private readonly sweepIntervalMs: number;
  /** Insertion order is window start order: a new window deletes and re-inserts its key. */
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxKeys = Math.max(1, options.maxKeys ?? 100_000);
    this.sweepIntervalMs = (options.sweepIntervalSeconds ?? 60) * 1000;
  }

  /** Counters held now (expired ones included until the next sweep). */
  get size(): number {
    return this.windows.size;
  }

  async hit(key: string, rule: RateRule): Promise<RateDecision> {
    assertValidRule(rule);
    const now = this.clock.now().getTime();
    if (now >= this.nextSweepAt) this.sweep(now);
    const id = counterKey(key, rule);
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      this.windows.delete(id);
      if (this.windows.size >= this.maxKeys) this.evictOldest();
      window = { count: 0, endsAt: now + rule.windowSeconds * 1000 };
      this.windows.set(id, window);
    }
    window.count += 1;
    return decide(window.count, window.endsAt - now, rule);
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) if (window.endsAt <= now) this.windows.delete(id);
    this.nextSweepAt = now + this.sweepIntervalMs;
  }

  /** O(1): a flood of new keys must not make every hit scan the map. */
  private evictOldest(): void {
    const oldest = this.windows.keys().next();
    if (!oldest.done) this.windows.delete(oldest.value);
  }
}
