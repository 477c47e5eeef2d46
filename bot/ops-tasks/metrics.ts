import type { ParseResult } from '../../core/nlu.js';
import { entityValue, type Task } from '../tasks.js';

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/**
 * The period named by the message's `date` entity, as `from`/`to` days (both included).
 *
 * @remarks The NLU values a day as `2026-11-24` and a period as an ISO interval whose end is
 * excluded (`2026-11-16/2026-11-23` is one week), open on one side as `../2026-11-20` or
 * `2026-11-01/..`. Nothing named: the tool's default, the last 30 days up to yesterday.
 */
export function metricsArgs(options: { parse: ParseResult }): Record<string, unknown> {
  const value = entityValue(options.parse, 'date')?.trim();
  if (!value) return {};
  if (ISO_DAY.test(value)) return { from: value, to: value };
  const [start = '', end = ''] = value.split('/');
  const from = ISO_DAY.test(start.slice(0, 10)) ? start.slice(0, 10) : undefined;
  const to = ISO_DAY.test(end.slice(0, 10)) ? dayBefore(end.slice(0, 10)) : undefined;
  if (from && to && from > to) return { from };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/**
 * Process metrics, keyed by the intent that starts them; staff only (the tool says so).
 *
 * @remarks The demo NLU has no metrics intent yet: `process_metrics` is the intent to add to its
 * training data. No existing intent means "how are our KPIs": `delayed_orders` and
 * `returns_summary` ask for lists and reasons that this table does not give.
 */
export const METRICS_TASKS: Readonly<Record<string, Task>> = {
  process_metrics: { intent: 'process_metrics', tool: 'process_metrics', slots: [], needsCustomer: false, initialArgs: metricsArgs },
};
