import type { Activity } from './activity.js';
import type { ParseResult } from './nlu.js';

/** What one finished turn looked like, for metrics, logs and live monitoring. */
export interface TurnRecord {
  conversationId: string;
  channel: Activity['channel'];
  /** The stored inbound message. */
  inbound: Activity;
  /** The stored replies (empty while a hand-off is open). */
  replies: Activity[];
  parse: ParseResult;
  /** Milliseconds the NLU took for this message. */
  nluMs: number;
  /** Milliseconds from the message reaching the bot to the turn being committed. */
  totalMs: number;
}

/**
 * Port for whoever watches turns (Prometheus metrics, the monitor's live stream, background
 * sentiment scoring). Called after the turn's transaction committed, never inside it.
 *
 * @remarks An observer must not throw; the bot logs and ignores it if one does, because the
 * customer's answer is already stored and must not be lost to a watcher's error.
 */
export interface TurnObserver {
  onTurn(record: TurnRecord): void;
}
