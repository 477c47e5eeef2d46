import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { parseCsvRecords } from './csv-records.js';
import { SentimentDataError } from './errors.js';
import type { SentimentExample, SentimentLanguage } from './types.js';

/** The shared public sentiment sets, by the names the benchmark uses. */
export const SENTIMENT_DATASETS = {
  /** SST-2 sentence level (`stsa.binary.*`): `<0|1> <sentence>` per line. */
  sst2: { language: 'en', format: 'label-first' },
  /** Hu & Liu customer reviews (`custrev.*`): `<0|1> <sentence>` per line. */
  cr: { language: 'en', format: 'label-first' },
  /** ChnSentiCorp, LUGE distribution (`train.tsv`): header `label\ttext_a`. */
  chnsenticorp: { language: 'zh', format: 'tsv' },
  /** online_shopping_10_cats (`train.csv`): header `cat,label,review`. */
  'online-shopping': { language: 'zh', format: 'csv' },
} as const satisfies Record<string, { language: SentimentLanguage; format: string }>;

export type SentimentDatasetName = keyof typeof SENTIMENT_DATASETS;

/** A loaded data set. */
export interface SentimentDataset {
  name: SentimentDatasetName;
  language: SentimentLanguage;
  examples: SentimentExample[];
  /**
   * Rows with a valid label and no text (CR has four), left out rather than refused: they are
   * in the published files and carry nothing to learn from.
   */
  skipped: Array<{ line: number; reason: string }>;
}

/** Whether a string names one of {@link SENTIMENT_DATASETS}. */
export function isSentimentDatasetName(name: string): name is SentimentDatasetName {
  return Object.hasOwn(SENTIMENT_DATASETS, name);
}

// All four sets: 1 = positive, 0 = negative.
const rowSchema = z.object({
  label: z.enum(['0', '1'], { error: (issue) => `label must be 0 or 1, got ${JSON.stringify(issue.input)}` }),
  // Some rows carry a stray byte-order mark inside the text.
  text: z.string().transform((text) => text.replace(/\uFEFF/g, '').trim()),
});

interface RawRow {
  line: number;
  label: string | undefined;
  text: string | undefined;
}

/**
 * Reads one of the shared sets in its native layout.
 *
 * @throws {@link SentimentDataError} with `file:line` for the first malformed row.
 * @example
 * ```ts
 * const { examples } = await loadSentimentDataset('sst2', 'shared/data/sst2/stsa.binary.train');
 * ```
 */
export async function loadSentimentDataset(name: SentimentDatasetName, file: string): Promise<SentimentDataset> {
  return parseSentimentDataset(name, { text: await readFile(file, 'utf8'), file });
}

/** Parses the contents of a data file; `file` is only used in error messages. */
export function parseSentimentDataset(name: SentimentDatasetName, input: { text: string; file: string }): SentimentDataset {
  const spec = SENTIMENT_DATASETS[name];
  if (spec === undefined) throw new InvalidInputError(`Unknown sentiment data set "${String(name)}"`);
  const raw = spec.format === 'label-first' ? labelFirstRows(input) : spec.format === 'tsv' ? tsvRows(input) : csvRows(input);
  const examples: SentimentExample[] = [];
  const skipped: SentimentDataset['skipped'] = [];
  for (const row of raw) {
    const parsed = rowSchema.safeParse({ label: row.label, text: row.text ?? '' });
    if (!parsed.success) throw new SentimentDataError({ file: input.file, line: row.line }, parsed.error.issues[0]?.message ?? 'malformed row');
    if (parsed.data.text === '') skipped.push({ line: row.line, reason: 'text is empty' });
    else examples.push({ text: parsed.data.text, label: parsed.data.label === '1' ? 'positive' : 'negative' });
  }
  if (examples.length === 0) throw new SentimentDataError({ file: input.file, line: 1 }, 'no examples');
  return { name, language: spec.language, examples, skipped };
}

/** `<label> <text>` lines; blank lines are skipped. */
function labelFirstRows(input: { text: string }): RawRow[] {
  return nonBlankLines(input.text).map(({ line, content }) => {
    const space = content.search(/\s/);
    return space < 0 ? { line, label: content, text: undefined } : { line, label: content.slice(0, space), text: content.slice(space + 1) };
  });
}

/** Header `label<TAB>text_a` (columns found by name), then one row per line. */
function tsvRows(input: { text: string; file: string }): RawRow[] {
  const [header, ...rows] = nonBlankLines(input.text);
  const columns = (header?.content ?? '').split('\t');
  const at = columnPositions(columns, ['label', 'text_a'], input.file);
  return rows.map(({ line, content }) => {
    const fields = content.split('\t');
    if (fields.length !== columns.length) throw new SentimentDataError({ file: input.file, line }, `expected ${columns.length} tab-separated fields, got ${fields.length}`);
    return { line, label: fields[at.label], text: fields[at.text_a] };
  });
}

/** Header `cat,label,review` (columns found by name), RFC 4180 quoting. */
function csvRows(input: { text: string; file: string }): RawRow[] {
  const parsed = parseCsvRecords(input.text);
  if ('problem' in parsed) throw new SentimentDataError({ file: input.file, line: parsed.problem.line }, parsed.problem.reason);
  const [header, ...records] = parsed.records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
  const columns = header?.fields ?? [];
  const at = columnPositions(columns, ['label', 'review'], input.file);
  return records.map(({ line, fields }) => {
    if (fields.length !== columns.length) throw new SentimentDataError({ file: input.file, line }, `expected ${columns.length} comma-separated fields, got ${fields.length}`);
    return { line, label: fields[at.label], text: fields[at.review] };
  });
}

function columnPositions<K extends string>(columns: readonly string[], wanted: readonly K[], file: string): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of wanted) {
    const at = columns.map((c) => c.replace(/^\uFEFF/, '').trim()).indexOf(name);
    if (at < 0) throw new SentimentDataError({ file, line: 1 }, `header has no "${name}" column (found: ${columns.join(', ')})`);
    out[name] = at;
  }
  return out;
}

function nonBlankLines(text: string): Array<{ line: number; content: string }> {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((content, i) => ({ line: i + 1, content }))
    .filter(({ content }) => content.trim() !== '');
}
