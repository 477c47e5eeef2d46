import type { PhraseTrie } from './gazetteer-features.js';

const BOS = '<s>';
const BAG_FAR = 5;
const EOS = '</s>';
const PUNCT = /^[^\p{L}\p{N}]+$/u;
const DIGITS = /^\p{N}+$/u;
const HAS_DIGIT = /\p{N}/u;

/**
 * Word shape: letters become X/x, digits d, other characters stay; runs of the same class
 * collapse, so `Leeds` → `Xx`, `100234` → `d`, `SKU-12` → `X-d`.
 */
export function wordShape(word: string): string {
  let shape = '';
  for (const ch of word) {
    const cls = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (!shape.endsWith(cls)) shape += cls;
  }
  return shape;
}

/** What word features may consult besides the sentence. */
export interface WordFeatureContext {
  gazetteer?: PhraseTrie;
  /** Words seen often enough in training; the others are flagged rare, like unseen words. */
  frequentWords?: ReadonlySet<string>;
}

/**
 * Features of each word of an English sentence, as strings the tagger turns into weights.
 *
 * @remarks The usual CRF feature set for slot filling: the word and its neighbours ±2, the
 * bigrams around it, shape, affixes 1–4, digit and punctuation flags, and the gazetteer
 * marks of the word and its neighbours. Words are lower-cased; shape keeps case. Three additions
 * measured with the perceptron (valid slot F1): the sentence's first and last words, which
 * stand in for the intent that decides many slot types (SNIPS +0.3); whether the word and its
 * neighbours are rare in training, which is how unseen names look at run time (SNIPS +0.9); and
 * the bag of words 3–5 positions left and right, for cues further away (ATIS +0.7). Words ±3
 * by position, `w-1|w+1` and neighbour suffixes were tried and lost ~0.5 on SNIPS.
 */
export function wordFeatures(tokens: readonly string[], context: WordFeatureContext = {}): string[][] {
  const { gazetteer, frequentWords } = context;
  const words = tokens.map((token) => token.toLowerCase());
  const rare = words.map((w) => (frequentWords && !frequentWords.has(w) && !PUNCT.test(w) && !DIGITS.test(w) ? 1 : 0));
  const shapes = tokens.map(wordShape);
  const marks = gazetteer ? gazetteer.mark(tokens) : undefined;
  const at = (i: number) => (i < 0 ? BOS : i >= words.length ? EOS : (words[i] as string));
  return words.map((w, i) => {
    const f = [
      'b',
      `w=${w}`,
      `w-1=${at(i - 1)}`,
      `w-2=${at(i - 2)}`,
      `w+1=${at(i + 1)}`,
      `w+2=${at(i + 2)}`,
      `w-1|w=${at(i - 1)}|${w}`,
      `w|w+1=${w}|${at(i + 1)}`,
      `w-2|w-1=${at(i - 2)}|${at(i - 1)}`,
      `w+1|w+2=${at(i + 1)}|${at(i + 2)}`,
      `sh=${shapes[i]}`,
      `sh-1=${i > 0 ? shapes[i - 1] : BOS}`,
      `sh+1=${i + 1 < shapes.length ? shapes[i + 1] : EOS}`,
    ];
    f.push(`first=${words[0]}`, `last=${words[words.length - 1]}`);
    // Words 3–5 away, unordered: "arriving in boston on tuesday" marks tuesday as an arrival day.
    for (let k = i - BAG_FAR; k <= i - 3; k += 1) if (k >= 0) f.push(`L=${words[k]}`);
    for (let k = i + 3; k <= i + BAG_FAR; k += 1) if (k < words.length) f.push(`R=${words[k]}`);
    for (let k = 1; k <= 4 && k <= w.length; k += 1) f.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
    if (DIGITS.test(w)) f.push(`dig${Math.min(w.length, 7)}`);
    else if (HAS_DIGIT.test(w)) f.push('hasdig');
    if (PUNCT.test(w)) f.push('punct');
    if (frequentWords) f.push(`r=${rare[i - 1] ?? 2}${rare[i]}${rare[i + 1] ?? 2}`);
    if (marks) addMarkFeatures({ features: f, marks, i });
    return f;
  });
}

/** Gazetteer marks of the token and of its neighbours (shared with the Chinese features). */
export function addMarkFeatures(options: { features: string[]; marks: readonly (readonly string[])[]; i: number }): void {
  const { features, marks, i } = options;
  for (const mark of marks[i] ?? []) features.push(`g=${mark}`);
  for (const mark of marks[i - 1] ?? []) features.push(`g-1=${mark}`);
  for (const mark of marks[i + 1] ?? []) features.push(`g+1=${mark}`);
}
