import { z } from 'zod';
import { defineJob } from '../core/jobs.js';

/** Runs the monitor's alert rules (all, or one by name); returns how many new alerts were raised. */
export type RunAlertRules = (rule?: string) => Promise<number>;

/**
 * `alert-rules` `{rule?}`: evaluates the alert rules, scheduled as a repeatable job.
 *
 * @remarks The rules deduplicate against stored alerts within their cool-down, so a run repeated
 * after a crash raises nothing twice.
 * @example
 * await jobs.repeat('alert-rules', {}, { everyMs: 5 * 60_000, key: 'all' });
 */
export function alertRulesJob(deps: { runAlertRules: RunAlertRules }) {
  return defineJob({
    name: 'alert-rules',
    schema: z.object({ rule: z.string().min(1).max(64).optional() }),
    attempts: 2,
    backoff: { type: 'fixed', delayMs: 5_000 },
    async handler(data) {
      await deps.runAlertRules(data.rule);
    },
  });
}
