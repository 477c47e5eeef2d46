import { access } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ModelNotFoundError } from './errors.js';
import { readModelJson } from './model-files.js';

const ENCODER = 'onnx';

/** What the encoder needs to know about a validated model folder. */
export interface OnnxModelFolder {
  dir: string;
  /** Width of `last_hidden_state`: the vector dimension. */
  hiddenSize: number;
  modelType: string;
  /** The ONNX file that will be loaded, relative to `dir`. */
  onnxFile: string;
}

/**
 * The keys of `config.json` we rely on; the rest (layers, heads…) is for the runtime.
 *
 * @remarks `hidden_size` is BERT's and XLM-R's name (MiniLM, e5); `d_model` and `dim` are the
 * names in some other encoder configs (DistilBERT uses `dim`).
 */
const configSchema = z
  .looseObject({
    model_type: z.string().min(1, 'model_type is empty'),
    hidden_size: z.number().int().positive().optional(),
    d_model: z.number().int().positive().optional(),
    dim: z.number().int().positive().optional(),
  })
  .refine((config) => (config.hidden_size ?? config.d_model ?? config.dim) !== undefined, {
    message: 'config.json needs hidden_size (or d_model / dim)',
  });

/**
 * Checks a Hugging Face model folder before handing it to transformers.js.
 *
 * @remarks transformers.js reports a missing local file with a console warning and a generic
 * error; checking first gives a `model_not_found` error that names the file, and keeps those
 * warnings out of the logs.
 * @throws {@link ModelNotFoundError} naming the first missing file,
 * {@link InvalidModelError} when `config.json` is malformed.
 */
export async function inspectOnnxModelFolder(options: { dir: string; quantized: boolean }): Promise<OnnxModelFolder> {
  const dir = path.resolve(options.dir);
  const onnxFile = path.join('onnx', options.quantized ? 'model_quantized.onnx' : 'model.onnx');
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', onnxFile]) {
    const full = path.join(dir, file);
    await access(full).catch((error: unknown) => {
      throw new ModelNotFoundError({ encoder: ENCODER, path: full, reason: `is missing (expected in ${dir})`, cause: error });
    });
  }
  // tokenizer.json is left to transformers.js: a multilingual one is ~17 MB, not worth parsing twice.
  const config = await readModelJson({ encoder: ENCODER, file: path.join(dir, 'config.json'), schema: configSchema });
  const hiddenSize = config.hidden_size ?? config.d_model ?? config.dim ?? 0;
  return { dir, hiddenSize, modelType: config.model_type, onnxFile };
}
