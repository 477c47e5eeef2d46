import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let shared: Jieba | undefined;

/**
 * The process-wide jieba segmenter with its default dictionary.
 *
 * @remarks Loading the dictionary takes about half a second, so it happens once, on first use,
 * and only in processes that tag Chinese.
 */
export function sharedJieba(): Jieba {
  shared ??= Jieba.withDict(dict);
  return shared;
}

/** Where a token sits in jieba's segmentation of the sentence. */
export interface JiebaContext {
  /** `B` (begins a word), `M` (middle), `E` (ends) or `S` (a one-character word). */
  position: string;
  word: string;
  previousWord: string;
  nextWord: string;
}

/**
 * Segments the sentence formed by `tokens` with jieba and gives each token its place in it.
 *
 * @remarks Tokens are normally single characters; a longer token takes the place of its first
 * character, so the result always has one entry per token.
 */
export function jiebaContexts(tokens: readonly string[]): JiebaContext[] {
  if (tokens.length === 0) return [];
  const words = sharedJieba().cut(tokens.join(''), true);
  const perChar: JiebaContext[] = [];
  words.forEach((word, w) => {
    const units = [...word];
    const previousWord = words[w - 1] ?? '<s>';
    const nextWord = words[w + 1] ?? '</s>';
    units.forEach((_, k) => {
      const position = units.length === 1 ? 'S' : k === 0 ? 'B' : k === units.length - 1 ? 'E' : 'M';
      perChar.push({ position, word, previousWord, nextWord });
    });
  });
  let offset = 0;
  return tokens.map((token) => {
    const context = perChar[offset] ?? { position: 'S', word: token, previousWord: '<s>', nextWord: '</s>' };
    offset += [...token].length;
    return context;
  });
}
