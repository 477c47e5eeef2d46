/**
 * `npm run bench:nlu -- --dataset <name> [--train <path>] [--test <path>] [--peer node-nlp]`
 *
 * Trains and measures each system in its own child process, then prints a readable table
 * and one JSON line per system, the first system's line first and the last peer's line last.
 *
 * @example
 * ```sh
 * npm run bench:nlu -- --dataset snips --train ../shared/data/snips/train --test /held-out/snips/test --peer node-nlp
 * ```
 */
import { CounterpartError } from '../../core/errors.js';
import { USAGE, parseBenchArgs, type BenchArgs } from './cli-args.js';
import { loadBenchDataset, type BenchDataset } from './datasets/index.js';
import { formatTable } from './report.js';
import { isFailure, toJsonLine, type BenchOutcome } from './result.js';
import { runSystemInChild } from './run-children.js';
import { runWorker } from './run-worker.js';

const VALIDATION_BANNER = [
  '!!! NO --test GIVEN: the VALIDATION split stands in for the test. !!!',
  '!!! These are VALIDATION numbers (tuned on the same data), not test results. !!!',
];

function describe(dataset: BenchDataset): string {
  const oos = (n: number | undefined) => (n === undefined ? '' : ` + ${n} out-of-scope`);
  return [
    `dataset ${dataset.name} (${dataset.language}): train ${dataset.train.length}${oos(dataset.oosTrain?.length)}, ` +
      `validation ${dataset.valid.length}${oos(dataset.oosValid?.length)}, ` +
      `${dataset.testSplit === 'test' ? 'test' : 'test = validation'} ${dataset.test.length}${oos(dataset.testOos?.length)}`,
    ...(dataset.testSplit === 'validation' ? VALIDATION_BANNER : []),
  ].join('\n');
}

async function runAll(args: BenchArgs): Promise<void> {
  const dataset = await loadBenchDataset({
    dataset: args.dataset,
    trainPath: args.trainPath,
    ...(args.testPath === undefined ? {} : { testPath: args.testPath }),
  });
  const summary = describe(dataset);
  process.stderr.write(`${summary}\n`);
  const outcomes: BenchOutcome[] = [];
  for (const system of [args.system, ...args.peers]) {
    process.stderr.write(`--- ${system}: training and measuring in a child process\n`);
    outcomes.push(await runSystemInChild(args, system));
  }
  const lines = [summary, '', formatTable(dataset.name, outcomes), '', ...outcomes.map(toJsonLine)];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (outcomes.some(isFailure)) process.exitCode = 1;
}

async function main(argv: readonly string[]): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (args.worker) return runWorker(args);
  try {
    await runAll(args);
  } catch (error) {
    if (!(error instanceof CounterpartError)) throw error;
    process.stderr.write(`bench:nlu: ${error.message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
