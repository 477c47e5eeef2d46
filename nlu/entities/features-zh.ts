import { addMarkFeatures } from './features-en.js';
import type { PhraseTrie } from './gazetteer-features.js';
import { jiebaContexts, type JiebaContext } from './jieba.js';

const BOS = '<s>';
const EOS = '</s>';

function charClass(ch: string): string {
  if (/\p{Script=Han}/u.test(ch)) return 'h';
  if (/\p{N}/u.test(ch)) return 'd';
  if (/\p{L}/u.test(ch)) return 'l';
  return 'p';
}

/**
 * Features of each character of a Chinese sentence, for character-level tagging.
 *
 * @remarks Characters ±2, character bigrams and a trigram around each position, the
 * character's class (Han, digit, Latin letter, other), and jieba word-boundary features: the
 * character's B/M/E/S position in its jieba word, alone, with the character, and with the
 * neighbours' positions, plus the word itself (also with the position) and the words before
 * and after it; and, as for English, the sentence's first and last words. Jieba gives the
 * tagger word knowledge a character model lacks; the model learns when to trust it.
 */
export function charFeatures(chars: readonly string[], context: { gazetteer?: PhraseTrie } = {}): string[][] {
  const lower = chars.map((ch) => ch.toLowerCase());
  const contexts = jiebaContexts(lower);
  const marks = context.gazetteer ? context.gazetteer.mark(lower) : undefined;
  const at = (i: number) => (i < 0 ? BOS : i >= lower.length ? EOS : (lower[i] as string));
  const pos = (i: number) => (i < 0 ? BOS : i >= contexts.length ? EOS : (contexts[i] as JiebaContext).position);
  const first = contexts[0]?.word;
  const last = contexts[contexts.length - 1]?.word;
  return lower.map((c, i) => {
    const { word, previousWord, nextWord } = contexts[i] as JiebaContext;
    const f = [
      'b',
      `c=${c}`,
      `c-1=${at(i - 1)}`,
      `c-2=${at(i - 2)}`,
      `c+1=${at(i + 1)}`,
      `c+2=${at(i + 2)}`,
      `c-1c=${at(i - 1)}${c}`,
      `cc+1=${c}${at(i + 1)}`,
      `c-2c-1=${at(i - 2)}${at(i - 1)}`,
      `c+1c+2=${at(i + 1)}${at(i + 2)}`,
      `c-1cc+1=${at(i - 1)}${c}${at(i + 1)}`,
      `t=${charClass(c)}`,
      `j=${pos(i)}`,
      `jc=${pos(i)}${c}`,
      `j-1j=${pos(i - 1)}${pos(i)}`,
      `jj+1=${pos(i)}${pos(i + 1)}`,
      `jw=${word}`,
      `jw|j=${word}|${pos(i)}`,
      `jw-1=${previousWord}`,
      `jw+1=${nextWord}`,
      `first=${first}`,
      `last=${last}`,
    ];
    if (marks) addMarkFeatures({ features: f, marks, i });
    return f;
  });
}
