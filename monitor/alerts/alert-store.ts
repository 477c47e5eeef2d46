import type { Kysely, Selectable } from 'kysely';
import type { AlertsTable, Database } from '../../store/schema.js';
import { SEVERITY_RANK, type Alert, type AlertRuleName, type AlertSeverity, type CandidateAlert } from './types.js';

/**
 * Whether an alert with the same rule and key, of at least this severity, was raised after `since`.
 *
 * @remarks Uses the `(rule, key, raised_at)` index of migration 004. A rise in severity is not
 * covered by a milder alert, so an escalation is raised within the cool-down.
 */
export async function coveredByRecentAlert(
  db: Kysely<Database>,
  options: { rule: AlertRuleName; key: string; severity: AlertSeverity; since: string },
): Promise<boolean> {
  const rows = await db.selectFrom('alerts').select('severity')
    .where('rule', '=', options.rule)
    .where('key', '=', options.key)
    .where('raised_at', '>', options.since)
    .execute();
  return rows.some((r) => (SEVERITY_RANK[r.severity] ?? 0) >= SEVERITY_RANK[options.severity]);
}

/** Stores a new alert, not yet delivered; returns it with its id. */
export async function insertAlert(db: Kysely<Database>, options: { alert: CandidateAlert; raisedAt: string }): Promise<Alert> {
  const { alert, raisedAt } = options;
  const row = await db.insertInto('alerts').values({
    rule: alert.rule,
    key: alert.key,
    severity: alert.severity,
    title: alert.title,
    detail: alert.detail,
    data: JSON.stringify(alert.table ? { ...alert.data, table: alert.table } : alert.data),
    raised_at: raisedAt,
    delivered_to: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { ...alert, id: Number(row.id), raisedAt, deliveredTo: [] };
}

/** Records the channels an alert reached. */
export async function markDelivered(db: Kysely<Database>, options: { id: number; deliveredTo: readonly string[] }): Promise<void> {
  await db.updateTable('alerts').set({ delivered_to: JSON.stringify(options.deliveredTo) }).where('id', '=', options.id).execute();
}

/**
 * Stored alerts, newest first: for the monitor dashboard's alert list.
 *
 * @example
 * const latest = await listAlerts(db, { since: '2026-11-24T00:00:00.000Z', limit: 50 });
 */
export async function listAlerts(
  db: Kysely<Database>,
  options: { since?: string; rule?: AlertRuleName; limit?: number } = {},
): Promise<Alert[]> {
  let query = db.selectFrom('alerts').selectAll();
  if (options.since !== undefined) query = query.where('raised_at', '>=', options.since);
  if (options.rule !== undefined) query = query.where('rule', '=', options.rule);
  const rows = await query.orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(Math.min(Math.max(options.limit ?? 100, 1), 1000)).execute();
  return rows.map(toAlert);
}

function toAlert(row: Selectable<AlertsTable>): Alert {
  const { table, ...data } = parseJson(row.data) as Record<string, unknown>;
  return {
    id: Number(row.id),
    rule: row.rule as AlertRuleName,
    key: row.key,
    severity: row.severity,
    title: row.title,
    detail: row.detail,
    data,
    ...(table ? { table: table as Alert['table'] } : {}),
    raisedAt: row.raised_at,
    deliveredTo: channelsOf(row.delivered_to),
  };
}

function channelsOf(text: string | null): string[] {
  const value = text === null ? [] : parseJson(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
