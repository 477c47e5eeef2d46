/**
 * `npm run nlu -- <command>`: train, evaluate and try NLU models from the command line.
 *
 *   train --data <file> [--data <file2>] --out <dir> [--encoder use-lite|onnx|hashed|none] [--onnx-model-dir <dir>]
 *   eval  --model <dir> --data <file> [--json]
 *   parse [--model data/nlu-model] <text...>
 *
 * Progress goes to stderr, results to stdout. Exit codes: 0 done, 1 failed (bad data, missing
 * model), 2 bad command line (the usage is printed).
 *
 * @example
 * ```sh
 * npm run nlu -- train --data nlu/demo-data/en.yaml --data nlu/demo-data/zh.yaml --out data/nlu-model
 * npm run nlu -- eval --model data/nlu-model --data nlu/demo-data/en.yaml --json
 * npm run nlu -- parse where is order 100234
 * ```
 */
import { reportCliFailure } from '../core/cli.js';
import { parseCliArgs, USAGE } from './model/cli-args.js';
import { runEval } from './model/cli-eval.js';
import { runParse } from './model/cli-parse.js';
import { runTrain } from './model/cli-train.js';

const progress = (message: string) => {
  process.stderr.write(`${message}\n`);
};

async function main(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  let output: string;
  if (args.command === 'help') output = USAGE;
  else if (args.command === 'train') output = await runTrain({ ...args, onProgress: progress });
  else if (args.command === 'eval') output = await runEval({ dir: args.model, data: args.data, json: args.json, onnxModelDir: args.onnxModelDir, onProgress: progress });
  else output = await runParse({ dir: args.model, text: args.text, ...(args.onnxModelDir === undefined ? {} : { onnxModelDir: args.onnxModelDir }) });
  process.stdout.write(`${output}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => reportCliFailure(error, USAGE));
