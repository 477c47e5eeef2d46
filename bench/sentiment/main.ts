import { CounterpartError } from '../../core/errors.js';
import { parseSentimentBenchArgs, USAGE } from './args.js';
import { formatSentimentReport } from './report.js';
import { runSentimentBench } from './run.js';

/**
 * `npm run bench:sentiment -- --dataset <name> --train <path> [--test <path>]`: trains the
 * sentiment model on a shared set and prints accuracy, macro F1, the confusion matrix and the
 * per-message latency; the last line is one JSON object. Progress goes to stderr.
 */
async function main(): Promise<void> {
  let args;
  try {
    args = parseSentimentBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const result = await runSentimentBench(args, (line) => process.stderr.write(`[sentiment] ${line}\n`));
  process.stdout.write(formatSentimentReport(result));
}

main().catch((error: unknown) => {
  const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? `cannot read ${(error as NodeJS.ErrnoException).path ?? 'a file'}` : undefined;
  process.stderr.write(`${missing ?? (error instanceof CounterpartError ? error.message : String((error as Error)?.stack ?? error))}\n`);
  process.exitCode = 1;
});
