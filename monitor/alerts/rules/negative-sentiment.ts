import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { NegativeSentimentConfig } from '../config.js';
import type { AlertRule, CandidateAlert } from '../types.js';
import { isoBefore, percent, rateAgainstBaseline, toCount, type ShareCounts } from './shared.js';

/** What the negative-sentiment rule reads: scored inbound messages in the window and the baseline before it. */
export interface NegativeSentimentData {
  /** ISO times: the window is [windowFrom, to), the baseline [baselineFrom, windowFrom). */
  baselineFrom: string;
  windowFrom: string;
  to: string;
  window: ShareCounts;
  baseline: ShareCounts;
}

/** Scored inbound messages in [from, to), and how many scored below `negativeBelow`. */
export async function readSentimentCounts(
  db: Kysely<Database>,
  options: { from: string; to: string; negativeBelow: number },
): Promise<ShareCounts> {
  const row = await db.selectFrom('messages')
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn.sum(eb.case().when('sentiment', '<', options.negativeBelow).then(1).else(0).end()).as('negative'),
    ])
    .where('direction', '=', 'in')
    .where('sentiment', 'is not', null)
    .where('created_at', '>=', options.from)
    .where('created_at', '<', options.to)
    .executeTakeFirst();
  return { total: toCount(row?.total), matching: toCount(row?.negative) };
}

/** Reads the window and its baseline as `config` defines them, ending at `now`. */
export async function readNegativeSentiment(db: Kysely<Database>, options: { now: Date; config: NegativeSentimentConfig }): Promise<NegativeSentimentData> {
  const { now, config } = options;
  const windowMs = config.windowMinutes * 60_000;
  const to = now.toISOString();
  const windowFrom = isoBefore(now, windowMs);
  const baselineFrom = isoBefore(now, windowMs + config.baselineDays * 86_400_000);
  const [window, baseline] = await Promise.all([
    readSentimentCounts(db, { from: windowFrom, to, negativeBelow: config.negativeBelow }),
    readSentimentCounts(db, { from: baselineFrom, to: windowFrom, negativeBelow: config.negativeBelow }),
  ]);
  return { baselineFrom, windowFrom, to, window, baseline };
}

/**
 * A spike of negative messages: the window's negative share against the baseline's.
 *
 * @remarks One key (`inbound`) for all channels, so the cool-down applies to the spike as a whole.
 */
export function negativeSentimentAlerts(data: NegativeSentimentData, config: NegativeSentimentConfig): CandidateAlert[] {
  const check = rateAgainstBaseline({
    window: data.window, baseline: data.baseline, minRate: config.minRate, factor: config.factor, minTotal: config.minMessages,
  });
  if (!check.fires) return [];
  const { window } = data;
  return [{
    rule: 'negative_sentiment',
    key: 'inbound',
    severity: check.rate >= config.criticalRate ? 'critical' : 'warning',
    title: `Negative sentiment spike: ${percent(check.rate)} of customer messages in the last ${config.windowMinutes} min`,
    detail: `${window.matching} of ${window.total} scored customer messages were negative in the last ${config.windowMinutes} minutes, `
      + `against ${percent(check.baselineRate)} over the previous ${config.baselineDays} days (alert level ${percent(check.threshold)}).`,
    data: {
      from: data.windowFrom, to: data.to, negative: window.matching, messages: window.total,
      rate: check.rate, baselineRate: check.baselineRate, baselineMessages: data.baseline.total, threshold: check.threshold,
    },
  }];
}

/** The negative-sentiment rule. */
export const negativeSentimentRule: AlertRule<NegativeSentimentConfig> = {
  name: 'negative_sentiment',
  async evaluate({ db, now, config }) {
    return negativeSentimentAlerts(await readNegativeSentiment(db, { now, config }), config);
  },
};
