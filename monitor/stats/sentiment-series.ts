import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { SENTIMENT_BANDS } from '../logs/index.js';
import type { StatsPeriod } from './period.js';

/** One time bucket of customers' sentiment. */
export interface SentimentPoint {
  /** Start of the bucket, ISO-8601 UTC (`2026-11-25T15:00:00.000Z`). */
  at: string;
  /** Average score in [-1, 1] of the scored inbound messages. */
  average: number;
  /** Scored inbound messages in the bucket. */
  count: number;
  /** Share of them in the negative band (score below {@link SENTIMENT_BANDS.negativeBelow}). */
  negativeShare: number;
}

/** Characters of a stored ISO time that name its hour (`2026-11-25T15`) or day (`2026-11-25`). */
const PREFIX = { hour: 13, day: 10 } as const;

/** The start of a bucket from its ISO prefix. */
function bucketStart(prefix: string, bucket: StatsPeriod['bucket']): string {
  return bucket === 'hour' ? `${prefix}:00:00.000Z` : `${prefix}T00:00:00.000Z`;
}

/**
 * Average sentiment, count and negative share of scored inbound messages per hour or day.
 * Buckets without scored messages are left out.
 *
 * @remarks Stored times are ISO-8601 UTC text, so a bucket is a prefix of it (`substr`, the
 * same in SQLite and PostgreSQL). Lengths go in as literals so that PostgreSQL sees the same
 * expression in `select` and `group by`.
 */
export async function sentimentSeries(db: Kysely<Database>, period: StatsPeriod): Promise<SentimentPoint[]> {
  const rows = await db.selectFrom('messages')
    .select((eb) => {
      const bucket = eb.fn<string>('substr', [eb.ref('messages.created_at'), sql.lit(1), sql.lit(PREFIX[period.bucket])]);
      return [
        bucket.as('bucket'),
        eb.fn.avg<number | string>('messages.sentiment').as('average'),
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.count<number | string>(eb.case().when('messages.sentiment', '<', SENTIMENT_BANDS.negativeBelow).then(sql.lit(1)).end()).as('negative'),
      ];
    })
    .where('messages.direction', '=', 'in')
    .where('messages.sentiment', 'is not', null)
    .where('messages.created_at', '>=', period.from)
    .where('messages.created_at', '<', period.to)
    .groupBy((eb) => eb.fn('substr', [eb.ref('messages.created_at'), sql.lit(1), sql.lit(PREFIX[period.bucket])]))
    .orderBy('bucket')
    .execute();
  return rows.map((row) => {
    const count = Number(row.count);
    return {
      at: bucketStart(row.bucket, period.bucket),
      average: round(Number(row.average)),
      count,
      negativeShare: round(Number(row.negative) / count),
    };
  });
}

/** Four decimals: enough for a chart, stable across engines' float formatting. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Customers' sentiment over a whole period. */
export interface SentimentTotals {
  /** Average score; `null` when nothing was scored. */
  average: number | null;
  scored: number;
  /** Share of scored messages in the negative band; `null` when nothing was scored. */
  negativeShare: number | null;
}

/** Average, count and negative share of the scored inbound messages in the period. */
export async function sentimentTotals(db: Kysely<Database>, period: StatsPeriod): Promise<SentimentTotals> {
  const row = await db.selectFrom('messages')
    .select((eb) => [
      eb.fn.avg<number | string | null>('messages.sentiment').as('average'),
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.count<number | string>(eb.case().when('messages.sentiment', '<', SENTIMENT_BANDS.negativeBelow).then(sql.lit(1)).end()).as('negative'),
    ])
    .where('messages.direction', '=', 'in')
    .where('messages.sentiment', 'is not', null)
    .where('messages.created_at', '>=', period.from)
    .where('messages.created_at', '<', period.to)
    .executeTakeFirstOrThrow();
  const scored = Number(row.count);
  if (scored === 0) return { average: null, scored, negativeShare: null };
  return { average: round(Number(row.average)), scored, negativeShare: round(Number(row.negative) / scored) };
}
