import { z } from 'zod';

const percent = z.number().min(0).max(100);

/**
 * One system's benchmark result: the object printed as one JSON line.
 *
 * @remarks Accuracies and F1 are percentages (0–100, two decimals) so they read like the
 * published tables. `in_scope_accuracy`/`oos_recall` appear for CLINC150 only, `slot_f1`
 * for SNIPS, ATIS and CAIS (`null` when the system has no slot tagger). `split` says whether
 * the numbers come from the test split or from the validation split standing in for it.
 */
export const benchResultSchema = z.object({
  dataset: z.string(),
  system: z.string(),
  intent_accuracy: percent,
  in_scope_accuracy: percent.optional(),
  oos_recall: percent.optional(),
  slot_f1: percent.nullable().optional(),
  train_seconds: z.number().nonnegative(),
  parse_p50_ms: z.number().nonnegative(),
  parse_p95_ms: z.number().nonnegative(),
  utterances_per_s: z.number().nonnegative(),
  rss_mb: z.number().positive(),
  split: z.enum(['test', 'validation']),
  test_utterances: z.number().int().nonnegative(),
});
export type BenchResult = z.infer<typeof benchResultSchema>;

/** The line printed for a system whose run failed or timed out. */
export const benchFailureSchema = z.object({
  dataset: z.string(),
  system: z.string(),
  error: z.string(),
  elapsed_seconds: z.number().nonnegative(),
  split: z.enum(['test', 'validation']),
});
export type BenchFailure = z.infer<typeof benchFailureSchema>;

export type BenchOutcome = BenchResult | BenchFailure;

export function isFailure(outcome: BenchOutcome): outcome is BenchFailure {
  return 'error' in outcome;
}

/** Rounds to `digits` decimals. */
export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Rounds a share in [0, 1] to a percentage with two decimals. */
export const toPercent = (share: number): number => round(share * 100, 2);

/** The JSON line of one outcome: keys in schema order, no whitespace. */
export function toJsonLine(outcome: BenchOutcome): string {
  return JSON.stringify(isFailure(outcome) ? benchFailureSchema.parse(outcome) : benchResultSchema.parse(outcome));
}
