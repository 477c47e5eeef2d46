import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../../core/errors.js';

export const DATASET_NAMES = ['m4-weekly', 'm4-hourly', 'm3-monthly', 'm3-quarterly', 'm3-yearly', 'm3-other'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

/** Official horizon and the seasonal period M4 uses for MASE (and the benchmarks' seasonality test). */
export interface DatasetSpec {
  layout: 'm4-wide' | 'm3-long';
  horizon: number;
  period: number;
  /** Training file under the data root, in its native layout. */
  defaultTrain: string;
}

export const DATASETS: Readonly<Record<DatasetName, DatasetSpec>> = {
  'm4-weekly': { layout: 'm4-wide', horizon: 13, period: 1, defaultTrain: 'm4/Weekly-train.csv' },
  'm4-hourly': { layout: 'm4-wide', horizon: 48, period: 24, defaultTrain: 'm4/Hourly-train.csv' },
  'm3-monthly': { layout: 'm3-long', horizon: 18, period: 12, defaultTrain: 'm3/monthly_train.csv' },
  'm3-quarterly': { layout: 'm3-long', horizon: 8, period: 4, defaultTrain: 'm3/quarterly_train.csv' },
  'm3-yearly': { layout: 'm3-long', horizon: 6, period: 1, defaultTrain: 'm3/yearly_train.csv' },
  'm3-other': { layout: 'm3-long', horizon: 8, period: 1, defaultTrain: 'm3/other_train.csv' },
};

/** Series by id, values in time order. */
export type SeriesTable = Map<string, number[]>;

function toNumber(cell: string, where: string): number {
  const value = Number(cell);
  if (cell.trim() === '' || !Number.isFinite(value)) throw new InvalidInputError(`${where}: "${cell}" is not a number`);
  return value;
}

const unquote = (cell: string): string => cell.trim().replace(/^"(.*)"$/, '$1');

/** M4 layout: header "V1","V2",…; V1 is the id, then the values; ragged rows end in empty cells. */
export function parseM4Wide(text: string, file: string): SeriesTable {
  const table: SeriesTable = new Map();
  text.split(/\r?\n/).slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const cells = line.split(',').map(unquote);
    const id = cells[0] as string;
    const values = cells.slice(1).filter((c) => c !== '' && c !== 'NA').map((c) => toNumber(c, `${file} line ${i + 2}`));
    table.set(id, values);
  });
  return table;
}

/** M3 layout (ours): header series,t,value; rows of one series may come in any order of t. */
export function parseM3Long(text: string, file: string): SeriesTable {
  const rows = new Map<string, [number, number][]>();
  text.split(/\r?\n/).slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const [id, t, value] = line.split(',').map(unquote);
    const where = `${file} line ${i + 2}`;
    if (id === undefined || t === undefined || value === undefined) throw new InvalidInputError(`${where}: expected series,t,value`);
    const list = rows.get(id) ?? [];
    list.push([toNumber(t, where), toNumber(value, where)]);
    rows.set(id, list);
  });
  return new Map([...rows].map(([id, list]) => [id, list.sort((a, b) => a[0] - b[0]).map(([, v]) => v)]));
}

export async function loadSeries(path: string, layout: DatasetSpec['layout']): Promise<SeriesTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return layout === 'm4-wide' ? parseM4Wide(text, path) : parseM3Long(text, path);
}

/** One series to forecast: the history given to the methods and the values to score against. */
export interface BenchSeries {
  id: string;
  history: number[];
  actual: number[];
}

/**
 * Pairs training and test series; without a test table, the last `horizon` values of each training
 * series are held out instead (the official test files are not available here).
 */
export function splitSeries(train: SeriesTable, test: SeriesTable | undefined, horizon: number): BenchSeries[] {
  const out: BenchSeries[] = [];
  for (const [id, values] of train) {
    if (test === undefined) {
      if (values.length <= horizon + 2) throw new InvalidInputError(`series ${id} has ${values.length} values: too short to hold out ${horizon}`);
      out.push({ id, history: values.slice(0, -horizon), actual: values.slice(-horizon) });
      continue;
    }
    const actual = test.get(id);
    if (actual === undefined || actual.length < horizon) throw new InvalidInputError(`test data lack ${horizon} values for series ${id}`);
    out.push({ id, history: values, actual: actual.slice(0, horizon) });
  }
  return out;
}
