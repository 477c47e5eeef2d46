import { z } from 'zod';
import type { HandoffSummary } from '../../bot/index.js';

/** The Slack thread opened for one hand-off. */
export interface HandoffThread {
  handoffId: number;
  /** The customer's conversation (ours) the hand-off belongs to. */
  conversationId: string;
  /** Slack channel id (`C…`) of the hand-off channel. */
  channel: string;
  /** `ts` of the message that opened the thread. */
  threadTs: string;
}

/**
 * Where the Slack hand-off bridge keeps what outlives one process: which thread is which
 * hand-off, both ways, and the summary written when a hand-off closed.
 *
 * @remarks The server implements it over the store (`channel_conversations`, channel `slack`),
 * so a replica that did not open the thread, or a restarted process, still knows a reply in it.
 * `summary` reads the stored hand-off because the `closed` event does not carry its summary.
 */
export interface HandoffThreadStore {
  /** Remembers the thread; saving the same hand-off again overwrites it. */
  save(thread: HandoffThread): Promise<void>;
  forHandoff(handoffId: number): Promise<HandoffThread | undefined>;
  forThread(options: { channel: string; threadTs: string }): Promise<HandoffThread | undefined>;
  /** The summary stored when the hand-off closed; undefined while it is open. */
  summary(handoffId: number): Promise<HandoffSummary | undefined>;
}

/** External ids of the two `channel_conversations` rows that link a hand-off and its thread. */
export const handoffThreadIds = {
  byHandoff: (handoffId: number) => `handoff:${handoffId}`,
  byThread: (thread: { channel: string; threadTs: string }) => `handoff-thread:${thread.channel}:${thread.threadTs}`,
} as const;

/** The stored reference of a hand-off thread (JSON in `channel_conversations.reference`). */
export const HandoffThreadReferenceSchema = z.object({
  channel: z.string().min(1),
  thread_ts: z.string().min(1),
  handoffId: z.number().int().positive(),
});
