import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EncoderBackendError, EncoderRuntimeConflictError } from './errors.js';

/**
 * Where USE-lite runs.
 *
 * - `tfjs-wasm`: `@tensorflow/tfjs` with the WebAssembly (XNNPACK, SIMD) backend.
 * - `tfjs-cpu`: `@tensorflow/tfjs` with its plain JavaScript CPU backend.
 * - `energetic`: the TensorFlow.js 4.5 WebAssembly engine bundled in `@energetic-ai/embeddings`.
 */
export type UseLiteRuntime = 'tfjs-wasm' | 'tfjs-cpu' | 'energetic';

/** The `@tensorflow/tfjs` module. */
export type Tfjs = typeof import('@tensorflow/tfjs');
type TfjsBackend = 'wasm' | 'cpu';

/**
 * Process-wide owner of the TensorFlow.js engine.
 *
 * @remarks Every copy of tfjs-core in a process shares one engine (`globalThis._tfengine`), one
 * kernel registry and one active backend. `@energetic-ai/core` bundles its own tfjs 4.5 and, on
 * import, registers a `wasm` backend and kernels and calls `setBackend('wasm')`; loading it next
 * to `@tensorflow/tfjs` 4.22 lets one version's kernels run on the other's WebAssembly module. So
 * one runtime owns the engine per process: asking for another one while a model is loaded fails
 * with {@link EncoderRuntimeConflictError} instead of corrupting results. Other code in the
 * process must not call `tf.setBackend` while a USE-lite encoder is alive.
 */
interface EngineOwner {
  runtime: UseLiteRuntime;
  /** Loaded models that need this runtime; a tfjs backend may change only when it is 0. */
  holders: number;
}

let owner: EngineOwner | undefined;
let tfjsModule: Promise<Tfjs> | undefined;
let wasmPathsSet = false;

/**
 * Claims the engine for `runtime`; pair with {@link releaseRuntime}.
 *
 * @throws {@link EncoderRuntimeConflictError} when another runtime holds it, or `energetic` was
 * ever loaded in this process (it cannot be unloaded) and `runtime` is a tfjs one, or vice versa.
 */
export function claimRuntime(runtime: UseLiteRuntime): void {
  if (owner !== undefined && owner.runtime !== runtime) {
    const permanent = owner.runtime === 'energetic' || runtime === 'energetic';
    if (permanent || owner.holders > 0) {
      throw new EncoderRuntimeConflictError(
        `USE-lite runtime "${runtime}" requested, but "${owner.runtime}" already owns the TensorFlow.js engine of this process`,
        { requested: runtime, active: owner.runtime },
      );
    }
  }
  owner = { runtime, holders: (owner?.runtime === runtime ? owner.holders : 0) + 1 };
}

/** Gives back one claim of {@link claimRuntime}. */
export function releaseRuntime(runtime: UseLiteRuntime): void {
  if (owner?.runtime === runtime && owner.holders > 0) owner.holders -= 1;
}

/**
 * Loads `@tensorflow/tfjs` (once) and makes `runtime`'s backend the active one.
 *
 * @remarks Call {@link claimRuntime} first. Enables tfjs production mode, which skips debug
 * checks and keeps tfjs' console banners out of the server's JSON logs.
 */
export async function activateTfjs(runtime: Exclude<UseLiteRuntime, 'energetic'>): Promise<Tfjs> {
  tfjsModule ??= import('@tensorflow/tfjs');
  const tf = await tfjsModule;
  tf.enableProdMode();
  const backend = backendOf(runtime);
  if (backend === 'wasm') await prepareWasm();
  if (tf.getBackend() !== backend) {
    const ok = await tf.setBackend(backend).catch((error: unknown) => {
      throw new EncoderBackendError(`TensorFlow.js backend "${backend}" failed to initialise`, { cause: error });
    });
    if (!ok) throw new EncoderBackendError(`TensorFlow.js backend "${backend}" failed to initialise`);
  }
  return tf;
}

/**
 * Fails if someone switched the global tfjs backend away from `runtime`'s since it was activated.
 *
 * @remarks Running on another backend would silently copy every weight on each call.
 */
export function assertTfjsBackend(options: { tf: Tfjs; runtime: Exclude<UseLiteRuntime, 'energetic'> }): void {
  const expected = backendOf(options.runtime);
  const active = options.tf.getBackend();
  if (active !== expected) {
    throw new EncoderRuntimeConflictError(`The TensorFlow.js backend was switched to "${active}" while a "${options.runtime}" encoder is alive`, {
      expected,
      active,
    });
  }
}

function backendOf(runtime: Exclude<UseLiteRuntime, 'energetic'>): TfjsBackend {
  return runtime === 'tfjs-wasm' ? 'wasm' : 'cpu';
}

/**
 * Points the WebAssembly backend at the `.wasm` binaries inside the installed package.
 *
 * @remarks Must run before the backend initialises, once per process. With a folder path
 * (not a URL) Emscripten reads the binary with `fs`, so nothing is fetched.
 */
async function prepareWasm(): Promise<void> {
  if (wasmPathsSet) return;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  const binaries = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];
  for (const binary of binaries) {
    await access(path.join(dir, binary)).catch((error: unknown) => {
      throw new EncoderBackendError(`WebAssembly binary ${path.join(dir, binary)} is missing`, { cause: error });
    });
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(dir + path.sep);
  wasmPathsSet = true;
}
