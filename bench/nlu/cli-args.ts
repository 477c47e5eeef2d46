import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../core/errors.js';
import { DATASET_NAMES, isDatasetName, type DatasetName } from './datasets/index.js';
import { SYSTEM_NAMES } from './systems/index.js';

/** Parsed command line of `npm run bench:nlu`. */
export interface BenchArgs {
  dataset: DatasetName;
  trainPath: string;
  /** Absent: the validation split stands in for the test. */
  testPath?: string;
  /** The system measured first. @defaultValue 'ours' */
  system: string;
  /** Systems measured after it, each in its own process. */
  peers: string[];
  /** Internal: measure `system` in this process and report to the parent. */
  worker: boolean;
  /** Wall-clock limit per system, in minutes. @defaultValue 60 */
  maxMinutes: number;
}

/** Where each dataset's training data sits under the data root, in its native layout. */
export const DEFAULT_TRAIN_PATHS: Readonly<Record<DatasetName, string>> = Object.freeze({
  banking77: 'banking77/train.csv',
  clinc150: 'clinc150/data_full_train_val.json',
  snips: 'snips/train',
  atis: 'atis/train',
  cais: 'cais/train',
  bitext: 'bitext-customer-support/train.csv',
});

export const USAGE = `Usage: npm run bench:nlu -- --dataset <${DATASET_NAMES.join('|')}> [--train <path>] [--test <path>]
                         [--system ours] [--peer node-nlp] [--max-minutes 60] [--data-root ../shared/data]

  --train      training data in the dataset's native layout (default: <data-root>/${DEFAULT_TRAIN_PATHS.banking77} etc.)
  --test       the test split in its native layout; without it the validation split is used (and flagged)
  --system     the system measured first (${SYSTEM_NAMES.join(', ')})
  --peer       a system measured after it, on the same split (repeatable)
  --max-minutes  wall-clock limit per system; a system over it is stopped and reported as failed`;

/**
 * Parses and checks the command line.
 *
 * @throws {@link InvalidInputError} with a message that names the bad option.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      system: { type: 'string', default: 'ours' },
      peer: { type: 'string', multiple: true, default: [] },
      worker: { type: 'boolean', default: false },
      'max-minutes': { type: 'string', default: '60' },
      'data-root': { type: 'string', default: join('..', 'shared', 'data') },
    },
    strict: true,
    allowPositionals: false,
  });
  const dataset = values.dataset ?? '';
  if (!isDatasetName(dataset)) throw new InvalidInputError(`--dataset must be one of ${DATASET_NAMES.join(', ')}`);
  for (const name of [values.system, ...values.peer]) {
    if (!SYSTEM_NAMES.includes(name)) throw new InvalidInputError(`Unknown system "${name}"; known: ${SYSTEM_NAMES.join(', ')}`);
  }
  const maxMinutes = Number(values['max-minutes']);
  if (!(maxMinutes > 0)) throw new InvalidInputError('--max-minutes must be a positive number');
  return {
    dataset,
    trainPath: values.train ?? join(values['data-root'], DEFAULT_TRAIN_PATHS[dataset]),
    ...(values.test === undefined ? {} : { testPath: values.test }),
    system: values.system,
    peers: values.peer.filter((peer) => peer !== values.system),
    worker: values.worker,
    maxMinutes,
  };
}

/** The arguments that make a child process measure one system. */
export function workerArgv(args: BenchArgs, system: string): string[] {
  return [
    '--dataset', args.dataset,
    '--train', args.trainPath,
    ...(args.testPath === undefined ? [] : ['--test', args.testPath]),
    '--system', system,
    '--worker',
  ];
}
