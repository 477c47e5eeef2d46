import type { BenchLanguage, Example } from '../system.js';

/** The benchmark datasets, by the name the CLI takes. */
export const DATASET_NAMES = ['banking77', 'clinc150', 'snips', 'atis', 'cais', 'bitext'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** What a reader finds at the train path: the examples and the validation part for tuning. */
export interface TrainSide {
  train: Example[];
  valid: Example[];
  oosTrain?: string[];
  oosValid?: string[];
}

/** What a reader finds at the test path. `oos` holds out-of-scope utterances (CLINC150). */
export interface TestSide {
  test: Example[];
  oos?: string[];
}

/** How one dataset is laid out on disk and what it measures. */
export interface DatasetReader {
  name: DatasetName;
  language: BenchLanguage;
  /** Whether examples carry tokens and slot tags. */
  hasSlots: boolean;
  /** Whether the test side has out-of-scope utterances. */
  hasOos: boolean;
  /** Reads the train path (a file or folder in the native layout) and its validation part. */
  readTrain(trainPath: string): Promise<TrainSide>;
  /** Reads a test path in the native layout of the test split. */
  readTest(testPath: string): Promise<TestSide>;
}

/** A dataset ready to benchmark. */
export interface BenchDataset extends TrainSide {
  name: DatasetName;
  language: BenchLanguage;
  hasSlots: boolean;
  hasOos: boolean;
  test: Example[];
  testOos?: string[];
  /** `validation` when no test path was given and the validation split stands in for the test. */
  testSplit: 'test' | 'validation';
}
