import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../../../core/errors.js';
import type { Example } from '../system.js';
import { readCsvColumns } from './csv.js';
import { stratifiedSplit } from './split.js';
import type { DatasetReader, TestSide, TrainSide } from './types.js';

/** Seed and share of the validation part split off the training CSV. */
export const CSV_VALIDATION_SPLIT = Object.freeze({ fraction: 0.1, seed: 42 });

async function readExamples(path: string, columns: { text: string; intent: string }): Promise<Example[]> {
  const rows = readCsvColumns(await readFile(path, 'utf8'), { columns: [columns.text, columns.intent], source: path });
  return rows.map((row, i) => {
    const text = row[columns.text]?.trim() ?? '';
    const intent = row[columns.intent]?.trim() ?? '';
    if (text === '' || intent === '') throw new InvalidInputError(`${path}: record ${i + 2} has an empty text or intent`);
    return { text, intent };
  });
}

/**
 * A reader for intent datasets shipped as one CSV per split (Banking77, Bitext).
 *
 * @remarks The validation part is a seeded, stratified 10 % of the training file
 * ({@link CSV_VALIDATION_SPLIT}); the test path is a CSV with the same columns.
 */
export function intentCsvReader(options: {
  name: 'banking77' | 'bitext';
  columns: { text: string; intent: string };
}): DatasetReader {
  return {
    name: options.name,
    language: 'en',
    hasSlots: false,
    hasOos: false,
    async readTrain(trainPath: string): Promise<TrainSide> {
      const all = await readExamples(trainPath, options.columns);
      const { kept, heldOut } = stratifiedSplit(all, (e) => e.intent, CSV_VALIDATION_SPLIT);
      return { train: kept, valid: heldOut };
    },
    async readTest(testPath: string): Promise<TestSide> {
      return { test: await readExamples(testPath, options.columns) };
    },
  };
}

/** Banking77: `text,category`. */
export const banking77Reader = intentCsvReader({ name: 'banking77', columns: { text: 'text', intent: 'category' } });

/** Bitext customer support: the utterance is `instruction`, the label `intent`. */
export const bitextReader = intentCsvReader({ name: 'bitext', columns: { text: 'instruction', intent: 'intent' } });
