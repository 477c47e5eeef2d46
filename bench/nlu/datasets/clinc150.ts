import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InvalidInputError } from '../../../core/errors.js';
import type { Example } from '../system.js';
import type { DatasetReader, TestSide, TrainSide } from './types.js';

const itemsSchema = z.array(z.tuple([z.string(), z.string()]));
const trainFileSchema = z.object({ train: itemsSchema, val: itemsSchema, oos_train: itemsSchema, oos_val: itemsSchema });
const testFileSchema = z.object({ test: itemsSchema, oos_test: itemsSchema });

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    if (cause instanceof SyntaxError) throw new InvalidInputError(`${path}: not valid JSON (${cause.message})`);
    throw cause;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${path}: at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

const toExamples = (items: ReadonlyArray<readonly [string, string]>): Example[] =>
  items.map(([text, intent]) => ({ text, intent }));
const toTexts = (items: ReadonlyArray<readonly [string, string]>): string[] => items.map(([text]) => text);

/**
 * CLINC150 ("Full"): `[text, intent]` pairs under `train`/`val`/`oos_train`/`oos_val` in the
 * train file and `test`/`oos_test` in the test file; out-of-scope items have intent `oos`.
 */
export const clinc150Reader: DatasetReader = {
  name: 'clinc150',
  language: 'en',
  hasSlots: false,
  hasOos: true,
  async readTrain(trainPath: string): Promise<TrainSide> {
    const file = await readJson(trainPath, trainFileSchema);
    return {
      train: toExamples(file.train),
      valid: toExamples(file.val),
      oosTrain: toTexts(file.oos_train),
      oosValid: toTexts(file.oos_val),
    };
  },
  async readTest(testPath: string): Promise<TestSide> {
    const file = await readJson(testPath, testFileSchema);
    return { test: toExamples(file.test), oos: toTexts(file.oos_test) };
  },
};
