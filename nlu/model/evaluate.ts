import { InvalidInputError } from '../../core/errors.js';

/** Precision, recall and F1 of one class, and how many gold items it has. */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Gold items of the class (true positives + false negatives). */
  support: number;
  /** Items predicted as the class (true positives + false positives). */
  predicted: number;
}

/** {@link Scores} of one intent or entity type. */
export interface LabelScores extends Scores {
  label: string;
}

/** How often examples of `gold` were predicted as `predicted` (a different label). */
export interface Confusion {
  gold: string;
  predicted: string;
  count: number;
}

/** Intent classification measured on a labelled set. */
export interface IntentEvaluation {
  examples: number;
  correct: number;
  /** `correct / examples`; 0 for no examples. */
  accuracy: number;
  /** Unweighted mean F1 over the labels with gold examples. */
  macroF1: number;
  /** Every label seen in gold or predicted, lowest F1 first (ties: most support first, then by name). */
  perIntent: LabelScores[];
  /** Every off-diagonal cell of the confusion matrix, most frequent first (ties by gold, then predicted). */
  confusions: Confusion[];
}

/** An entity span; `end` is exclusive. Two spans match when all three fields are equal. */
export interface Span {
  type: string;
  start: number;
  end: number;
}

/** Entity extraction measured by exact span matches. */
export interface EntityEvaluation extends Omit<Scores, 'support'> {
  gold: number;
  correct: number;
  /** Every type seen in gold or predicted, lowest F1 first; a type only predicted has support 0. */
  perType: LabelScores[];
}

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Precision, recall and F1 from counts.
 *
 * @remarks A ratio with a zero denominator is 0 (scikit-learn's `zero_division=0`): a label never
 * predicted has precision 0 rather than no value, so tables and JSON hold only numbers.
 */
export function scoresFromCounts(counts: Counts): Scores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: tp + fn, predicted: tp + fp };
}

/**
 * Accuracy, per-label scores and confusions of single-label predictions.
 *
 * @throws {@link InvalidInputError} when `gold` and `predicted` differ in length.
 * @example
 * ```ts
 * evaluateIntents({ gold: ['greet', 'bye'], predicted: ['greet', 'greet'] }).accuracy; // 0.5
 * ```
 */
export function evaluateIntents(input: { gold: readonly string[]; predicted: readonly string[] }): IntentEvaluation {
  const { gold, predicted } = input;
  if (gold.length !== predicted.length) throw new InvalidInputError(`${gold.length} gold intents but ${predicted.length} predictions`);
  const counts = new Map<string, Counts>();
  const countsOf = (label: string): Counts => {
    const existing = counts.get(label);
    if (existing !== undefined) return existing;
    const fresh = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    counts.set(label, fresh);
    return fresh;
  };
  const cells = new Map<string, Confusion>();
  let correct = 0;
  gold.forEach((goldLabel, i) => {
    const predictedLabel = predicted[i] as string;
    if (goldLabel === predictedLabel) {
      correct += 1;
      countsOf(goldLabel).truePositives += 1;
      return;
    }
    countsOf(goldLabel).falseNegatives += 1;
    countsOf(predictedLabel).falsePositives += 1;
    const key = JSON.stringify([goldLabel, predictedLabel]);
    const cell = cells.get(key) ?? { gold: goldLabel, predicted: predictedLabel, count: 0 };
    cell.count += 1;
    cells.set(key, cell);
  });
  const perIntent = sortByF1([...counts].map(([label, c]) => ({ label, ...scoresFromCounts(c) })));
  const withSupport = perIntent.filter((s) => s.support > 0);
  return {
    examples: gold.length,
    correct,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: withSupport.length === 0 ? 0 : withSupport.reduce((sum, s) => sum + s.f1, 0) / withSupport.length,
    perIntent,
    confusions: [...cells.values()].sort(
      (a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.predicted.localeCompare(b.predicted),
    ),
  };
}

/**
 * Micro-averaged and per-type precision, recall and F1 of entity spans, by exact
 * `(type, start, end)` match within each text.
 *
 * @remarks Exact matching is the CoNLL convention: a span one character short counts as one false
 * positive and one false negative. Each gold span matches at most one predicted span.
 * @throws {@link InvalidInputError} when `gold` and `predicted` cover a different number of texts.
 */
export function evaluateEntities(input: { gold: ReadonlyArray<readonly Span[]>; predicted: ReadonlyArray<readonly Span[]> }): EntityEvaluation {
  const { gold, predicted } = input;
  if (gold.length !== predicted.length) throw new InvalidInputError(`${gold.length} gold texts but ${predicted.length} predicted`);
  const perType = new Map<string, Counts>();
  const countsOf = (type: string): Counts => {
    const existing = perType.get(type) ?? { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    perType.set(type, existing);
    return existing;
  };
  gold.forEach((goldSpans, i) => {
    const unmatched = new Map<string, number>();
    for (const span of goldSpans) unmatched.set(spanKey(span), (unmatched.get(spanKey(span)) ?? 0) + 1);
    for (const span of predicted[i] ?? []) {
      const left = unmatched.get(spanKey(span)) ?? 0;
      if (left > 0) {
        unmatched.set(spanKey(span), left - 1);
        countsOf(span.type).truePositives += 1;
      } else {
        countsOf(span.type).falsePositives += 1;
      }
    }
    for (const [key, left] of unmatched) countsOf((JSON.parse(key) as [string])[0]).falseNegatives += left;
  });
  const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const c of perType.values()) {
    total.truePositives += c.truePositives;
    total.falsePositives += c.falsePositives;
    total.falseNegatives += c.falseNegatives;
  }
  const { precision, recall, f1 } = scoresFromCounts(total);
  return {
    gold: total.truePositives + total.falseNegatives,
    predicted: total.truePositives + total.falsePositives,
    correct: total.truePositives,
    precision,
    recall,
    f1,
    perType: sortByF1([...perType].map(([label, c]) => ({ label, ...scoresFromCounts(c) }))),
  };
}

function spanKey(span: Span): string {
  return JSON.stringify([span.type, span.start, span.end]);
}

/** Worst first, so the labels that need work head the table. */
function sortByF1(scores: LabelScores[]): LabelScores[] {
  return scores.sort((a, b) => a.f1 - b.f1 || b.support - a.support || a.label.localeCompare(b.label));
}
