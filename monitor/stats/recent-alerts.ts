import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StatsPeriod } from './period.js';

/** An alert a monitor rule raised, as the dashboard lists it. */
export interface DashboardAlert {
  id: number;
  rule: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  detail: string;
  raisedAt: string;
}

/**
 * Alerts raised in the period, newest first.
 * @defaultValue limit 20
 */
export async function recentAlerts(db: Kysely<Database>, options: { period: StatsPeriod; limit?: number }): Promise<DashboardAlert[]> {
  const rows = await db.selectFrom('alerts')
    .select(['alerts.id', 'alerts.rule', 'alerts.severity', 'alerts.title', 'alerts.detail', 'alerts.raised_at'])
    .where('alerts.raised_at', '>=', options.period.from)
    .where('alerts.raised_at', '<', options.period.to)
    .orderBy('alerts.raised_at', 'desc').orderBy('alerts.id', 'desc')
    .limit(options.limit ?? 20)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id), rule: row.rule, severity: row.severity, title: row.title, detail: row.detail, raisedAt: row.raised_at,
  }));
}
