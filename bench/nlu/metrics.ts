import { BenchContractError } from './errors.js';

/** Share of positions where `predicted` equals `gold`, in [0, 1]; 0 for empty input. */
export function accuracy<T>(predicted: readonly T[], gold: readonly T[]): number {
  if (predicted.length !== gold.length) {
    throw new BenchContractError(`accuracy: ${predicted.length} predictions for ${gold.length} gold labels`);
  }
  if (gold.length === 0) return 0;
  let correct = 0;
  gold.forEach((g, i) => {
    if (predicted[i] === g) correct += 1;
  });
  return correct / gold.length;
}

/** Intent metrics with out-of-scope items; `null` marks out of scope, in gold and predictions. */
export interface IntentScores {
  /** Over every item, out-of-scope ones included. */
  accuracy: number;
  /** Over in-scope items only (predicting out-of-scope for them is wrong). */
  inScopeAccuracy: number;
  /** Share of out-of-scope items predicted out of scope; `undefined` without any. */
  oosRecall: number | undefined;
}

export function intentScores(predicted: ReadonlyArray<string | null>, gold: ReadonlyArray<string | null>): IntentScores {
  const all = accuracy(predicted, gold);
  const inScope = gold.flatMap((g, i) => (g === null ? [] : [i]));
  const oos = gold.flatMap((g, i) => (g === null ? [i] : []));
  const pick = (indices: number[], from: ReadonlyArray<string | null>) => indices.map((i) => from[i] ?? null);
  return {
    accuracy: all,
    inScopeAccuracy: accuracy(pick(inScope, predicted), pick(inScope, gold)),
    oosRecall: oos.length === 0 ? undefined : accuracy(pick(oos, predicted), pick(oos, gold)),
  };
}

/** A labelled span over token positions `[start, end]`, both inclusive. */
export interface Span {
  type: string;
  start: number;
  end: number;
}

function splitTag(tag: string): { prefix: string; type: string } {
  if (tag === 'O' || tag === '') return { prefix: 'O', type: '' };
  const dash = tag.indexOf('-');
  // A bare "B" or "I" has no type; a tag without a known prefix is treated as inside a chunk.
  if (dash < 0) return /^[BIES]$/.test(tag) ? { prefix: tag, type: '' } : { prefix: 'I', type: tag };
  return { prefix: tag.slice(0, dash), type: tag.slice(dash + 1) };
}

function endsChunk(prev: { prefix: string; type: string }, next: { prefix: string; type: string }): boolean {
  if (prev.prefix === 'O') return false;
  if (prev.prefix === 'E' || prev.prefix === 'S') return true;
  if (next.prefix === 'B' || next.prefix === 'S' || next.prefix === 'O') return true;
  return prev.type !== next.type;
}

function startsChunk(prev: { prefix: string; type: string }, next: { prefix: string; type: string }): boolean {
  if (next.prefix === 'O') return false;
  if (next.prefix === 'B' || next.prefix === 'S') return true;
  if (prev.prefix === 'O' || prev.prefix === 'E' || prev.prefix === 'S') return true;
  return prev.type !== next.type;
}

/**
 * Reads labelled spans from a tag sequence, as conlleval and seqeval (default mode) do.
 *
 * @remarks Accepts BIO and BIOES. An `I-`/`E-` after `O`, after a finished chunk or after
 * another type starts a new span (conlleval's lenient reading); an `I-x` after `B-y` ends
 * the `y` span.
 *
 * @example
 * ```ts
 * extractSpans(['B-city', 'I-city', 'O', 'I-date']);
 * // [{ type: 'city', start: 0, end: 1 }, { type: 'date', start: 3, end: 3 }]
 * ```
 */
export function extractSpans(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let prev = { prefix: 'O', type: '' };
  let begin = 0;
  [...tags, 'O'].forEach((tag, i) => {
    const next = splitTag(tag);
    if (endsChunk(prev, next)) spans.push({ type: prev.type, start: begin, end: i - 1 });
    if (startsChunk(prev, next)) begin = i;
    prev = next;
  });
  return spans;
}

/** Exact-span scores, micro-averaged over all spans of all sentences. */
export interface SpanScores {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predictedSpans: number;
  goldSpans: number;
}

/**
 * CoNLL-style exact-span micro F1: a predicted span counts only when its type, start and
 * end all match a gold span of the same sentence.
 *
 * @remarks Precision (recall) is 0 when there are no predicted (gold) spans, and F1 is 0 when
 * both are 0, as conlleval reports.
 *
 * @throws {@link BenchContractError} when sentence counts or tag counts differ.
 */
export function spanF1(predicted: ReadonlyArray<readonly string[]>, gold: ReadonlyArray<readonly string[]>): SpanScores {
  if (predicted.length !== gold.length) {
    throw new BenchContractError(`spanF1: ${predicted.length} predicted sentences for ${gold.length} gold ones`);
  }
  let truePositives = 0;
  let predictedSpans = 0;
  let goldSpans = 0;
  gold.forEach((goldTags, i) => {
    const predTags = predicted[i] ?? [];
    if (predTags.length !== goldTags.length) {
      throw new BenchContractError(`spanF1: sentence ${i} has ${predTags.length} predicted tags for ${goldTags.length} tokens`);
    }
    const goldKeys = new Set(extractSpans(goldTags).map((s) => `${s.type}\u0000${s.start}\u0000${s.end}`));
    const predSpans = extractSpans(predTags);
    predictedSpans += predSpans.length;
    goldSpans += goldKeys.size;
    for (const s of predSpans) if (goldKeys.has(`${s.type}\u0000${s.start}\u0000${s.end}`)) truePositives += 1;
  });
  const precision = predictedSpans === 0 ? 0 : truePositives / predictedSpans;
  const recall = goldSpans === 0 ? 0 : truePositives / goldSpans;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predictedSpans, goldSpans };
}

/** The `p`-th percentile (0–100) with linear interpolation between ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}
