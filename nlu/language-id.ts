/** What {@link detectLanguage} decided. */
export interface LanguageGuess {
  /** The language to route to. */
  language: 'en' | 'zh';
  /** Share of the evidence for that language, 0–1; 0 when the text has no letters at all. */
  confidence: number;
  /** True when both scripts carry real weight, for example "我的 order 100234 到哪了". */
  mixed: boolean;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}{2,}/gu;

/**
 * Script-based language identification for the languages the shop supports.
 *
 * @remarks English and Chinese never share a script, so counting Han characters against Latin
 * words is exact enough and costs microseconds. One Han character weighs about as much as
 * one English word; digits, e-mails and punctuation carry no evidence. Text without letters
 * (an order number on its own) goes to `fallback`, usually the conversation's language.
 */
export function detectLanguage(text: string, fallback: 'en' | 'zh' = 'en'): LanguageGuess {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.replace(/\S+@\S+/g, ' ').match(LATIN_WORD)?.length ?? 0;
  if (han + latin === 0) return { language: fallback, confidence: 0, mixed: false };
  const zhShare = han / (han + latin);
  const language = zhShare >= 0.5 ? 'zh' : 'en';
  const confidence = language === 'zh' ? zhShare : 1 - zhShare;
  return { language, confidence, mixed: Math.min(han, latin) > 0 && confidence < 0.85 };
}
