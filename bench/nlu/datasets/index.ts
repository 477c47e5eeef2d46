import { InvalidInputError } from '../../../core/errors.js';
import { caisReader } from './cais.js';
import { clinc150Reader } from './clinc150.js';
import { banking77Reader, bitextReader } from './intent-csv.js';
import { atisReader, snipsReader } from './seq-folder.js';
import { DATASET_NAMES, type BenchDataset, type DatasetName, type DatasetReader } from './types.js';

export { CSV_VALIDATION_SPLIT } from './intent-csv.js';
export { parseCsv, readCsvColumns } from './csv.js';
export { seededRandom, shuffle, stratifiedSplit } from './split.js';
export { DATASET_NAMES, type BenchDataset, type DatasetName, type DatasetReader, type TestSide, type TrainSide } from './types.js';

/** Every dataset reader, by name. */
export const DATASET_READERS: Readonly<Record<DatasetName, DatasetReader>> = Object.freeze({
  banking77: banking77Reader,
  clinc150: clinc150Reader,
  snips: snipsReader,
  atis: atisReader,
  cais: caisReader,
  bitext: bitextReader,
});

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

/**
 * Reads a dataset for benchmarking.
 *
 * @remarks Without `testPath` the validation split stands in for the test
 * (`testSplit: 'validation'`): such numbers are validation numbers, tuned on the same data.
 *
 * @throws {@link InvalidInputError} for an unknown dataset or a malformed file.
 */
export async function loadBenchDataset(options: { dataset: string; trainPath: string; testPath?: string }): Promise<BenchDataset> {
  if (!isDatasetName(options.dataset)) {
    throw new InvalidInputError(`Unknown dataset "${options.dataset}"; expected one of ${DATASET_NAMES.join(', ')}`);
  }
  const reader = DATASET_READERS[options.dataset];
  const trainSide = await reader.readTrain(options.trainPath);
  const testSide =
    options.testPath === undefined ? { test: trainSide.valid, oos: trainSide.oosValid } : await reader.readTest(options.testPath);
  return {
    ...trainSide,
    name: reader.name,
    language: reader.language,
    hasSlots: reader.hasSlots,
    hasOos: reader.hasOos,
    test: testSide.test,
    ...(testSide.oos === undefined ? {} : { testOos: testSide.oos }),
    testSplit: options.testPath === undefined ? 'validation' : 'test',
  };
}
