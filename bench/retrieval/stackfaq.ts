import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { createKnowledgeBase, type FusionConfig, type KnowledgeBaseService, type SearchMode } from '../../retrieval/index.js';
import { firstRelevantRank, percentile, rankingMetrics, round, type RankingMetrics } from './metrics.js';
import { readCorpus, readQueries, splitByRephrasing, type CorpusEntry, type QueryEntry } from './stackfaq-data.js';
import { answerCases, scoreThreshold, tuneFusion, tuneThreshold, type Candidates, type ThresholdScore } from './tuning.js';

/** An encoder whose cache can be emptied, so that timed queries always pay for encoding. */
export interface ClearableEncoder extends Encoder {
  clear(): void;
}

type Log = (line: string) => void;

/** Builds a KB with one FAQ document per corpus entry; train queries become its example questions. */
async function buildKb(options: { corpus: readonly CorpusEntry[]; examples: readonly QueryEntry[]; encoder: Encoder; fusion?: FusionConfig; threshold?: number; vectorWeight?: number }): Promise<{ kb: KnowledgeBaseService; dir: string; seconds: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-stackfaq-'));
  const started = performance.now();
  const kb = await createKnowledgeBase({
    dir, encoder: options.encoder, candidates: 50,
    ...(options.fusion ? { fusion: options.fusion } : {}),
    ...(options.threshold !== undefined ? { noAnswerThreshold: options.threshold } : {}),
    ...(options.vectorWeight !== undefined ? { confidenceVectorWeight: options.vectorWeight } : {}),
  });
  const examples = new Map<string, string[]>();
  for (const query of options.examples) {
    for (const id of query.relevant_ids) examples.set(id, [...(examples.get(id) ?? []), query.query]);
  }
  const docs = options.corpus.map((entry) => ({
    id: entry.id, fileName: `${entry.id}.json`, title: entry.question,
    content: JSON.stringify([{ question: entry.question, answer: entry.answer, examples: examples.get(entry.id) ?? [] }]),
  }));
  const result = await kb.upsertDocuments(docs);
  const failed = result.errors[0];
  if (failed !== undefined) throw new InvalidInputError(`${failed.fileName}: ${failed.message}`);
  return { kb, dir, seconds: (performance.now() - started) / 1000 };
}

async function collectCandidates(kb: KnowledgeBaseService, queries: readonly QueryEntry[]): Promise<Candidates[]> {
  const out: Candidates[] = [];
  for (const query of queries) out.push({ relevant: new Set(query.relevant_ids), hits: await kb.search(query.query, { k: 100 }) });
  return out;
}

/** Two folds over the training queries: each fold is asked against a KB holding the other fold's phrasings. */
async function tune(options: { corpus: readonly CorpusEntry[]; train: readonly QueryEntry[]; encoder: Encoder; log: Log }): Promise<{ fusion: FusionConfig; threshold: ThresholdScore; tuneMetrics: RankingMetrics }> {
  const { train, test } = splitByRephrasing(options.train, 2);
  const candidates: Candidates[] = [];
  for (const [fit, held] of [[train, test], [test, train]] as const) {
    const { kb, dir, seconds } = await buildKb({ corpus: options.corpus, examples: fit, encoder: options.encoder });
    options.log(`tuning fold: built with ${fit.length} example questions in ${seconds.toFixed(1)} s, asking ${held.length}`);
    candidates.push(...await collectCandidates(kb, held));
    await kb.close();
    await rm(dir, { recursive: true, force: true });
  }
  const { fusion, metrics } = tuneFusion(candidates);
  const threshold = tuneThreshold(answerCases(candidates, fusion));
  return { fusion, threshold, tuneMetrics: metrics };
}

interface ModeResult extends RankingMetrics { p50_ms: number; p95_ms: number }

