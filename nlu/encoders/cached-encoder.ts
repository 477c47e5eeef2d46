import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { ComponentContractError } from '../errors.js';
import { LruMap } from './lru-map.js';
import type { EncodeOptions } from './vector-math.js';

/** Options of {@link withCache}. */
export interface EncoderCacheOptions {
  /** Most texts kept; the least recently used goes first. @defaultValue 10000 */
  maxEntries?: number;
}

/** Counters of a {@link CachedEncoder}, for metrics. */
export interface EncoderCacheStats {
  hits: number;
  misses: number;
  size: number;
}

/** An {@link Encoder} with an in-memory cache in front. */
export interface CachedEncoder extends Encoder {
  readonly stats: Readonly<EncoderCacheStats>;
  /** Forgets every cached vector (for example after the inner model changed). */
  clear(): void;
}

/** Defaults of {@link EncoderCacheOptions}, declared once. */
export const ENCODER_CACHE_DEFAULTS = { maxEntries: 10_000 } as const;

const optionsSchema = z.strictObject({ maxEntries: z.number().int().min(1).optional() });

/**
 * Wraps `encoder` with an LRU cache keyed by the exact text.
 *
 * @remarks Customers repeat themselves ("hi", "yes", "where is my order"), and retrieval
 * re-encodes the same questions; a 512-d vector costs 2 KB, so the default 10,000 entries hold
 * ~20 MB. A batch sends only its misses — each distinct text once — to the inner encoder, in one
 * call. Callers get copies, so mutating a returned vector cannot corrupt the cache. Concurrent
 * calls missing the same text both encode it (no cross-call sharing: one caller's abort must not
 * fail another's call). The id and dimension are the inner encoder's: cached vectors are
 * the same vectors.
 *
 * @example
 * ```ts
 * const encoder = withCache(await createUseLiteEncoder(), { maxEntries: 50_000 });
 * ```
 */
export function withCache(encoder: Encoder, options: EncoderCacheOptions = {}): CachedEncoder {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new InvalidInputError(`Invalid cache options: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const maxEntries = parsed.data.maxEntries ?? ENCODER_CACHE_DEFAULTS.maxEntries;
  const cache = new LruMap<string, Float32Array>(maxEntries);
  const stats: EncoderCacheStats = { hits: 0, misses: 0, size: 0 };

  return {
    id: encoder.id,
    dimension: encoder.dimension,
    ...(encoder.languages ? { languages: encoder.languages } : {}),
    stats,
    clear() {
      cache.clear();
      stats.size = 0;
    },
    async encode(texts: readonly string[], encodeOptions: EncodeOptions = {}): Promise<Float32Array[]> {
      encodeOptions.signal?.throwIfAborted();
      const found = texts.map((text) => cache.get(text));
      const misses = [...new Set(texts.filter((_, i) => found[i] === undefined))];
      stats.hits += texts.length - found.filter((v) => v === undefined).length;
      stats.misses += misses.length;
      if (misses.length > 0) {
        const vectors = await encoder.encode(misses, encodeOptions);
        if (vectors.length !== misses.length) {
          throw new ComponentContractError(`Encoder "${encoder.id}" returned ${vectors.length} vectors for ${misses.length} texts`);
        }
        const fresh = new Map(misses.map((text, i) => [text, vectors[i] as Float32Array]));
        fresh.forEach((vector, text) => cache.set(text, vector));
        stats.size = cache.size;
        texts.forEach((text, i) => {
          found[i] ??= fresh.get(text);
        });
      }
      return found.map((vector) => (vector ?? new Float32Array(encoder.dimension)).slice());
    },
    async dispose(): Promise<void> {
      cache.clear();
      stats.size = 0;
      await encoder.dispose?.();
    },
  };
}
