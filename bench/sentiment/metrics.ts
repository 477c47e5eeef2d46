/** Accuracy, macro F1 and the confusion matrix of one evaluation. */
export interface ClassificationScores {
  accuracy: number;
  macroF1: number;
  /** Classes in matrix order. */
  classes: string[];
  /** `confusion[gold][predicted]` counts, in `classes` order. */
  confusion: number[][];
  perClass: Array<{ label: string; precision: number; recall: number; f1: number; support: number }>;
}

/**
 * Scores predictions against gold labels.
 *
 * @remarks Macro F1 averages over the gold classes (`classes`); a prediction outside them
 * (e.g. `neutral` from a two-class set) counts as wrong and gets its own confusion column.
 */
export function classificationScores(options: { gold: readonly string[]; predicted: readonly string[]; classes: readonly string[] }): ClassificationScores {
  const { gold, predicted } = options;
  const classes = [...options.classes, ...[...new Set(predicted)].filter((p) => !options.classes.includes(p)).sort()];
  const index = new Map(classes.map((c, i) => [c, i]));
  const confusion = classes.map(() => classes.map(() => 0));
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? '';
    if (p === g) correct += 1;
    const row = confusion[index.get(g) ?? 0];
    const col = index.get(p);
    if (row !== undefined && col !== undefined) row[col] = (row[col] ?? 0) + 1;
  });
  const perClass = options.classes.map((label, c) => {
    const tp = confusion[c]?.[c] ?? 0;
    const support = (confusion[c] ?? []).reduce((a, b) => a + b, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + (row[c] ?? 0), 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  return {
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: perClass.length === 0 ? 0 : perClass.reduce((sum, c) => sum + c.f1, 0) / perClass.length,
    classes,
    confusion,
    perClass,
  };
}

/** The median of the values (mean of the middle two for an even count); 0 when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
