/**
 * The bot's customer-facing texts, one typed catalogue per language.
 *
 * @example
 * const m = messagesIn(state.language);
 * const reply = { text: m.orderNotFound({ orderId: 100234 }), quickReplies: [m.yes, m.no] };
 */
import type { Catalogue, Language } from './catalogue.js';
import { en } from './en.js';
import { zh } from './zh.js';

export { DEFAULT_LANGUAGE, LANGUAGES, LanguageSchema, isLanguage, type Catalogue, type Language, type Refusal,
  type StaffCatalogue, type StockLevelRow, type WeeklyForecast } from './catalogue.js';
export { chooseLanguage } from './choose-language.js';
export { formatDay } from './dates.js';

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, zh };

/** The catalogue of one language. */
export function messagesIn(language: Language): Catalogue {
  return CATALOGUES[language];
}
