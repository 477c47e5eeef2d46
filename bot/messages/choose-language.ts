import type { ParseResult } from '../../core/nlu.js';
import { detectLanguage } from '../../nlu/index.js';
import { isLanguage, type Language } from './catalogue.js';

/**
 * The language to answer a message in: the one the customer wrote it in, else the one the
 * conversation was already in.
 *
 * @remarks The NLU gives every message a language, but for a message with no words (an order
 * number, an e-mail address, "?") that is only its fallback, so the conversation keeps its
 * language. Product names and UK addresses are written in Latin letters whatever the customer
 * speaks, so English-looking text that answers a question asking for one (`quotesNames`) is
 * no evidence either; Chinese text still is.
 */
export function chooseLanguage(options: { parse: ParseResult; previous: Language; quotesNames?: boolean }): Language {
  const { parse, previous } = options;
  if (options.quotesNames && parse.language === 'en') return previous;
  if (detectLanguage(parse.text).confidence === 0) return previous;
  return isLanguage(parse.language) ? parse.language : previous;
}
