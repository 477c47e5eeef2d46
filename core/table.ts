import { z } from 'zod';

/**
 * A small table in a reply (low-stock list, forecast, route plan).
 *
 * @remarks Channels that can draw tables (Teams Adaptive Cards, Slack Block Kit) draw this; the
 * reply's text always carries the same content, so any channel can fall back to it.
 */
export const ReplyTableSchema = z.object({
  title: z.string().max(200).optional(),
  columns: z.array(z.string().max(100)).min(1).max(12),
  rows: z.array(z.array(z.string().max(300))).max(100),
});
export type ReplyTable = z.infer<typeof ReplyTableSchema>;

/** A message the bot sends on its own (an alert), to whichever staff channels are configured. */
export interface Notice {
  text: string;
  tables?: ReplyTable[];
}

/**
 * Port for proactive messages to staff channels; each channel adapter implements it.
 *
 * @remarks Alerts and hand-off notices go out through this, never through a channel SDK directly.
 */
export interface Notifier {
  /** The channel, for logs: `teams`, `slack`. */
  readonly channel: string;
  /** Sends to every destination this channel has (stored conversations, a configured channel); returns how many got it. */
  notify(notice: Notice, options?: { signal?: AbortSignal }): Promise<number>;
}
