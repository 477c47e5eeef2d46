import { fixed, formatTable, type Column } from './cli-table.js';
import type { EntityEvaluation, IntentEvaluation, LabelScores } from './evaluate.js';

/** What `eval` measured, printed as tables or as one JSON object. */
export interface EvalReport {
  /** The model folder, absolute. */
  model: string;
  data: { file: string; language: string; examples: number; outOfScopeExamples: number };
  /** The model was trained on this very data, so the numbers say how well it fits, not how well it generalises. */
  trainingData: boolean;
  intents: IntentEvaluation;
  entities: EntityEvaluation;
}

/** Confused pairs the table shows; the JSON has them all. */
const TOP_CONFUSIONS = 10;

const TRAINING_DATA_NOTE = 'note: the model was trained on this data; these numbers show fit, not how well it generalises';

const SCORE_COLUMNS: readonly Column[] = [
  { header: 'precision', align: 'right' },
  { header: 'recall', align: 'right' },
  { header: 'f1', align: 'right' },
  { header: 'support', align: 'right' },
  { header: 'predicted', align: 'right' },
];

/** The report as text tables: summary, per-intent scores, top confusions, entity scores. */
export function formatEvalReport(report: EvalReport): string {
  const { intents, entities, data } = report;
  const sections = [
    [
      `model: ${report.model}`,
      `data: ${data.file} (${data.language}): ${data.examples} examples + ${data.outOfScopeExamples} out-of-scope`,
      ...(report.trainingData ? [TRAINING_DATA_NOTE] : []),
    ].join('\n'),
    `intent accuracy: ${fixed(intents.accuracy, 4)} (${intents.correct}/${intents.examples})   macro F1: ${fixed(intents.macroF1, 4)}`,
    scoreTable('intent', intents.perIntent),
    confusionTable(intents),
    entitySection(entities),
  ];
  return sections.join('\n\n');
}

/** The report as one JSON object, ratios rounded to 4 places. */
export function evalReportJson(report: EvalReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? round4(value) : value));
}

function scoreTable(heading: string, rows: readonly LabelScores[]): string {
  return formatTable(
    [{ header: heading }, ...SCORE_COLUMNS],
    rows.map((s) => [s.label, fixed(s.precision), fixed(s.recall), fixed(s.f1), String(s.support), String(s.predicted)]),
  );
}

function confusionTable(intents: IntentEvaluation): string {
  const top = intents.confusions.slice(0, TOP_CONFUSIONS);
  if (top.length === 0) return 'most confused: none';
  return `most confused (gold → predicted):\n${formatTable(
    [{ header: 'count', align: 'right' }, { header: 'gold' }, { header: '' }, { header: 'predicted' }],
    top.map((c) => [String(c.count), c.gold, '→', c.predicted]),
  )}`;
}

function entitySection(entities: EntityEvaluation): string {
  if (entities.gold === 0 && entities.predicted === 0) return 'entities: none annotated, none found';
  const summary =
    `entities (exact type+span): micro precision ${fixed(entities.precision, 4)}  recall ${fixed(entities.recall, 4)}  F1 ${fixed(entities.f1, 4)}` +
    `  (gold ${entities.gold}, predicted ${entities.predicted}, correct ${entities.correct})`;
  return `${summary}\n${scoreTable('entity type', entities.perType)}`;
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
