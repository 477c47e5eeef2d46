import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { redact, type RedactOptions } from '../logs/index.js';
import { containment, type Containment } from './containment.js';
import type { StatsPeriod } from './period.js';
import { recentAlerts, type DashboardAlert } from './recent-alerts.js';
import { sentimentSeries, sentimentTotals, type SentimentPoint, type SentimentTotals } from './sentiment-series.js';
import { topUnanswered, type UnansweredQuestion } from './unanswered.js';
import { messageVolume, type Volume } from './volume.js';

/** Everything the dashboard shows for one period. */
export interface DashboardSummary {
  period: StatsPeriod;
  sentiment: SentimentTotals & { series: SentimentPoint[] };
  volume: Volume;
  containment: Containment;
  unanswered: UnansweredQuestion[];
  alerts: DashboardAlert[];
}

/** How texts leave: as stored (`raw`), or with personal data replaced by tags. */
export type SummaryRedaction = { raw: true } | ({ raw: false } & RedactOptions);

/**
 * Runs every dashboard statistic for the period and redacts the customer-written texts
 * (unanswered questions) and alert texts unless `raw`.
 *
 * @example
 * const summary = await dashboardSummary(db, { period: resolvePeriod({}, new Date()), redaction: { raw: false } });
 */
export async function dashboardSummary(db: Kysely<Database>, options: { period: StatsPeriod; redaction: SummaryRedaction }): Promise<DashboardSummary> {
  const { period, redaction } = options;
  const [series, totals, volume, contained, unanswered, alerts] = await Promise.all([
    sentimentSeries(db, period), sentimentTotals(db, period), messageVolume(db, period), containment(db, period),
    topUnanswered(db, { period }), recentAlerts(db, { period }),
  ]);
  const hide = (text: string) => (redaction.raw ? text : redact(text, redaction));
  return {
    period,
    sentiment: { ...totals, series },
    volume,
    containment: contained,
    unanswered: unanswered.map((q) => ({ ...q, text: hide(q.text) })),
    alerts: alerts.map((a) => ({ ...a, title: hide(a.title), detail: hide(a.detail) })),
  };
}
