import { confidenceOf, fuse, type FusionConfig, type SearchHit } from '../../retrieval/index.js';
import { firstRelevantRank, rankingMetrics, type RankingMetrics } from './metrics.js';

/** One query's candidates from a wide hybrid search, with which documents are relevant. */
export interface Candidates {
  relevant: ReadonlySet<string>;
  hits: readonly SearchHit[];
}

/** Re-ranks a query's candidates with another fusion configuration, returning doc ids best first. */
export function rerank(candidates: Candidates, fusion: FusionConfig): SearchHit[] {
  const byId = new Map(candidates.hits.map((hit) => [hit.chunkId, hit]));
  const list = (pick: (h: SearchHit) => { rank: number; score: number } | null) => candidates.hits
    .filter((h) => pick(h) !== null)
    .sort((a, b) => (pick(a)?.rank ?? 0) - (pick(b)?.rank ?? 0))
    .map((h) => ({ id: h.chunkId, score: pick(h)?.score ?? 0 }));
  return fuse({ bm25: list((h) => h.bm25), vector: list((h) => h.vector) }, fusion)
    .map((f) => byId.get(f.id))
    .filter((h): h is SearchHit => h !== undefined);
}

export function evaluate(set: readonly Candidates[], fusion: FusionConfig): RankingMetrics {
  return rankingMetrics(set.map((c) => firstRelevantRank(rerank(c, fusion).map((h) => h.docId), c.relevant)));
}

/** The fusion grid searched: RRF with several k and weight ratios, and convex mixing. */
export function fusionGrid(): FusionConfig[] {
  const grid: FusionConfig[] = [];
  for (const k of [5, 10, 20, 30, 60]) {
    for (const ratio of [0.25, 0.4, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4]) grid.push({ method: 'rrf', k, bm25Weight: ratio, vectorWeight: 1 });
  }
  for (let w = 0; w <= 1.0001; w += 0.05) grid.push({ method: 'convex', vectorWeight: Math.round(w * 100) / 100 });
  return grid;
}

/** Picks the fusion with the best MRR@10 on the tuning queries (recall@1 breaks ties). */
export function tuneFusion(set: readonly Candidates[]): { fusion: FusionConfig; metrics: RankingMetrics } {
  let best: { fusion: FusionConfig; metrics: RankingMetrics } | undefined;
  for (const fusion of fusionGrid()) {
    const metrics = evaluate(set, fusion);
    if (best === undefined || metrics.mrr_at_10 > best.metrics.mrr_at_10 + 1e-9
      || (Math.abs(metrics.mrr_at_10 - best.metrics.mrr_at_10) <= 1e-9 && metrics.recall_at_1 > best.metrics.recall_at_1)) best = { fusion, metrics };
  }
  return best as { fusion: FusionConfig; metrics: RankingMetrics };
}

/** For the no-answer decision: the top hit of a query as asked, and with its own thread removed. */
export interface AnswerCase {
  correct: boolean;
  similarity: number;
  coverage: number;
  /** Top hit once every relevant document is taken away: a question the KB cannot answer. */
  negative: { similarity: number; coverage: number } | null;
}

export function answerCases(set: readonly Candidates[], fusion: FusionConfig): AnswerCase[] {
  return set.map((c) => {
    const ranked = rerank(c, fusion);
    const top = ranked[0];
    const other = ranked.find((h) => !c.relevant.has(h.docId));
    return {
      correct: top !== undefined && c.relevant.has(top.docId),
      similarity: top?.similarity ?? 0,
      coverage: top?.coverage ?? 0,
      negative: other === undefined ? null : { similarity: other.similarity ?? 0, coverage: other.coverage },
    };
  });
}

/** How a threshold does: answers given when right, refusals when wrong or unanswerable. */
export interface ThresholdScore {
  vectorWeight: number;
  threshold: number;
  /** Share of decisions that were right: correct answers given, wrong or unanswerable ones withheld. */
  accuracy: number;
  /** Answerable queries answered correctly. */
  answered_correct: number;
  /** Unanswerable queries (own thread removed) that still got an answer. */
  false_answers: number;
}

export function scoreThreshold(cases: readonly AnswerCase[], vectorWeight: number, threshold: number): ThresholdScore {
  let good = 0;
  let total = 0;
  let answeredCorrect = 0;
  let falseAnswers = 0;
  let negatives = 0;
  for (const c of cases) {
    const answered = confidenceOf({ similarity: c.similarity, coverage: c.coverage, vectorWeight }) >= threshold;
    if (answered && c.correct) answeredCorrect += 1;
    good += answered === c.correct ? 1 : 0;
    total += 1;
    if (c.negative !== null) {
      negatives += 1;
      const negAnswered = confidenceOf({ ...c.negative, vectorWeight }) >= threshold;
      if (negAnswered) falseAnswers += 1;
      else good += 1;
      total += 1;
    }
  }
  return {
    vectorWeight, threshold, accuracy: good / (total || 1),
    answered_correct: answeredCorrect / (cases.length || 1), false_answers: falseAnswers / (negatives || 1),
  };
}

/** Grid search of the confidence weight and the no-answer threshold for the best accuracy. */
export function tuneThreshold(cases: readonly AnswerCase[]): ThresholdScore {
  let best: ThresholdScore | undefined;
  for (let w = 0; w <= 1.0001; w += 0.1) {
    for (let t = 0; t <= 1.0001; t += 0.01) {
      const score = scoreThreshold(cases, Math.round(w * 10) / 10, Math.round(t * 100) / 100);
      if (best === undefined || score.accuracy > best.accuracy) best = score;
    }
  }
  return best as ThresholdScore;
}
