/** Token that stands for any run of digits, so `100234` and `100777` share features. */
export const NUMBER_TOKEN = '<num>';
/** Token that stands for any e-mail address. */
export const EMAIL_TOKEN = '<email>';

// E-mails first so their dots and digits do not become separate tokens; then digit runs;
// then words (apostrophes inside words are kept here and dropped below).
const TOKEN_PATTERN = /([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)|(\p{Nd}+)|([\p{L}'’`]+)/gu;
const APOSTROPHES = /['’`]/g;
const COMBINING_MARKS = /\p{M}/gu;
// "pleeease" and "sooo" are common in chat; capping repeats maps them onto "pleease"/"soo".
const REPEATED_LETTERS = /(\p{L})\1{2,}/gu;

/**
 * Splits English text into normalised word tokens.
 *
 * @remarks Lower-cases, strips accents and punctuation, drops apostrophes (so "don't" and
 * "dont" agree), caps letter repeats at two, and replaces e-mails and digit runs by the
 * {@link EMAIL_TOKEN} and {@link NUMBER_TOKEN} classes.
 *
 * @example
 * ```ts
 * tokenizeEn("Where's order #100234?!"); // ['wheres', 'order', '<num>']
 * ```
 */
export function tokenizeEn(text: string): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  const tokens: string[] = [];
  for (const match of folded.matchAll(TOKEN_PATTERN)) {
    if (match[1] !== undefined) tokens.push(EMAIL_TOKEN);
    else if (match[2] !== undefined) tokens.push(NUMBER_TOKEN);
    else {
      const word = (match[3] ?? '').replace(APOSTROPHES, '').replace(REPEATED_LETTERS, '$1$1');
      if (word.length > 0) tokens.push(word);
    }
  }
  return tokens;
}

/** Whether a token is a class placeholder rather than a word. */
export function isTokenClass(token: string): boolean {
  return token === NUMBER_TOKEN || token === EMAIL_TOKEN;
}

/**
 * Character n-grams of one word, padded with a space on each side so that n-grams
 * at word starts and ends differ from those inside words.
 */
export function charNgrams(word: string, options: { min: number; max: number }): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let n = options.min; n <= options.max; n += 1) {
    for (let i = 0; i + n <= padded.length; i += 1) grams.push(padded.slice(i, i + n));
  }
  return grams;
}
