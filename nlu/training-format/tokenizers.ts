/** A token and where it is in the text (`end` exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Splits a text into tokens with offsets. */
export type Tokenizer = (text: string) => Token[];

// In order: e-mail addresses; numbers with their separators (12.50, 10:30, 100234/100235);
// words with inner apostrophes or hyphens (what's, t-shirt, SKU-1234); any other symbol alone.
const WORD_TOKEN =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\p{N}+(?:[.,:/]\p{N}+)*(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const NON_SPACE = /\S/gu;

/**
 * Word tokens for English (and other space-separated languages): case is kept, so the tagger
 * can use word shape.
 *
 * @example
 * ```ts
 * tokenizeWords("where's #100234?").map((t) => t.text); // ["where's", '#', '100234', '?']
 * ```
 */
export const tokenizeWords: Tokenizer = (text) => [...text.matchAll(WORD_TOKEN)].map(toToken);

/**
 * One token per character, skipping white space: Chinese is tagged character by character.
 *
 * @remarks Code points, not UTF-16 units, so a character outside the BMP stays one token.
 */
export const tokenizeChars: Tokenizer = (text) => [...text.matchAll(NON_SPACE)].map(toToken);

function toToken(match: RegExpMatchArray): Token {
  const start = match.index ?? 0;
  return { text: match[0], start, end: start + match[0].length };
}
