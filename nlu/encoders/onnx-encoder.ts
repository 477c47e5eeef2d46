import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { ComponentContractError } from '../errors.js';
import { createSerialQueue, embedInChunks } from './batching.js';
import { EncoderDisposedError } from './errors.js';
import { inspectOnnxModelFolder, type OnnxModelFolder } from './onnx-model-folder.js';
import { poolHiddenStates, type Pooling } from './pooling.js';
import type { EncodeOptions } from './vector-math.js';

/** Options of {@link createOnnxEncoder}. */
export interface OnnxEncoderOptions {
  /** A Hugging Face model folder: `config.json`, `tokenizer.json`, `tokenizer_config.json`, `onnx/`. */
  modelDir: string;
  /** Pooling the model was trained with (see its model card): `mean` for MiniLM/e5, `cls` for BGE. */
  pooling: Pooling;
  /**
   * L2-normalise the pooled vectors. Leave on: the `Encoder` contract promises unit vectors.
   * @defaultValue true
   */
  normalize?: boolean;
  /**
   * Load `onnx/model_quantized.onnx` (int8) instead of `onnx/model.onnx`.
   * @defaultValue false
   */
  quantized?: boolean;
  /**
   * Text put before every input, for models trained with one (e5: `"query: "`).
   * @defaultValue ''
   */
  prefix?: string;
  /**
   * Most texts per inference call; larger calls are split.
   * @defaultValue 32
   */
  maxBatchSize?: number;
  /**
   * Identifier recorded in manifests.
   * @defaultValue `onnx:<folder name>` (`:q8` appended when quantized)
   */
  id?: string;
}

/** Defaults of {@link OnnxEncoderOptions}, declared once. */
export const ONNX_ENCODER_DEFAULTS = { normalize: true, quantized: false, prefix: '', maxBatchSize: 32 } as const;

const optionsSchema = z.strictObject({
  modelDir: z.string().min(1, 'modelDir is required'),
  pooling: z.enum(['mean', 'cls']),
  normalize: z.boolean().optional(),
  quantized: z.boolean().optional(),
  prefix: z.string().optional(),
  maxBatchSize: z.number().int().min(1).max(4096).optional(),
  id: z.string().min(1).optional(),
});

/** The parts of transformers.js tensors we read (its own types are `any`-typed callables). */
interface TensorView {
  data: ArrayLike<number | bigint>;
  dims: number[];
}
type TokenizeFn = (texts: string[], options: { padding: boolean; truncation: boolean }) => Record<string, TensorView | undefined>;
type ModelFn = ((inputs: Record<string, TensorView | undefined>) => Promise<Record<string, TensorView | undefined>>) & {
  dispose(): Promise<unknown>;
};

/**
 * A transformer sentence encoder (BERT, XLM-R, MiniLM, e5…) exported to ONNX, run by
 * transformers.js 2.17 on onnxruntime-node, from a local folder only.
 *
 * @remarks transformers.js configuration is process-global: this sets `allowRemoteModels = false`,
 * `allowLocalModels = true`, `localModelPath` to the filesystem root (folders are passed as
 * absolute paths) and turns its download cache off, so nothing is ever fetched. See
 * `nlu/encoders/README.md` for preparing a multilingual model folder.
 *
 * @throws {@link ModelNotFoundError} naming the missing file when the folder is incomplete.
 * @example
 * ```ts
 * const encoder = await createOnnxEncoder({ modelDir: '/models/paraphrase-multilingual-MiniLM-L12-v2', pooling: 'mean' });
 * const [vector] = await encoder.encode(['¿Dónde está mi pedido?']);
 * ```
 */
export async function createOnnxEncoder(options: OnnxEncoderOptions): Promise<Encoder> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new InvalidInputError(`Invalid ONNX encoder options: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const settings = { ...ONNX_ENCODER_DEFAULTS, ...stripUndefined(parsed.data) };
  const folder = await inspectOnnxModelFolder({ dir: settings.modelDir, quantized: settings.quantized });
  const { tokenize, model } = await loadOnnxModel({ folder, quantized: settings.quantized });
  const id = settings.id ?? `onnx:${path.basename(folder.dir)}${settings.quantized ? ':q8' : ''}`;
  const embed = async (chunk: readonly string[]): Promise<Float32Array[]> => {
    const inputs = tokenize(chunk.map((text) => settings.prefix + text), { padding: true, truncation: true });
    const outputs = await model(inputs);
    const hidden = outputs['last_hidden_state'];
    const mask = inputs['attention_mask'];
    if (hidden === undefined || mask === undefined || !(hidden.data instanceof Float32Array)) {
      throw new ComponentContractError(`${id}: the model did not return a float last_hidden_state`);
    }
    return poolHiddenStates({ states: { data: hidden.data, dims: hidden.dims, attentionMask: mask.data }, pooling: settings.pooling, normalize: settings.normalize });
  };
  const serial = createSerialQueue();
  let disposed = false;
  return {
    id,
    dimension: folder.hiddenSize,
    async encode(texts: readonly string[], encodeOptions: EncodeOptions = {}): Promise<Float32Array[]> {
      if (disposed) throw new EncoderDisposedError(id);
      if (texts.length === 0) return [];
      return serial(() => embedInChunks({ texts, chunkSize: settings.maxBatchSize, signal: encodeOptions.signal, embed }));
    },
    async dispose(): Promise<void> {
      disposed = true;
      await serial(async () => {
        await model.dispose();
      });
    },
  };
}

async function loadOnnxModel(options: { folder: OnnxModelFolder; quantized: boolean }): Promise<{ tokenize: TokenizeFn; model: ModelFn }> {
  const { env, AutoTokenizer, AutoModel } = await import('@xenova/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  env.useBrowserCache = false;
  env.cacheDir = path.join(os.tmpdir(), 'counterpart-transformers-cache');
  // transformers.js joins `localModelPath` and the model id with "/"; rooting it at the
  // filesystem root lets every encoder pass its absolute folder without touching the global again.
  const root = path.parse(options.folder.dir).root;
  env.localModelPath = root;
  const modelId = path.relative(root, options.folder.dir).split(path.sep).join('/');
  const pretrained = { local_files_only: true, quantized: options.quantized };
  const [tokenizer, model] = await Promise.all([AutoTokenizer.from_pretrained(modelId, pretrained), AutoModel.from_pretrained(modelId, pretrained)]);
  // Both are callable class instances whose declared call signatures are `any`.
  return { tokenize: tokenizer as unknown as TokenizeFn, model: model as unknown as ModelFn };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
