import { InvalidInputError } from '../../core/errors.js';

/** A chunk found in a tag sequence: tokens `start` to `end` (exclusive) of `type`. */
export interface TagSpan {
  type: string;
  start: number;
  end: number;
}

/** Counts and scores of a span comparison. */
export interface SlotScores {
  precision: number;
  recall: number;
  f1: number;
  /** Spans in gold, in predictions, and exactly matching (same tokens and type). */
  gold: number;
  predicted: number;
  correct: number;
}

function split(tag: string): { prefix: string; type: string } {
  if (tag === 'O' || tag.length < 2 || tag[1] !== '-') return { prefix: tag === 'O' ? 'O' : 'B', type: tag === 'O' ? '' : tag };
  return { prefix: tag[0] as string, type: tag.slice(2) };
}

// The chunk boundary rules of conlleval.pl, for IOB2 and IOBES tags alike.
function endsChunk(prev: { prefix: string; type: string }, cur: { prefix: string; type: string }): boolean {
  if (prev.prefix === 'E' || prev.prefix === 'S') return true;
  if ((prev.prefix === 'B' || prev.prefix === 'I') && (cur.prefix === 'B' || cur.prefix === 'S' || cur.prefix === 'O')) return true;
  return prev.prefix !== 'O' && prev.type !== cur.type;
}

function startsChunk(prev: { prefix: string; type: string }, cur: { prefix: string; type: string }): boolean {
  if (cur.prefix === 'B' || cur.prefix === 'S') return true;
  if ((prev.prefix === 'E' || prev.prefix === 'S' || prev.prefix === 'O') && (cur.prefix === 'I' || cur.prefix === 'E')) return true;
  return cur.prefix !== 'O' && prev.type !== cur.type;
}

/**
 * The chunks of a BIO or BIOES tag sequence, read the way `conlleval` reads them: an `I-x`
 * after `O` or after another type starts a chunk, so sloppy sequences still give spans.
 */
export function spansFromTags(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let prev = { prefix: 'O', type: '' };
  let open: TagSpan | undefined;
  tags.forEach((tag, i) => {
    const cur = split(tag);
    if (open && endsChunk(prev, cur)) {
      open.end = i;
      spans.push(open);
      open = undefined;
    }
    if (startsChunk(prev, cur)) open = { type: cur.type, start: i, end: i + 1 };
    prev = cur;
  });
  if (open) {
    open.end = tags.length;
    spans.push(open);
  }
  return spans;
}

/**
 * Span-level precision, recall and F1 micro-averaged over all sentences (CoNLL style: a
 * predicted span counts only if its tokens and type match a gold span exactly).
 *
 * @throws {@link InvalidInputError} when the two lists or any pair of sentences differ in length.
 */
export function slotScores(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): SlotScores {
  if (gold.length !== predicted.length) {
    throw new InvalidInputError(`slot scores need as many predicted sentences as gold ones (${predicted.length} vs ${gold.length})`);
  }
  let goldCount = 0;
  let predictedCount = 0;
  let correct = 0;
  gold.forEach((goldTags, i) => {
    const predictedTags = predicted[i] as readonly string[];
    if (predictedTags.length !== goldTags.length) {
      throw new InvalidInputError(`sentence ${i}: ${predictedTags.length} predicted tags for ${goldTags.length} gold tags`);
    }
    const goldSpans = new Set(spansFromTags(goldTags).map((s) => `${s.start}:${s.end}:${s.type}`));
    const predictedSpans = spansFromTags(predictedTags);
    goldCount += goldSpans.size;
    predictedCount += predictedSpans.length;
    for (const s of predictedSpans) if (goldSpans.has(`${s.start}:${s.end}:${s.type}`)) correct += 1;
  });
  const precision = predictedCount === 0 ? 0 : correct / predictedCount;
  const recall = goldCount === 0 ? 0 : correct / goldCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold: goldCount, predicted: predictedCount, correct };
}

/**
 * CoNLL exact-span micro F1 of predicted tag sequences against gold ones, in [0, 1].
 *
 * @example
 * ```ts
 * slotF1([['B-city', 'I-city', 'O']], [['B-city', 'I-city', 'O']]); // 1
 * ```
 */
export function slotF1(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): number {
  return slotScores(gold, predicted).f1;
}
