import { detectLanguage as identifyLanguage } from '../nlu/language-id.js';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { stemEn } from './stemmer-en.js';
import type { ChunkLanguage } from './types.js';

// Han ideographs (with extension A and compatibility ideographs): text we segment with jieba.
const HAN = /\p{Script=Han}/u;
const WORD_CHAR = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{N}])`;
const RUNS = new RegExp(String.raw`(\p{Script=Han}+)|(${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*)`, 'gu');
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['’]/g;

/**
 * Words too common to help ranking. Short on purpose: BM25's IDF already discounts common
 * words; this list only drops those that are in almost every question.
 */
const STOP_EN = new Set(
  ('a an and are as at be by can could do does did for from how i if in is it its me my of on or our '
    + 'please so that the their them there these this to us was we what when where which who why will '
    + 'with would you your yours hi hello thanks thank').split(' '),
);
const STOP_ZH = new Set('的 了 吗 呢 吧 啊 呀 么 我 我们 你 你们 您 是 在 和 与 也 都 就 请 请问 一下 这个 那个 怎么 如何 什么 可以 能 能不能 要 有'.split(' '));

let jieba: Jieba | undefined;

/** Loads jieba with its default dictionary once, on first use (about 0.1 s). */
function segmenter(): Jieba {
  if (jieba === undefined) {
    // createRequire: the package ships CommonJS, and its dictionary is a sub-path export.
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/**
 * Whether the text is mostly Chinese, decided by the NLU's language identification so that
 * message routing and retrieval never disagree about a text's language.
 */
export function detectLanguage(text: string): ChunkLanguage {
  return identifyLanguage(text).language;
}

function hanTokens(run: string, out: string[]): void {
  for (const word of segmenter().cutForSearch(run, true)) {
    if (HAN.test(word) && !STOP_ZH.has(word)) out.push(word);
  }
  // Character bigrams make matching robust where the segmenter splits a compound
  // differently in the question and in the article ("退货运费" → 退 / 货运费).
  const chars = [...run];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(`${chars[i]}${chars[i + 1]}~`);
}

/**
 * Turns text into keyword-index terms: English words lower-cased, accent-folded, stop words
 * dropped and Porter-stemmed; Chinese segmented with jieba (search mode) plus character bigrams.
 *
 * @remarks Mixed text ("XL 码的冲锋衣") is handled run by run, so one tokenizer serves every
 * language and the question's language need not be known.
 *
 * @example
 * ```ts
 * tokenize('Returning worn jackets'); // ['return', 'worn', 'jacket']
 * ```
 */
export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase();
  const out: string[] = [];
  for (const match of folded.matchAll(RUNS)) {
    if (match[1] !== undefined) {
      hanTokens(match[1], out);
      continue;
    }
    const word = (match[2] ?? '').normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, '');
    if (word.length === 0 || STOP_EN.has(word)) continue;
    out.push(/^\p{N}+$/u.test(word) ? word : stemEn(word));
  }
  return out;
}
