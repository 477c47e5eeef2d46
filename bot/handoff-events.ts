import type { Activity } from '../core/activity.js';
import type { Logger } from '../core/logger.js';
import type { HandoffOutcome, HandoffReason } from '../store/index.js';

/**
 * What happens in hand-offs, as the channels that show them to agents and customers need it.
 *
 * @remarks Published after the change is committed, never from inside a transaction, so a
 * listener never sees something that is rolled back.
 */
export type HandoffEvent =
  /**
   * The bot stepped aside: a new entry in the agents' queue. `activity` is set when the bot told the
   * customer outside a turn (a strongly negative message scored in the background); channels deliver it.
   */
  | { type: 'opened'; handoffId: number; conversationId: string; reason: HandoffReason; activity?: Activity }
  /** A customer wrote while a hand-off was open: stored, not answered by the bot. */
  | { type: 'customer_message'; handoffId: number; conversationId: string; activity: Activity }
  | { type: 'taken'; handoffId: number; conversationId: string; agentStaffId: number }
  /** An agent wrote to the customer; channels deliver `activity` to the customer. */
  | { type: 'agent_message'; handoffId: number; conversationId: string; activity: Activity }
  /** The hand-off ended; `activity` is the bot's "you're back with the assistant" message to the customer. */
  | { type: 'closed'; handoffId: number; conversationId: string; outcome: HandoffOutcome; activity: Activity };

/** Receives every {@link HandoffEvent}. Keep it quick; it runs on the publisher's turn. */
export type HandoffListener = (event: HandoffEvent) => void;

/**
 * The hook between the bot and the channels agents and customers use: the bot and the
 * {@link HandoffDesk} publish, adapters subscribe. Carries no channel types.
 *
 * @remarks In-process only: with several replicas, each replica's agents see the hand-offs
 * its own customers open (a shared bus would replace this class behind the same methods).
 *
 * @example
 * const events = new HandoffEvents({ logger });
 * const stop = events.subscribe((e) => { if (e.type === 'customer_message') show(e.activity); });
 */
export class HandoffEvents {
  private readonly listeners = new Set<HandoffListener>();

  constructor(private readonly options: { logger?: Logger } = {}) {}

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: HandoffListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** Calls every listener; one that throws is logged and does not stop the others. */
  publish(event: HandoffEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger?.error({ err: error, event: event.type }, 'hand-off listener failed');
      }
    }
  }
}
