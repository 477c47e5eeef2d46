import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../../../core/errors.js';
import type { Example } from '../system.js';
import type { DatasetReader, TestSide, TrainSide } from './types.js';

/** Lines of a text file without the empty tail that a final newline leaves. */
export async function readLines(path: string): Promise<string[]> {
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const words = (line: string): string[] => line.split(/\s+/).filter((w) => w !== '');

/**
 * Reads one split folder of the SlotGated-SLU layout: aligned `seq.in` (space-separated
 * words), `seq.out` (one BIO tag per word) and `label` (the intent), one utterance a line.
 *
 * @throws {@link InvalidInputError} when the files disagree on line or token counts.
 */
export async function readSeqFolder(folder: string): Promise<Example[]> {
  const [inputs, outputs, labels] = await Promise.all(
    ['seq.in', 'seq.out', 'label'].map((file) => readLines(join(folder, file))),
  );
  if (inputs === undefined || outputs === undefined || labels === undefined) return [];
  if (inputs.length !== outputs.length || inputs.length !== labels.length) {
    throw new InvalidInputError(
      `${folder}: seq.in has ${inputs.length} lines, seq.out ${outputs.length}, label ${labels.length}`,
    );
  }
  return inputs.map((line, i) => {
    const tokens = words(line);
    const tags = words(outputs[i] ?? '');
    const intent = (labels[i] ?? '').trim();
    if (tokens.length !== tags.length) {
      throw new InvalidInputError(`${folder}: line ${i + 1} has ${tokens.length} words but ${tags.length} tags`);
    }
    if (tokens.length === 0 || intent === '') throw new InvalidInputError(`${folder}: line ${i + 1} is empty`);
    return { text: tokens.join(' '), tokens, tags, intent };
  });
}

/**
 * SNIPS and ATIS as published by SlotGated-SLU: `train/`, `valid/` and `test/` folders of
 * {@link readSeqFolder} files. The train path is the `train/` folder; validation is its
 * sibling `valid/`.
 */
export function seqFolderReader(name: 'snips' | 'atis'): DatasetReader {
  return {
    name,
    language: 'en',
    hasSlots: true,
    hasOos: false,
    async readTrain(trainPath: string): Promise<TrainSide> {
      const [train, valid] = await Promise.all([
        readSeqFolder(trainPath),
        readSeqFolder(join(dirname(trainPath), 'valid')),
      ]);
      return { train, valid };
    },
    async readTest(testPath: string): Promise<TestSide> {
      return { test: await readSeqFolder(testPath) };
    },
  };
}

export const snipsReader = seqFolderReader('snips');
export const atisReader = seqFolderReader('atis');
