import { settledWithin } from '../core/timing.js';

/**
 * Runs the turns of one conversation one after another in the order they arrived at this
 * process, and knows which turns are still running (for a graceful shutdown).
 *
 * @remarks Turns still take the database lock (store `lockConversation`) for the other
 * replicas; this queue only keeps two messages from the same client, sent back to back, from
 * overtaking each other while the first one is still being understood.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  private readonly running = new Set<Promise<unknown>>();

  /** Runs `work` after every earlier turn of `key` queued here has settled. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const settled = result.then(() => undefined, () => undefined);
    this.tails.set(key, settled);
    this.running.add(settled);
    void settled.then(() => {
      this.running.delete(settled);
      // Drop the key once nothing else queued behind this turn, so idle conversations cost nothing.
      if (this.tails.get(key) === settled) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when every turn queued so far has settled, or after `timeoutMs`; returns how many were still running then. */
  async drain(timeoutMs: number): Promise<number> {
    await settledWithin(Promise.all([...this.running]), timeoutMs);
    return this.running.size;
  }
}
