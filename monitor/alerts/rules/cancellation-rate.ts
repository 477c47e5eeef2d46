import type { Kysely } from 'kysely';
import type { Database } from '../../../store/schema.js';
import type { CancellationRateConfig } from '../config.js';
import type { AlertRule, CandidateAlert } from '../types.js';
import { isoBefore, percent, rateAgainstBaseline, toCount, type ShareCounts } from './shared.js';

/** Cancellations and orders placed in the window and in the baseline before it. */
export interface CancellationData {
  baselineFrom: string;
  windowFrom: string;
  to: string;
  window: ShareCounts;
  baseline: ShareCounts;
}

/**
 * Orders cancelled (a `cancelled` status-history row) and orders placed in [from, to).
 *
 * @remarks A flow ratio: the cancellations need not be of orders placed in the same span (a
 * cancellation follows its order by hours), so a burst can push it above 1.
 */
export async function readCancellationCounts(db: Kysely<Database>, options: { from: string; to: string }): Promise<ShareCounts> {
  const [cancelled, placed] = await Promise.all([
    db.selectFrom('order_status_history')
      .select((eb) => eb.fn.count('order_status_history.order_id').distinct().as('n'))
      .where('status', '=', 'cancelled')
      .where('at', '>=', options.from)
      .where('at', '<', options.to)
      .executeTakeFirst(),
    db.selectFrom('orders')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('placed_at', '>=', options.from)
      .where('placed_at', '<', options.to)
      .executeTakeFirst(),
  ]);
  return { matching: toCount(cancelled?.n), total: toCount(placed?.n) };
}

/** Reads the window and its baseline as `config` defines them, ending at `now`. */
export async function readCancellations(db: Kysely<Database>, options: { now: Date; config: CancellationRateConfig }): Promise<CancellationData> {
  const { now, config } = options;
  const windowMs = config.windowHours * 3_600_000;
  const to = now.toISOString();
  const windowFrom = isoBefore(now, windowMs);
  const baselineFrom = isoBefore(now, windowMs + config.baselineDays * 86_400_000);
  const [window, baseline] = await Promise.all([
    readCancellationCounts(db, { from: windowFrom, to }),
    readCancellationCounts(db, { from: baselineFrom, to: windowFrom }),
  ]);
  return { baselineFrom, windowFrom, to, window, baseline };
}

/** An unusual cancellation rate: cancellations per order placed in the window against the baseline's. */
export function cancellationRateAlerts(data: CancellationData, config: CancellationRateConfig): CandidateAlert[] {
  const check = rateAgainstBaseline({
    window: data.window, baseline: data.baseline, minRate: config.minRate, factor: config.factor,
    minTotal: config.minOrders, minMatching: config.minCancellations,
  });
  if (!check.fires) return [];
  const { window } = data;
  return [{
    rule: 'cancellation_rate',
    key: 'orders',
    severity: check.rate >= config.criticalRate ? 'critical' : 'warning',
    title: `Unusual cancellation rate: ${percent(check.rate)} in the last ${config.windowHours} h`,
    detail: `${window.matching} cancellations against ${window.total} orders placed in the last ${config.windowHours} hours (${percent(check.rate)}), `
      + `against ${percent(check.baselineRate)} over the previous ${config.baselineDays} days (alert level ${percent(check.threshold)}).`,
    data: {
      from: data.windowFrom, to: data.to, cancellations: window.matching, orders: window.total,
      rate: check.rate, baselineRate: check.baselineRate, baselineCancellations: data.baseline.matching,
      baselineOrders: data.baseline.total, threshold: check.threshold,
    },
  }];
}

/** The cancellation-rate rule. */
export const cancellationRateRule: AlertRule<CancellationRateConfig> = {
  name: 'cancellation_rate',
  async evaluate({ db, now, config }) {
    return cancellationRateAlerts(await readCancellations(db, { now, config }), config);
  },
};
