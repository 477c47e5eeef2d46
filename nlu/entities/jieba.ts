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

/**
 * For each character of `chars`, its position in the jieba word that contains it:
 * `B` (begins a word), `M` (middle), `E` (ends) or `S` (a one-character word), and that word.
 */
export function jiebaPositions(chars: readonly string[]): { positions: string[]; words: string[] } {
  const positions: string[] = [];
  const words: string[] = [];
  if (chars.length === 0) return { positions, words };
  for (const word of sharedJieba().cut(chars.join(''), true)) {
    const units = [...word];
    units.forEach((_, k) => {
      positions.push(units.length === 1 ? 'S' : k === 0 ? 'B' : k === units.length - 1 ? 'E' : 'M');
      words.push(word);
    });
  }
  // Tokens are code points without white space, so the counts agree; guard anyway, since a
  // token longer than one character (a caller's choice) would shift them.
  while (positions.length < chars.length) {
    positions.push('S');
    words.push(chars[positions.length - 1] as string);
  }
  return { positions: positions.slice(0, chars.length), words: words.slice(0, chars.length) };
}
