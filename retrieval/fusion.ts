import { z } from 'zod';

/** One ranked list from one retriever, best first. */
export interface RankedHit {
  id: string;
  score: number;
}

/** A fused result with its rank (1-based) and score in each input list, if it was in it. */
export interface FusedHit {
  id: string;
  score: number;
  bm25: { rank: number; score: number } | null;
  vector: { rank: number; score: number } | null;
}

/**
 * How the keyword and vector lists are combined.
 *
 * @remarks `rrf` is reciprocal-rank fusion (Cormack et al. 2009): robust because it ignores
 * score scales. `convex` mixes the scores themselves (BM25 divided by the query's best BM25
 * score, cosine as is), which keeps how far apart the candidates are and measured better on
 * StackFAQ (see the README). Weights are tuned on training queries by `bench/retrieval`.
 */
export const FusionConfigSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('rrf'),
    /** Rank offset; larger flattens the difference between top ranks. @defaultValue 60 */
    k: z.number().positive().default(60),
    bm25Weight: z.number().nonnegative().default(1),
    vectorWeight: z.number().nonnegative().default(1),
  }),
  z.object({
    method: z.literal('convex'),
    /** Weight of the vector score; BM25 gets `1 - vectorWeight`. @defaultValue 0.5 */
    vectorWeight: z.number().min(0).max(1).default(0.5),
  }),
]);
export type FusionConfig = z.infer<typeof FusionConfigSchema>;
export type FusionInput = z.input<typeof FusionConfigSchema>;

/**
 * Default fusion: convex, 0.7 vector / 0.3 BM25, the best of the RRF and convex grid on
 * StackFAQ training queries with USE-lite (`bench/retrieval`).
 */
export const DEFAULT_FUSION: FusionConfig = { method: 'convex', vectorWeight: 0.7 };

function indexByRank(list: readonly RankedHit[]): Map<string, { rank: number; score: number }> {
  const byId = new Map<string, { rank: number; score: number }>();
  list.forEach((hit, i) => {
    if (!byId.has(hit.id)) byId.set(hit.id, { rank: i + 1, score: hit.score });
  });
  return byId;
}

function sortFused(hits: FusedHit[]): FusedHit[] {
  // Ties go to the better keyword rank, then the id, so the order is deterministic.
  return hits.sort((a, b) => b.score - a.score
    || (a.bm25?.rank ?? Infinity) - (b.bm25?.rank ?? Infinity)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Fuses a BM25 list and a vector list into one ranking.
 *
 * @example
 * ```ts
 * fuse({ bm25: [{ id: 'a', score: 7 }], vector: [{ id: 'b', score: 0.8 }] }, DEFAULT_FUSION);
 * ```
 */
export function fuse(lists: { bm25: readonly RankedHit[]; vector: readonly RankedHit[] }, config: FusionConfig): FusedHit[] {
  const bm25 = indexByRank(lists.bm25);
  const vector = indexByRank(lists.vector);
  const ids = new Set([...bm25.keys(), ...vector.keys()]);
  const topBm25 = lists.bm25[0]?.score ?? 0;
  const fused: FusedHit[] = [];
  for (const id of ids) {
    const b = bm25.get(id) ?? null;
    const v = vector.get(id) ?? null;
    let score: number;
    if (config.method === 'rrf') {
      score = (b ? config.bm25Weight / (config.k + b.rank) : 0) + (v ? config.vectorWeight / (config.k + v.rank) : 0);
    } else {
      const bNorm = b && topBm25 > 0 ? b.score / topBm25 : 0;
      score = config.vectorWeight * (v?.score ?? 0) + (1 - config.vectorWeight) * bNorm;
    }
    fused.push({ id, score, bm25: b, vector: v });
  }
  return sortFused(fused);
}

/**
 * Collapses hits on several vectors of the same chunk (an FAQ entry's question and its extra
 * phrasings) to the chunk's best score, keeping order.
 */
export function maxPerGroup(hits: readonly RankedHit[], groupOf: (id: string) => string | undefined): RankedHit[] {
  const best = new Map<string, number>();
  for (const hit of hits) {
    const group = groupOf(hit.id);
    if (group === undefined) continue;
    const current = best.get(group);
    if (current === undefined || hit.score > current) best.set(group, hit.score);
  }
  return [...best.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
