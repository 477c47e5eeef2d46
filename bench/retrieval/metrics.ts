/** The q-th percentile (0–100) of the values, by nearest rank. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** 1-based rank of the first relevant id in `ranked`, or Infinity. */
export function firstRelevantRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const index = ranked.findIndex((id) => relevant.has(id));
  return index < 0 ? Number.POSITIVE_INFINITY : index + 1;
}

/** Ranking quality over a query set: recall@1, recall@5 (any relevant id in the top k) and MRR@10. */
export interface RankingMetrics {
  recall_at_1: number;
  recall_at_5: number;
  mrr_at_10: number;
}

export function rankingMetrics(ranks: readonly number[]): RankingMetrics {
  const n = ranks.length || 1;
  const at = (k: number) => ranks.filter((r) => r <= k).length / n;
  const mrr = ranks.reduce((sum, r) => sum + (r <= 10 ? 1 / r : 0), 0) / n;
  return { recall_at_1: at(1), recall_at_5: at(5), mrr_at_10: mrr };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
