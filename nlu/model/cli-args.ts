import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { CliUsageError } from '../../core/cli.js';
import { ENCODER_CHOICES, type EncoderChoice } from './encoder-pool.js';

/** Where `parse` looks for a model when `--model` is not given; the server writes its model there too. */
export const DEFAULT_MODEL_DIR = 'data/nlu-model';

export const USAGE = `Usage: npm run nlu -- train --data <file> [--data <file2>] --out <dir> [--encoder use-lite|onnx|hashed|none] [--onnx-model-dir <dir>]
       npm run nlu -- eval --model <dir> --data <file> [--json] [--onnx-model-dir <dir>]
       npm run nlu -- parse [--model ${DEFAULT_MODEL_DIR}] [--onnx-model-dir <dir>] <text...>

  train   trains one model per training file (one file per language) and saves the model folder
          --encoder  sentence encoder beside the n-gram features (default use-lite, English only;
                     onnx: the transformer in --onnx-model-dir for every language;
                     hashed: 512-d hashed n-grams for every language; none: n-grams only)
  eval    parses every example of a training-format file with a saved model and reports intent
          accuracy, per-intent scores, confusions and entity scores (--json: one JSON object)
  parse   prints what a saved model makes of one message`;

export { CliUsageError };

/** A parsed command line. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'train'; data: string[]; out: string; encoder: EncoderChoice; onnxModelDir?: string }
  | { command: 'eval'; model: string; data: string; json: boolean; onnxModelDir?: string }
  | { command: 'parse'; model: string; text: string; onnxModelDir?: string };

const ONNX_OPTION = { 'onnx-model-dir': { type: 'string' } } as const;
const onnxDir = (values: Record<string, unknown>) =>
  typeof values['onnx-model-dir'] === 'string' ? { onnxModelDir: values['onnx-model-dir'] } : {};

const encoderSchema = z.enum(ENCODER_CHOICES);

/**
 * Parses `npm run nlu -- <command> ...`.
 *
 * @throws {@link CliUsageError} naming what is wrong.
 */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined) throw new CliUsageError('Missing command');
  if (command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'train') return parseTrain(rest);
  if (command === 'eval') return parseEval(rest);
  if (command === 'parse') return parseParse(rest);
  throw new CliUsageError(`Unknown command "${command}"`);
}

function parseTrain(args: readonly string[]): CliCommand {
  const { values } = strictParse({
    args,
    options: { data: { type: 'string', multiple: true }, out: { type: 'string' }, encoder: { type: 'string', default: 'use-lite' }, ...ONNX_OPTION },
  });
  const data = (values.data ?? []) as string[];
  if (data.length === 0) throw new CliUsageError('train needs at least one --data <file>');
  if (typeof values.out !== 'string') throw new CliUsageError('train needs --out <dir>');
  const encoder = encoderSchema.safeParse(values.encoder);
  if (!encoder.success) throw new CliUsageError(`--encoder must be one of ${ENCODER_CHOICES.join(', ')}`);
  return { command: 'train', data, out: values.out, encoder: encoder.data, ...onnxDir(values) };
}

function parseEval(args: readonly string[]): CliCommand {
  const { values } = strictParse({
    args,
    options: { model: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean', default: false }, ...ONNX_OPTION },
  });
  if (typeof values.model !== 'string') throw new CliUsageError('eval needs --model <dir>');
  if (typeof values.data !== 'string') throw new CliUsageError('eval needs --data <file>');
  return { command: 'eval', model: values.model, data: values.data, json: values.json === true, ...onnxDir(values) };
}

function parseParse(args: readonly string[]): CliCommand {
  const { values, positionals } = strictParse({
    args,
    options: { model: { type: 'string', default: DEFAULT_MODEL_DIR }, ...ONNX_OPTION },
    allowPositionals: true,
  });
  const text = positionals.join(' ').trim();
  if (text.length === 0) throw new CliUsageError('parse needs the text to parse');
  return { command: 'parse', model: String(values.model), text, ...onnxDir(values) };
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` that reports unknown options and stray arguments as usage errors. */
function strictParse(input: { args: readonly string[]; options: Options; allowPositionals?: boolean }) {
  try {
    const parsed = parseArgs({ args: [...input.args], options: input.options, strict: true, allowPositionals: input.allowPositionals ?? false });
    return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}
