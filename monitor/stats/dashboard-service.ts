import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../../core/tools.js';
import { findStaffUser } from '../../store/staff.js';
import type { Database } from '../../store/schema.js';
import { monitorViewer, type MonitorViewer } from '../logs/index.js';
import { resolvePeriod } from './period.js';
import { dashboardSummary, type DashboardSummary } from './summary.js';

/** @defaultValue redactOrderNumbers false, clock the system clock */
export interface DashboardServiceOptions {
  db: Kysely<Database>;
  /** Hide order numbers too, where the shop treats them as personal data. */
  redactOrderNumbers?: boolean;
  clock?: Clock;
}

/**
 * The statistics behind the monitor dashboard: who may read them and the summary of a period.
 *
 * @remarks The period arrives as query-string text and is parsed here, so the REST edge and
 * any other caller validate the same way. Texts are always redacted: the dashboard is a
 * screen people share; raw logs stay behind the logs API's audited `raw` reads.
 *
 * @example
 * const stats = new DashboardService({ db });
 * const viewer = await stats.authorize({ staffId: 2 });
 * const summary = await stats.summary({ query: { from: '2026-11-01' }, viewer });
 */
export class DashboardService {
  private readonly clock: Clock;

  constructor(private readonly options: DashboardServiceOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Throws `ForbiddenError` unless the staff user may read conversation logs (monitor, manager, admin). */
  async authorize(request: { staffId: number }): Promise<MonitorViewer> {
    const staff = await findStaffUser(this.options.db, request.staffId);
    return monitorViewer(staff, { raw: false });
  }

  /** The summary of the period `query` names (`from`, `to`, `bucket`); the last 14 days by default. */
  async summary(request: { query: unknown; viewer: MonitorViewer }): Promise<DashboardSummary> {
    const period = resolvePeriod(request.query, this.clock.now());
    return dashboardSummary(this.options.db, {
      period, redaction: { raw: false, orderNumbers: this.options.redactOrderNumbers ?? false },
    });
  }
}
