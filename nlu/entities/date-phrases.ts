import type { Entity } from '../../core/nlu.js';
import type { TrainingLanguage } from '../training-format/types.js';
import { localStamp } from './datetime-values.js';

/** A date found by {@link findDatePhrases}, before it gets an `extractor`. */
export type DatePhrase = Omit<Entity, 'extractor'>;

// First month (0-based) of each season, meteorological as in the UK: spring is March to May.
const SEASON_START: Readonly<Record<string, number>> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11, 春: 2, 夏: 5, 秋: 8, 冬: 11 };
const EN_RELATIVE: Readonly<Record<string, Relative>> = { this: 'this', next: 'next', last: 'last' };
const ZH_RELATIVE: Readonly<Record<string, Relative>> = { 今年: 'this', 这个: 'this', 明年: 'next', 去年: 'last' };
const ZH_QUARTER_OFFSET: Readonly<Record<string, number>> = { 上: -1, 下: 1, 本: 0, 这: 0 };

// "fall" alone is a verb ("prices fall"); only "this fall" and the like are dates.
const EN_SEASON = /\b(?:(this|next|last)\s+)?(spring|summer|autumn|winter|fall)\b/gi;
const EN_BLACK_FRIDAY = /\bblack\s+friday\b/gi;
const ZH_SEASON = /(今年|明年|去年|这个)?([春夏秋冬])(?:天|季)/g;
// 整个[冬天] ("the whole winter"): a date, though the annotations leave 整个 outside it.
const ZH_WHOLE_BEFORE = /整个$/;
const ZH_QUARTER = /([上下本这])个?季度/g;
const ZH_BLACK_FRIDAY = /黑五|黑色星期五/g;
// 圣诞节 the recogniser knows; 圣诞 alone and 圣诞期间 it misses.
const ZH_CHRISTMAS = /圣诞(?!节)(?:期间|假期)?/g;
// A bare 冬天 or 圣诞 is a date only where it ends the clause or takes 前/后: 冬天爬山 and 圣诞礼物 describe things.
const ZH_DATE_FOLLOWS = /^(?:$|[\s，。！？、；,.!?;]|之?前|以前|之?后|以后|以来|期间)/;
// Words that open the interval, as the recognisers read them: "before christmas" → ../2024-12-25.
const EN_MODIFIER_BEFORE = /\b(before|by|until|till|after|since)\s+(?:the\s+)?$/i;
const ZH_MODIFIER_AFTER = /^(之前|以前|前|之后|以后|后|以来)/;
const MODIFIERS: Readonly<Record<string, Modifier>> = {
  before: 'before', by: 'before', until: 'before', till: 'before', after: 'after', since: 'since',
  之前: 'before', 以前: 'before', 前: 'before', 之后: 'after', 以后: 'after', 后: 'after', 以来: 'since',
};

type Relative = 'this' | 'next' | 'last';
type Modifier = 'before' | 'after' | 'since';

/**
 * Dates in shop talk that the recognisers miss or misread: seasons (`this summer`, `winter`,
 * `今年夏天`), quarters (`下季度`), Black Friday (`黑五`; the English recogniser puts it a week
 * early) and `圣诞` without 节.
 *
 * @remarks Values are ISO intervals of whole months for seasons and quarters
 * (`2024-06-01/2024-09-01`) and ISO dates for holidays; a bare season or holiday is the one in
 * progress or the next, like the recognisers' reading of "Tuesday". As with the recognisers,
 * "before", "after", "since" (前, 后, 以来) make an open interval: `before black friday` →
 * `../2024-11-29`, with the span on the date alone as the annotations mark it. Chinese seasons
 * count as dates only with `今年`, `整个`, ... before them or at the end of a clause.
 */