async function measureMode(options: { kb: KnowledgeBaseService; queries: readonly QueryEntry[]; mode: SearchMode; encoder: ClearableEncoder }): Promise<ModeResult> {
  const { kb, queries, mode } = options;
  options.encoder.clear();
  for (const query of queries.slice(0, 5)) await kb.search(`${query.query} warm-up`, { k: 10, mode });
  options.encoder.clear();
  const ranks: number[] = [];
  const times: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const hits = await kb.search(query.query, { k: 10, mode });
    times.push(performance.now() - started);
    ranks.push(firstRelevantRank(hits.map((h) => h.docId), new Set(query.relevant_ids)));
  }
  const metrics = rankingMetrics(ranks);
  return {
    recall_at_1: round(metrics.recall_at_1), recall_at_5: round(metrics.recall_at_5), mrr_at_10: round(metrics.mrr_at_10),
    p50_ms: round(percentile(times, 50), 2), p95_ms: round(percentile(times, 95), 2),
  };
}

/**
 * The StackFAQ benchmark: tune on `--train` (two folds), then build with every training
 * phrasing as an FAQ example question and measure BM25-only, vector-only and hybrid on `--queries`.
 */
export async function runStackFaq(options: { corpus: string; queries: string; train?: string; encoder: ClearableEncoder; log: Log }): Promise<Record<string, unknown>> {
  const { log, encoder } = options;
  const corpus = await readCorpus(options.corpus);
  const queries = await readQueries(options.queries);
  const train = options.train === undefined ? [] : await readQueries(options.train);
  log(`corpus ${corpus.length} entries, ${queries.length} test queries, ${train.length} training queries, encoder ${encoder.id}`);
  const tuned = train.length > 0 ? await tune({ corpus, train, encoder, log }) : undefined;
  if (tuned) {
    log(`tuned fusion ${JSON.stringify(tuned.fusion)} (tuning folds: MRR@10 ${round(tuned.tuneMetrics.mrr_at_10)}, recall@1 ${round(tuned.tuneMetrics.recall_at_1)})`);
    log(`tuned no-answer: confidence vector weight ${tuned.threshold.vectorWeight}, threshold ${tuned.threshold.threshold} (tuning accuracy ${round(tuned.threshold.accuracy)})`);
  }
  const { kb, dir, seconds } = await buildKb({
    corpus, examples: train, encoder, fusion: tuned?.fusion, threshold: tuned?.threshold.threshold, vectorWeight: tuned?.threshold.vectorWeight,
  });
  log(`built the index in ${seconds.toFixed(1)} s (${JSON.stringify(kb.stats())})`);
  const results: Record<SearchMode, ModeResult> = {
    bm25: await measureMode({ kb, queries, mode: 'bm25', encoder }),
    vector: await measureMode({ kb, queries, mode: 'vector', encoder }),
    hybrid: await measureMode({ kb, queries, mode: 'hybrid', encoder }),
  };
  const noAnswer = scoreThreshold(
    answerCases(await collectCandidates(kb, queries), kb.config.fusion),
    kb.config.confidenceVectorWeight, kb.config.noAnswerThreshold,
  );
  await kb.close();
  await rm(dir, { recursive: true, force: true });
  log('');
  log('mode     recall@1  recall@5  MRR@10   p50 ms   p95 ms');
  for (const mode of ['bm25', 'vector', 'hybrid'] as const) {
    const r = results[mode];
    log(`${mode.padEnd(8)} ${r.recall_at_1.toFixed(3).padStart(8)}  ${r.recall_at_5.toFixed(3).padStart(8)}  ${r.mrr_at_10.toFixed(3).padStart(6)}  ${r.p50_ms.toFixed(2).padStart(7)}  ${r.p95_ms.toFixed(2).padStart(7)}`);
  }
  log(`no-answer at threshold ${kb.config.noAnswerThreshold}: answered correctly ${round(noAnswer.answered_correct)}, false answers on unanswerable ${round(noAnswer.false_answers)}, decision accuracy ${round(noAnswer.accuracy)}`);
  return {
    dataset: 'stackfaq', ...results.hybrid, bm25: results.bm25, vector: results.vector,
    fusion: kb.config.fusion, no_answer: { threshold: kb.config.noAnswerThreshold, confidence_vector_weight: kb.config.confidenceVectorWeight, ...roundAll(noAnswer) },
    build_seconds: round(seconds, 1),
  };
}

function roundAll(score: ThresholdScore): Record<string, number> {
  return { accuracy: round(score.accuracy), answered_correct: round(score.answered_correct), false_answers: round(score.false_answers) };
}
