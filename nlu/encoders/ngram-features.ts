import type { WordSegmenter } from './chinese-segmenter.js';

/** An inclusive `[min, max]` n-gram length range. */
export type NgramRange = readonly [min: number, max: number];

/** Raw feature counts of one text, in two blocks. */
export interface TextFeatures {
  /** Word n-grams, keyed `w:<words joined by one space>`. */
  words: Map<string, number>;
  /** Character n-grams, keyed `c:<characters>`. */
  chars: Map<string, number>;
}

// Prefixes keep the families apart: the word "ab" and the character bigram "ab" hash differently.
const WORD = 'w:';
const CHAR = 'c:';
const HAN = /\p{Script=Han}/u;
const WORD_TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** NFKC (full-width forms become ASCII), lower case, whitespace runs collapsed to one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Whether the text has Han characters, so that words must come from a segmenter. */
export function hasHanCharacters(text: string): boolean {
  return HAN.test(text);
}

/**
 * Word tokens of a normalised text: runs of letters, marks and digits (apostrophes inside a word
 * kept, so "where's" is one token), or the segmenter's words when one is given.
 */
export function wordTokens(options: { text: string; segmenter?: WordSegmenter }): string[] {
  if (options.segmenter === undefined) return options.text.match(WORD_TOKEN) ?? [];
  return options.segmenter(options.text).filter((token) => HAS_WORD_CHARACTER.test(token));
}

/**
 * Counts word n-grams and character n-grams of one text.
 *
 * @remarks Character n-grams run over the whole normalised text padded with one space on each
 * side (not word by word), so they work for languages written without spaces and capture word
 * boundaries (" my", "y o") as well. Characters are code points, so an emoji is one character.
 */
export function extractNgramFeatures(options: {
  text: string;
  charNgrams: NgramRange;
  wordNgrams: NgramRange;
  segmenter?: WordSegmenter;
}): TextFeatures {
  const text = normalizeText(options.text);
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  const tokens = wordTokens({ text, segmenter: options.segmenter });
  addNgrams({ units: tokens, range: options.wordNgrams, separator: ' ', prefix: WORD, into: words });
  addNgrams({ units: Array.from(` ${text} `), range: options.charNgrams, separator: '', prefix: CHAR, into: chars });
  return { words, chars };
}

function addNgrams(options: { units: readonly string[]; range: NgramRange; separator: string; prefix: string; into: Map<string, number> }): void {
  const { units, range, into } = options;
  for (let n = range[0]; n <= range[1]; n++) {
    for (let start = 0; start + n <= units.length; start++) {
      const gram = units.slice(start, start + n).join(options.separator);
      // A lone padding space is in every text: it carries no information.
      if (gram.trim() === '') continue;
      const key = options.prefix + gram;
      into.set(key, (into.get(key) ?? 0) + 1);
    }
  }
}