export function findDatePhrases(args: { text: string; language: TrainingLanguage; now: Date }): DatePhrase[] {
  const { text, now } = args;
  const phrases: DatePhrase[] = [];
  const add = (match: RegExpMatchArray, value: string | undefined) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const modifier = args.language === 'en' ? EN_MODIFIER_BEFORE.exec(text.slice(0, start)) : ZH_MODIFIER_AFTER.exec(text.slice(end));
    const open = MODIFIERS[modifier?.[1]?.toLowerCase() ?? ''];
    if (value !== undefined) phrases.push({ type: 'date', value: open ? openInterval(value, open) : value, text: match[0], start, end });
  };
  if (args.language === 'en') {
    for (const m of text.matchAll(EN_SEASON)) {
      const relative = EN_RELATIVE[(m[1] ?? '').toLowerCase()];
      const season = (m[2] as string).toLowerCase();
      if (season !== 'fall' || relative) add(m, seasonValue({ startMonth: SEASON_START[season] as number, relative, now }));
    }
    for (const m of text.matchAll(EN_BLACK_FRIDAY)) add(m, blackFriday(now));
    return phrases;
  }
  const follows = (m: RegExpMatchArray) => ZH_DATE_FOLLOWS.test(text.slice((m.index ?? 0) + m[0].length));
  for (const m of text.matchAll(ZH_SEASON)) {
    const relative = ZH_RELATIVE[m[1] ?? ''] ?? (ZH_WHOLE_BEFORE.test(text.slice(0, m.index)) ? 'this' : undefined);
    if (relative || follows(m)) add(m, seasonValue({ startMonth: SEASON_START[m[2] as string] as number, relative, now }));
  }
  for (const m of text.matchAll(ZH_QUARTER)) add(m, quarterValue({ offset: ZH_QUARTER_OFFSET[m[1] as string] as number, now }));
  for (const m of text.matchAll(ZH_BLACK_FRIDAY)) add(m, blackFriday(now));
  for (const m of text.matchAll(ZH_CHRISTMAS)) if (m[0] !== '圣诞' || follows(m)) add(m, christmas(now));
  return phrases;
}

/** `value` (a date or an interval) opened on one side: before it, after it, or since its start. */
function openInterval(value: string, modifier: Modifier): string {
  const [first, last = first] = value.split('/');
  if (modifier === 'before') return `../${first}`;
  return modifier === 'since' || last === first ? `${first}/..` : `${last}/..`;
}

const day = (date: Date) => localStamp(date).slice(0, 10);
/** The first day of a month counted from year 0 (`year * 12 + month`). */
const monthStart = (index: number) => day(new Date(Math.floor(index / 12), index % 12, 1));
const months = (first: number, count: number) => `${monthStart(first)}/${monthStart(first + count)}`;

/** A three-month season: the one in progress or the next, or `this`/`next`/`last` one. */
function seasonValue(args: { startMonth: number; relative: Relative | undefined; now: Date }): string {
  const { startMonth, now } = args;
  const today = now.getFullYear() * 12 + now.getMonth();
  const latest = Math.floor((today - startMonth) / 12) * 12 + startMonth;
  const ongoing = today < latest + 3;
  const thisYears = now.getFullYear() * 12 + startMonth;
  const first = {
    this: ongoing ? latest : thisYears,
    next: latest + 12,
    last: ongoing ? latest - 12 : latest,
    none: ongoing ? latest : latest + 12,
  }[args.relative ?? 'none'];
  return months(first, 3);
}

function quarterValue(args: { offset: number; now: Date }): string {
  const { now } = args;
  return months(now.getFullYear() * 12 + Math.floor(now.getMonth() / 3) * 3 + 3 * args.offset, 3);
}

/** The next Black Friday (the day after the fourth Thursday of November), today included. */
function blackFriday(now: Date): string {
  const inYear = (year: number) => {
    const firstThursday = 1 + ((4 - new Date(year, 10, 1).getDay() + 7) % 7);
    return new Date(year, 10, firstThursday + 22);
  };
  const thisYear = inYear(now.getFullYear());
  return day(day(thisYear) >= day(now) ? thisYear : inYear(now.getFullYear() + 1));
}

function christmas(now: Date): string {
  const thisYear = new Date(now.getFullYear(), 11, 25);
  return day(day(thisYear) >= day(now) ? thisYear : new Date(now.getFullYear() + 1, 11, 25));
}
