import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { InvalidInputError } from '../../core/errors.js';
import { loadChineseSegmenter, type WordSegmenter } from './chinese-segmenter.js';
import { murmur3 } from './hashing.js';
import { extractNgramFeatures, hasHanCharacters, type NgramRange } from './ngram-features.js';
import type { EncodeOptions } from './vector-math.js';

/** A sparse vector: strictly ascending indices and their non-zero values. */
export interface SparseFloat32Vector {
  indices: Int32Array;
  values: Float32Array;
}

/** An {@link Encoder} that also gives its vectors in sparse form. */
export interface HashedNgramEncoder extends Encoder {
  /** The same vectors as `encode`, without the zeros (typically 100–300 entries of 16k). */
  encodeSparse(texts: readonly string[], options?: EncodeOptions): Promise<SparseFloat32Vector[]>;
}

/** Options of {@link createHashedNgramEncoder}. */
export interface HashedNgramEncoderOptions {
  /** Number of hash buckets (vector length). @defaultValue 16384 (2^14) */
  dimension?: number;
  /** Character n-gram lengths for texts without Chinese. @defaultValue [2, 4] */
  charNgrams?: NgramRange;
  /** Character n-gram lengths for Chinese texts (one character is often a word). @defaultValue [1, 3] */
  chineseCharNgrams?: NgramRange;
  /** Word n-gram lengths. @defaultValue [1, 2] */
  wordNgrams?: NgramRange;
  /**
   * `zh`: every text is segmented with jieba. `auto`: texts containing Han characters are;
   * any other code: words are runs of letters and digits.
   * @defaultValue 'auto'
   */
  language?: string;
  /** Weight of the character block relative to the word block. @defaultValue 1 */
  charWeight?: number;
  /** MurmurHash3 seed. @defaultValue 0 */
  seed?: number;
}

/** Defaults of {@link HashedNgramEncoderOptions}, declared once. */
export const HASHED_NGRAM_DEFAULTS = {
  dimension: 2 ** 14,
  charNgrams: [2, 4],
  chineseCharNgrams: [1, 3],
  wordNgrams: [1, 2],
  language: 'auto',
  charWeight: 1,
  seed: 0,
} as const satisfies Required<HashedNgramEncoderOptions>;

const range = z
  .tuple([z.number().int().min(1).max(8), z.number().int().min(1).max(8)])
  .refine(([min, max]) => min <= max, 'n-gram range must be [min, max] with min <= max');
const optionsSchema = z.strictObject({
  dimension: z.number().int().min(2).max(2 ** 24).optional(),
  charNgrams: range.optional(),
  chineseCharNgrams: range.optional(),
  wordNgrams: range.optional(),
  language: z.string().min(1).optional(),
  charWeight: z.number().min(0).max(100).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
});

/** Feature of texts that have no other feature, so that every vector has unit length. */
const EMPTY_FEATURE = 'e:';

/**
 * Language-independent hashed word and character n-grams (signed feature hashing).
 *
 * @remarks For each text: NFKC + lower case; word n-grams and character n-grams are counted; each
 * feature's weight is sublinear `1 + ln(count)`; it goes to bucket `h mod dimension` with sign
 * `+1` if bit 31 of `h` is 0 else `-1`, where `h` is MurmurHash3-x86-32 of the feature's UTF-8
 * string (see `hashing.ts`) — signs make colliding features cancel on average instead of adding
 * up. The word and character blocks are L2-normalised separately and the character block scaled
 * by `charWeight`, so the many character n-grams do not drown the few words; the sum is
 * L2-normalised. No training, no vocabulary: deterministic across processes and machines.
 * Chinese words come from jieba (loaded on first use).
 *
 * @example
 * ```ts
 * const encoder = createHashedNgramEncoder();
 * const [sparse] = await encoder.encodeSparse(['我的订单在哪里']);
 * ```
 */
