/**
 * `npm run bench:forecast -- --dataset <name> --train <path> [--test <path>]`
 *
 * Forecasts every series with our automatic method and with Theta, Naive2 and seasonal naive
 * (all computed here), prints sMAPE and MASE as M4 defines them in a table, and as the last line
 * one JSON object for ours: `{ dataset, smape, mase, seconds }`. Progress goes to stderr.
 *
 * @example
 * ```sh
 * npx tsx bench/forecast/cli.ts --dataset m4-weekly --train ../shared/data/m4/Weekly-train.csv
 * ```
 */
import { CounterpartError } from '../../core/errors.js';
import { USAGE, parseForecastBenchArgs, type ForecastBenchArgs } from './args.js';
import { DATASETS, loadSeries, splitSeries } from './datasets.js';
import { evaluateAll } from './evaluate.js';
import { formatTable } from './report.js';

const HOLDOUT_BANNER = 'NO --test GIVEN: the last horizon of each TRAINING series is held out (not the official test).';

async function runBench(args: ForecastBenchArgs): Promise<void> {
  const spec = DATASETS[args.dataset];
  const train = await loadSeries(args.trainPath, spec.layout);
  const test = args.testPath === undefined ? undefined : await loadSeries(args.testPath, spec.layout);
  const all = splitSeries(train, test, spec.horizon);
  const data = args.limit === undefined ? all : all.slice(0, args.limit);
  const split = test === undefined ? `holdout of the last ${spec.horizon} training values` : `official test (${args.testPath})`;
  if (test === undefined) process.stderr.write(`${HOLDOUT_BANNER}\n`);
  process.stderr.write(`${args.dataset}: ${data.length} series, horizon ${spec.horizon}, MASE period ${spec.period}, our seasonality ${args.seasonality}\n`);
  const scores = evaluateAll(data, { ...args, horizon: spec.horizon, period: spec.period });
  const ours = scores[0];
  const table = formatTable({ dataset: args.dataset, split, series: data.length, scores });
  const json = JSON.stringify({
    dataset: args.dataset,
    smape: Number(ours?.smape.toFixed(3)),
    mase: Number(ours?.mase.toFixed(3)),
    seconds: Number(ours?.seconds.toFixed(2)),
  });
  process.stdout.write(`${table}\n${json}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  let args: ForecastBenchArgs;
  try {
    args = parseForecastBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await runBench(args);
  } catch (error) {
    if (!(error instanceof CounterpartError)) throw error;
    process.stderr.write(`bench:forecast: ${error.message}\n`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
