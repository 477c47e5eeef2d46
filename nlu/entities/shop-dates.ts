import type { Entity } from '../../core/nlu.js';
import type { TrainingLanguage } from '../training-format/types.js';
import { findDatePhrases } from './date-phrases.js';
import { localStamp } from './datetime-values.js';
import { findDateTimes, RECOGNIZER_NAME } from './recognizers.js';

/** Recogniser types that are the shop's `date`: days, periods, and moments with a day. */
export const DATE_TYPES: readonly string[] = ['date', 'daterange', 'datetime', 'datetimerange'];

interface DateContext {
  text: string;
  language: TrainingLanguage;
  now: Date;
}

// Words the annotations leave outside a date: "by [Friday]", "before [christmas]", "over the [weekend]".
const EN_LEADING = /^(?:(?:by|before|since|after|until|till|til|from|through|throughout|during|within|over)\s+)+/i;
// "the weekend" is marked "weekend"; "the 3rd" keeps its article.
const EN_THE = /^the\s+(?!\d)/i;
// "running late this week": "late" says the parcels are late, not which part of the week.
const EN_PREDICATE_LATE = /^(?:late|early)\s+/i;
const EN_PREDICATE_BEFORE = /\b(?:running|is|are|was|were|be|been|being|arrived?|arrives|arriving|came|come|coming|delivered|shipped|got|get|getting)\s+$/i;
// Whole words: "[tomorrow's] routes", "[Saturday's] takings".
const EN_POSSESSIVE = /^['’]s\b/;
// Holidays and seasons that also describe things: a "christmas present", "weekend trips", "next day delivery".
const EN_BARE = /^(?:christmas|xmas|easter|black friday|boxing day|halloween|spring|summer|autumn|winter|weekend|next day|same day)$/i;
const EN_PERIOD_AFTER = /^\s+(?:period|season|holidays?|break)\b/i;
// After a date, these words go on with the sentence ("how did the weekend go"); any other word
// makes the date a modifier of the noun it precedes.
const EN_FOLLOW_OK = new Set([
  ...['for', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'from', 'with', 'vs', 'versus', 'than', 'so', 'then', 'but', 'if', 'please', 'pls'],
  ...['this', 'next', 'last', 'compared', 'is', 'are', 'was', 'were', 'will', 'would', 'be', 'has', 'have', 'had', 'do', 'did', 'does'],
  ...['go', 'goes', 'went', 'look', 'looks', 'looking', 'sell', 'sells', 'sold', 'come', 'comes', 'came', 'arrive', 'arrives', 'starts', 'ends'],
]);
// 周五[之前], 圣诞节[前], 周一[以来]: the annotations mark the date without them.
const ZH_TRAILING = /(?:之前|以前|之后|以后|以来|为止|前|后|起)$/;
// 最近 alone means "recently"; [最近七天] keeps it, where the recogniser finds only 近七天.
const ZH_RECENTLY = /^(?:最近|近期|近来)$/;
// 大一号 is one size up, not the 1st of the month.
const ZH_SIZE = /^[一二两三\d]号$/;
const ZH_AHEAD = /(?:接下来|今后|往后)的?$/;
const DURATION = /^P(\d+)([DWMY])$/;

/**
 * The shop's `date` entities of one text, from the recognisers' date-time entities and
 * {@link findDatePhrases}.
 *
 * @remarks The annotations are the spec. Dates, ranges and moments with a day become `date`,
 * valued in ISO 8601 (`2024-05-21`, `2024-05-20/2024-05-27`, `2024-05-16T15:00:00`); times of
 * day (`morning` in "good morning") and durations (`30 days`) are not dates and are dropped,
 * except a Chinese duration looking ahead (`接下来八周`, a range from tomorrow). Spans follow the
 * annotations: without the preposition or 前/后 (`by [Friday]`, `[周五]之前`) while the value keeps
 * its meaning (`../2024-05-17`), without an article (`the [weekend]`), with a possessive
 * (`[tomorrow's]`), and `[christmas period]` whole. A bare holiday or season followed by a noun
 * describes a thing ("christmas present", "weekend trips", "next day delivery") and is dropped.
 */
export function toShopDates(context: DateContext & { found: readonly Entity[] }): Entity[] {
  const converted = context.found.flatMap((entity) => {
    if (DATE_TYPES.includes(entity.type)) return context.language === 'zh' ? zhDate(entity, context) : enDate(entity, context);
    return entity.type === 'duration' && context.language === 'zh' ? zhDurationAhead(entity, context) : [];
  });
  const phrases = findDatePhrases(context).map((phrase): Entity => ({ ...phrase, extractor: RECOGNIZER_NAME }));
  const kept = converted.filter((date) => !phrases.some((phrase) => date.start < phrase.end && phrase.start < date.end));
  return [...kept, ...phrases]
    .filter((date) => context.language === 'zh' || !describesThing(date, context.text))
    .sort((a, b) => a.start - b.start);
}

function respan(entity: Entity, text: string, range: { start: number; end: number; value?: string }): Entity {
  return { ...entity, type: 'date', value: range.value ?? entity.value, text: text.slice(range.start, range.end), start: range.start, end: range.end };
}

function enDate(entity: Entity, { text, now }: DateContext): Entity[] {
  let { start, end } = entity;
  let value: string | undefined;
  const skip = (pattern: RegExp) => {
    const match = pattern.exec(text.slice(start, end));
    if (match && match[0].length < end - start) start += match[0].length;
    return match !== null;
  };
  skip(EN_LEADING);
  skip(EN_THE);
  if (EN_PREDICATE_BEFORE.test(text.slice(0, start)) && skip(EN_PREDICATE_LATE)) value = reread({ text, start, end, now });
  if (EN_POSSESSIVE.test(text.slice(end))) end += 2;
  const period = EN_BARE.test(text.slice(start, end)) ? EN_PERIOD_AFTER.exec(text.slice(end)) : null;
  if (period) end += period[0].length;
  return [respan(entity, text, { start, end, value })];
}

/** The value of the date written at `start`–`end`, read again without the words trimmed off. */
function reread(span: { text: string; start: number; end: number; now: Date }): string | undefined {
  const phrase = span.text.slice(span.start, span.end);
  const [date] = findDateTimes({ text: phrase, language: 'en', now: span.now });
  return date && date.start === 0 && date.end === phrase.length && DATE_TYPES.includes(date.type) ? date.value : undefined;
}

function zhDate(entity: Entity, { text }: DateContext): Entity[] {
  let { start, end } = entity;
  if (ZH_RECENTLY.test(entity.text) || (ZH_SIZE.test(entity.text) && /[大小加]$/.test(text.slice(0, start)))) return [];
  const trailing = entity.value.includes('..') ? ZH_TRAILING.exec(entity.text) : null;
  if (trailing && trailing[0].length < end - start) end -= trailing[0].length;
  if (entity.text.startsWith('近') && text[start - 1] === '最') start -= 1;
  return [respan(entity, text, { start, end })];
}

/** `接下来八周`: the duration read as a range from tomorrow, like the recogniser's `未来八周`. */
function zhDurationAhead(entity: Entity, { text, now }: DateContext): Entity[] {
  const ahead = ZH_AHEAD.exec(text.slice(0, entity.start));
  const duration = DURATION.exec(entity.value);
  if (!ahead || !duration) return [];
  const count = Number(duration[1]);
  const unit = duration[2] as 'D' | 'W' | 'M' | 'Y';
  const [y, m, d] = [now.getFullYear(), now.getMonth(), now.getDate() + 1];
  const last = { D: new Date(y, m, d + count), W: new Date(y, m, d + 7 * count), M: new Date(y, m + count, d), Y: new Date(y + count, m, d) }[unit];
  const value = `${localStamp(new Date(y, m, d)).slice(0, 10)}/${localStamp(last).slice(0, 10)}`;
  return [respan(entity, text, { start: entity.start - ahead[0].length, end: entity.end, value })];
}

/** A bare holiday or season followed by a noun: "christmas present", "winter walk". */
function describesThing(date: Entity, text: string): boolean {
  if (!EN_BARE.test(date.text)) return false;
  const next = /^\s+([\p{L}']+)/u.exec(text.slice(date.end));
  return next !== null && !EN_FOLLOW_OK.has((next[1] as string).toLowerCase());
}
