import type { Entity } from '../../core/nlu.js';
import type { TrainingLanguage } from '../training-format/types.js';

/** A number found in the text (`end` exclusive) with its value in decimal. */
export interface FoundNumber {
  start: number;
  end: number;
  value: string | undefined;
}

// Counts as the shop's data writes them: digits, with thousands separators (3, 40, 1,200).
const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
// Five digits or more with no unit are ids, postcodes or phone fragments, not stock counts.
const LONGEST_BARE_COUNT = 4;

// English measure words kept in the span ("200 units", "3 pairs"); nouns ("50 boots") are not.
const EN_UNIT = /^\s*(?:units?|pcs|pieces?|pairs?|packs?|boxes|box|cases?|cartons?|pallets?|sets?|bottles?|rolls?)\b/i;
// "3 days", "10 working days", "12 week forecast", "5pm": how long or when, not how many.
const EN_TIME_UNIT = /^\s*(?:(?:working|business|calendar)\s+)?(?:days?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|nights?|fortnights?|am|pm|o'?clock)\b/i;
// Sizes, references and times: "UK 9", "size 12", "version 2", "at 5", "pay in 3".
const EN_NOT_COUNT_BEFORE = /\b(?:size|sizes|sz|uk|eu|us|no\.?|number|ref|version|page|step|option|at|in|on|until|till|from|between)\s+$/i;
// House numbers: "12 high street", "5 park lane".
const EN_ADDRESS_AFTER = /^\s+(?:[a-z']+\s+){0,2}(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|crescent|place|terrace|court|gardens|square|way|mews|grove)\b/i;
// Digits touching a letter, code or currency sign belong to something else: APP-1042, 22L, £50, 180cm, 2-person.
const ATTACHED_BEFORE = /[\p{L}\p{N}_#£$€¥/:-]$/u;
const ATTACHED_AFTER = /^(?:[\p{L}\p{N}_%°'’]|[-.,:/]\p{N}|-\p{L})/u;

// Chinese measure words for goods: 三件 (three items), 两双 (two pairs), 10个. 块 is left out:
// colloquially it means yuan (五块 = 5 yuan), which the money recogniser handles.
const ZH_CLASSIFIERS = new Set([...'件个双条台只瓶盒包套份箱本张把支袋罐对副顶']);
// 3天, 3个月, 5号, 3点: durations, dates and times.
const ZH_TIME_AFTER = /^个?(?:天|日|号|周|星期|礼拜|月|年|小时|钟头|分钟|点|工作日|季度)/;
// 11码, 175cm, 50%: sizes and measures.
const ZH_MEASURE_AFTER = /^(?:码|号|cm|厘米|公分|米|kg|公斤|斤|%|％)/i;
// 前10 (top 10), 少于10件: a count without a measure word needs one of these before it.
const ZH_COUNT_BEFORE = /(?:前|后|少于|多于|超过|不到|低于|高于|大于|小于|不足|至少|最多|不少于|不超过)$/;
const ZH_NOT_COUNT_BEFORE = /(?:第|UK|EU|US|尺码|码数|鞋码|身高|体重)\s*$/i;
const ZH_ATTACHED_BEFORE = /[A-Za-z0-9_#£$€¥.-]$/;
const ZH_ATTACHED_AFTER = /^[A-Za-z0-9_]/;

/**
 * Quantities of goods: numbers in a counting context, with the measure word when one follows
 * (`200 units` → 200, `50 walking boots` → 50, `前10` → 10, `300个` → 300).
 *
 * @remarks The shop's annotations are the spec. Counts are written in digits; number words
 * ("two items", 两件) are left unmarked there, and so here. English digits count unless the
 * context says otherwise: a size (`UK 9`), a duration or time (`3 days`, `at 5`), a house number
 * (`12 high street`), or digits attached to a code or unit (`APP-1042`, `22L`, `£50`). Chinese
 * digits count only with a measure word (`30件`) or a counting cue before them (`前5`, `少于20`).
 * `value` is the count in decimal.
 */
export function findQuantities(args: { text: string; language: TrainingLanguage; numbers: readonly FoundNumber[] }): Omit<Entity, 'extractor'>[] {
  const { text } = args;
  const countEnd = args.language === 'zh' ? zhCountEnd : enCountEnd;
  return args.numbers.flatMap((n) => {
    if (n.value === undefined || !/^\d+$/.test(n.value) || !DIGITS.test(text.slice(n.start, n.end))) return [];
    const end = countEnd({ text, start: n.start, end: n.end });
    return end === undefined ? [] : [{ type: 'quantity', value: n.value, text: text.slice(n.start, end), start: n.start, end }];
  });
}

interface Span {
  text: string;
  start: number;
  end: number;
}

/** Where an English count ends (after its measure word), or `undefined` when the number is no count. */
function enCountEnd({ text, start, end }: Span): number | undefined {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (ATTACHED_BEFORE.test(before) || ATTACHED_AFTER.test(after)) return undefined;
  const unit = EN_UNIT.exec(after);
  if (unit) return end + unit[0].length;
  if (EN_TIME_UNIT.test(after) || EN_NOT_COUNT_BEFORE.test(before) || EN_ADDRESS_AFTER.test(after)) return undefined;
  return end - start > LONGEST_BARE_COUNT ? undefined : end;
}

/** Where a Chinese count ends (after its measure word), or `undefined` when the number is no count. */
function zhCountEnd({ text, start, end }: Span): number | undefined {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (ZH_ATTACHED_BEFORE.test(before) || ZH_ATTACHED_AFTER.test(after) || ZH_NOT_COUNT_BEFORE.test(before)) return undefined;
  if (ZH_TIME_AFTER.test(after) || ZH_MEASURE_AFTER.test(after)) return undefined;
  if (ZH_CLASSIFIERS.has(after[0] ?? '')) return end + 1;
  return ZH_COUNT_BEFORE.test(before) && end - start <= LONGEST_BARE_COUNT ? end : undefined;
}