export function createHashedNgramEncoder(options: HashedNgramEncoderOptions = {}): HashedNgramEncoder {
  const settings = resolveSettings(options);
  const { dimension } = settings;
  const id = hashedNgramId(settings);

  const encodeSparse = async (texts: readonly string[], encodeOptions: EncodeOptions = {}): Promise<SparseFloat32Vector[]> => {
    encodeOptions.signal?.throwIfAborted();
    const chinese = settings.language === 'zh' || (settings.language === 'auto' && texts.some(hasHanCharacters));
    const segmenter = chinese ? await loadChineseSegmenter() : undefined;
    return texts.map((text) => {
      const isChinese = settings.language === 'zh' || (settings.language === 'auto' && hasHanCharacters(text));
      return hashText({ text, settings, segmenter: isChinese ? segmenter : undefined });
    });
  };

  return {
    id,
    dimension,
    encodeSparse,
    async encode(texts: readonly string[], encodeOptions: EncodeOptions = {}): Promise<Float32Array[]> {
      const sparse = await encodeSparse(texts, encodeOptions);
      return sparse.map(({ indices, values }) => {
        const dense = new Float32Array(dimension);
        indices.forEach((index, k) => {
          dense[index] = values[k] ?? 0;
        });
        return dense;
      });
    },
  };
}

interface HashSettings {
  dimension: number;
  seed: number;
  charWeight: number;
  charNgrams: NgramRange;
  chineseCharNgrams: NgramRange;
  wordNgrams: NgramRange;
}

type ResolvedSettings = HashSettings & { language: string };

function resolveSettings(options: HashedNgramEncoderOptions): ResolvedSettings {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new InvalidInputError(`Invalid hashed n-gram options: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const given = parsed.data;
  const defaults = HASHED_NGRAM_DEFAULTS;
  return {
    dimension: given.dimension ?? defaults.dimension,
    charNgrams: given.charNgrams ?? defaults.charNgrams,
    chineseCharNgrams: given.chineseCharNgrams ?? defaults.chineseCharNgrams,
    wordNgrams: given.wordNgrams ?? defaults.wordNgrams,
    language: given.language ?? defaults.language,
    charWeight: given.charWeight ?? defaults.charWeight,
    seed: given.seed ?? defaults.seed,
  };
}

/** Every setting that changes the vectors is in the id, so manifests tell incompatible ones apart. */
function hashedNgramId(settings: ResolvedSettings): string {
  return [
    'hashed-ngram@1',
    `d${settings.dimension}`,
    `c${settings.charNgrams.join('-')}`,
    `zc${settings.chineseCharNgrams.join('-')}`,
    `w${settings.wordNgrams.join('-')}`,
    `cw${settings.charWeight}`,
    `s${settings.seed}`,
    settings.language,
  ].join(':');
}

function hashText(options: { text: string; settings: HashSettings; segmenter: WordSegmenter | undefined }): SparseFloat32Vector {
  const { settings, segmenter } = options;
  const features = extractNgramFeatures({
    text: options.text,
    charNgrams: segmenter === undefined ? settings.charNgrams : settings.chineseCharNgrams,
    wordNgrams: settings.wordNgrams,
    segmenter,
  });
  const combined = new Map<number, number>();
  addBlock({ counts: features.words, weight: 1, settings, into: combined });
  addBlock({ counts: features.chars, weight: settings.charWeight, settings, into: combined });
  if (combined.size === 0) addBlock({ counts: new Map([[EMPTY_FEATURE, 1]]), weight: 1, settings, into: combined });
  return toSparse(combined);
}

/** Hashes one block's features, L2-normalises the block and adds it, scaled by `weight`. */
function addBlock(options: { counts: Map<string, number>; weight: number; settings: HashSettings; into: Map<number, number> }): void {
  const block = new Map<number, number>();
  for (const [feature, count] of options.counts) {
    const h = murmur3(feature, options.settings.seed);
    const index = h % options.settings.dimension;
    const sign = h & 0x80000000 ? -1 : 1;
    block.set(index, (block.get(index) ?? 0) + sign * (1 + Math.log(count)));
  }
  let norm = 0;
  for (const value of block.values()) norm += value * value;
  if (norm === 0 || options.weight === 0) return;
  const scale = options.weight / Math.sqrt(norm);
  for (const [index, value] of block) options.into.set(index, (options.into.get(index) ?? 0) + value * scale);
}

/** Sorted, zero-free, L2-normalised. */
function toSparse(values: Map<number, number>): SparseFloat32Vector {
  const entries = [...values].filter(([, value]) => value !== 0).sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0));
  const scale = norm === 0 ? 0 : 1 / norm;
  return {
    indices: Int32Array.from(entries, ([index]) => index),
    values: Float32Array.from(entries, ([, value]) => value * scale),
  };
}
