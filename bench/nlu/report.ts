import type { DatasetName } from './datasets/index.js';
import { PUBLISHED } from './published.js';
import { isFailure, type BenchOutcome, type BenchResult } from './result.js';

type MetricKey = Exclude<keyof BenchResult, 'dataset' | 'system' | 'split' | 'test_utterances'>;

const ROWS: ReadonlyArray<{ key: MetricKey; label: string }> = [
  { key: 'intent_accuracy', label: 'intent accuracy %' },
  { key: 'in_scope_accuracy', label: 'in-scope accuracy %' },
  { key: 'oos_recall', label: 'OOS recall %' },
  { key: 'slot_f1', label: 'slot F1 % (exact span)' },
  { key: 'train_seconds', label: 'train s' },
  { key: 'parse_p50_ms', label: 'parse p50 ms' },
  { key: 'parse_p95_ms', label: 'parse p95 ms' },
  { key: 'utterances_per_s', label: 'utterances/s (batch)' },
  { key: 'rss_mb', label: 'RSS MB' },
];

function cell(outcome: BenchOutcome, key: MetricKey): string {
  if (isFailure(outcome)) return key === 'intent_accuracy' ? 'failed' : '';
  const value = outcome[key];
  if (value === undefined) return '';
  return value === null ? 'n/a' : String(value);
}

/**
 * A plain-text table: one column per system, plus the published figures for the dataset.
 *
 * @example
 * ```text
 * metric               | ours  | node-nlp | USE (Casanueva et al. 2020)
 * intent accuracy %    | 90.12 | 85.3     | 92.81
 * ```
 */
export function formatTable(dataset: DatasetName, outcomes: readonly BenchOutcome[]): string {
  const published = PUBLISHED[dataset];
  const present = (key: MetricKey) =>
    outcomes.some((o) => !isFailure(o) && o[key] !== undefined) || published.some((p) => key in p);
  const header = ['metric', ...outcomes.map((o) => o.system), ...published.map((p) => p.source)];
  const body = ROWS.filter((row) => present(row.key)).map((row) => [
    row.label,
    ...outcomes.map((o) => cell(o, row.key)),
    ...published.map((p) => {
      const figures: Partial<Record<MetricKey, number>> = p;
      return figures[row.key]?.toString() ?? '';
    }),
  ]);
  const rows = [header, ...body];
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c] ?? 0)).join(' | ').trimEnd();
  const failures = outcomes.filter(isFailure).map((o) => `${o.system} failed after ${o.elapsed_seconds} s: ${o.error}`);
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line), ...failures].join('\n');
}
