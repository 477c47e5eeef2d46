import { z } from 'zod';
import { ChannelSchema } from '../../core/activity.js';

/**
 * Where a sentiment score falls: `negative` below -0.25, `positive` above 0.25, `neutral`
 * from -0.25 to 0.25 inclusive. Scores are `P(positive) − P(negative)` in [-1, 1].
 *
 * @remarks The band edges are wide enough that a model's noise around zero stays neutral;
 * the dashboard and the logs filter use the same edges.
 */
export const SENTIMENT_BANDS = { negativeBelow: -0.25, positiveAbove: 0.25 } as const;
export const SentimentBandSchema = z.enum(['negative', 'neutral', 'positive']);
export type SentimentBand = z.infer<typeof SentimentBandSchema>;

/** The band of a score; `undefined` for a message not scored yet. */
export function sentimentBand(score: number | null | undefined): SentimentBand | undefined {
  if (score === null || score === undefined) return undefined;
  if (score < SENTIMENT_BANDS.negativeBelow) return 'negative';
  return score > SENTIMENT_BANDS.positiveAbove ? 'positive' : 'neutral';
}

/** A time as ISO-8601 (with offset) or a calendar date (its midnight UTC), normalised to the stored form. */
const Timestamp = z.union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => new Date(value).toISOString());
/** Numbers arrive as query-string text; `''` is refused rather than read as 0. */
const Numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a number').transform(Number)]);
const Score = Numeric.pipe(z.number().min(-1).max(1));

/**
 * Which messages (or conversations) a monitor asks for. Every field narrows the result; none
 * means everything.
 *
 * @remarks
 * - `from` (inclusive) and `to` (exclusive) compare with `created_at` — the message's, or for
 *   conversation searches the conversation's.
 * - `sentiment` is a band ({@link SENTIMENT_BANDS}); `sentimentMin`/`sentimentMax` an inclusive
 *   range. Either excludes messages without a score.
 * - `handoff`: `any` — the conversation had a hand-off; `open` — one is queued or active now;
 *   `none` — it never had one.
 * - `q` matches text case-insensitively (ASCII letters), `%` and `_` literally.
 * - In conversation searches the message fields (`direction`, `intent`, sentiment, `q`) select
 *   conversations having at least one such message.
 */
export const LogFilterSchema = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  channel: ChannelSchema.optional(),
  direction: z.enum(['in', 'out']).optional(),
  intent: z.string().min(1).max(100).optional(),
  sentiment: SentimentBandSchema.optional(),
  sentimentMin: Score.optional(),
  sentimentMax: Score.optional(),
  handoff: z.enum(['any', 'open', 'none']).optional(),
  customerId: Numeric.pipe(z.number().int().positive()).optional(),
  conversationId: z.string().min(1).max(100).optional(),
  q: z.string().trim().min(1).max(200).optional(),
}).strict();
export type LogFilter = z.output<typeof LogFilterSchema>;
/** What callers may pass before parsing (query-string text included). */
export type LogFilterInput = z.input<typeof LogFilterSchema>;

/** @defaultValue limit 50, order `desc` (newest first) */
export const LogPageSchema = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: Numeric.pipe(z.number().int().min(1).max(500)).default(50),
  order: z.enum(['asc', 'desc']).default('desc'),
}).strict();
export type LogPage = z.output<typeof LogPageSchema>;
export type LogPageInput = z.input<typeof LogPageSchema>;

/** A search request as one query string carries it: the filter and the page. */
export const LogQuerySchema = LogFilterSchema.extend(LogPageSchema.shape).strict();

/** One page of results and the cursor of the next, `null` on the last page. */
export interface LogResultPage<T> {
  items: T[];
  nextCursor: string | null;
}
