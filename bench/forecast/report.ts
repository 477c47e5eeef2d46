import type { SystemScore } from './evaluate.js';

/** Published M4/M3 numbers for the same methods, for the table's last column. */
export const PUBLISHED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'm4-weekly': { theta: '9.093 / 2.637', naive2: '9.161 / 2.777', snaive: '9.161 / 2.777', ours: 'target ≤ 8.3 / ≤ 2.45' },
  'm4-hourly': { theta: '18.138 / 2.455', naive2: '18.383 / 2.395', snaive: '13.912 / 1.193' },
  'm3-monthly': { theta: '13.85 (sMAPE)', ours: 'target ≤ 13.6 (sMAPE)' },
};

const pad = (s: string, n: number): string => s.padEnd(n);

/** Readable table: one row per system. */
export function formatTable(options: { dataset: string; split: string; series: number; scores: readonly SystemScore[] }): string {
  const header = `${pad('method', 8)}  ${pad('sMAPE', 8)}  ${pad('MASE', 8)}  ${pad('seconds', 8)}  published on the official test (sMAPE / MASE)`;
  const rows = options.scores.map(
    (s) =>
      `${pad(s.system, 8)}  ${pad(s.smape.toFixed(3), 8)}  ${pad(s.mase.toFixed(3), 8)}  ${pad(s.seconds.toFixed(1), 8)}  ${PUBLISHED[options.dataset]?.[s.system] ?? ''}`,
  );
  const ours = options.scores.find((s) => s.system === 'ours');
  const chosen = ours?.chosen === undefined ? '' : `\nours chose: ${Object.entries(ours.chosen).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`;
  const coverage = ours?.coverage === undefined ? '' : `\nours 95% interval coverage: ${(100 * ours.coverage).toFixed(1)}%`;
  const skipped = options.scores.some((s) => s.maseSkipped > 0) ? `\nMASE leaves out ${options.scores[0]?.maseSkipped} series with a constant history` : '';
  return [`${options.dataset}: ${options.series} series, ${options.split}`, header, ...rows].join('\n') + chosen + coverage + skipped;
}
