import {
  Culture,
  recognizeCurrency,
  recognizeDateTime,
  recognizeDimension,
  recognizeEmail,
  recognizeNumber,
  recognizeOrdinal,
  recognizePhoneNumber,
} from '@microsoft/recognizers-text-suite';
import type { Entity, EntityExtractor } from '../../core/nlu.js';
import type { TrainingLanguage } from '../training-format/types.js';
import { resolveDateTime, type DateTimeCandidate } from './datetime-values.js';
import { formatMoneyValue, toMinorUnits } from './money.js';

/** What the recognisers can find; each kind gives entities of the types listed in {@link RecognizerExtractorOptions}. */
export const RECOGNIZER_KINDS = ['datetime', 'number', 'ordinal', 'money', 'dimension', 'phone', 'email'] as const;
/** A kind from {@link RECOGNIZER_KINDS}. */
export type RecognizerKind = (typeof RECOGNIZER_KINDS)[number];

/** Currencies for recogniser units that carry no ISO code ("£54", "10 dollars"). */
export const DEFAULT_CURRENCY_UNITS: Readonly<Record<string, string>> = { Pound: 'GBP', Pence: 'GBP', Dollar: 'USD', Cent: 'USD' };
// Units that count hundredths of the unit named in the same currency map.
const MINOR_UNITS = new Set(['Pence', 'Cent']);

/** Options of {@link createRecognizerExtractor}. */
export interface RecognizerExtractorOptions {
  language: TrainingLanguage;
  /**
   * Reference time for relative dates ("tomorrow", "next Tuesday"), read at each call. Dates are
   * resolved on its local wall clock (the process time zone). @defaultValue () => new Date()
   */
  now?: () => Date;
  /**
   * Which kinds to run. Entity types: datetime → `date`, `datetime`, `time`, `daterange`,
   * `datetimerange`, `timerange`, `duration`; the others are named as the kind.
   * @defaultValue all of {@link RECOGNIZER_KINDS}
   */
  kinds?: readonly RecognizerKind[];
  /** Overrides or extends {@link DEFAULT_CURRENCY_UNITS}, e.g. `{ Dollar: 'CAD' }` for a Canadian shop. */
  currencyUnits?: Readonly<Record<string, string>>;
}

/** The part of a recogniser result this module reads. */
interface RecognizerResult {
  start: number;
  end: number;
  typeName: string;
  resolution?: Record<string, unknown> | null;
}

// Currency needs an amount or a currency word; skipping it otherwise saves ~15 ms a message.
const MONEY_CUE = /[\d£$€¥元块钱]|pound|quid|dollar|euro|pence|cent|gbp|usd|eur|[零一二三四五六七八九十百千万两]/i;

/**
 * An English date or time needs a digit or one of these words (days, months, parts of the day,
 * units, relative words, holidays, seasons, number words): the date-time recogniser was the
 * largest single cost of a turn under load (bench/load profile), and most messages ("what is
 * your return policy") have none. Broad on purpose: a false match only costs the recogniser run.
 */
const ENGLISH_DATETIME_CUE = new RegExp([
  '\\d',
  '\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|s)?\\b', 'day', 'week', 'fortnight', 'month', 'year', 'decade', 'centur', 'quarter',
  '\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)', 'today', 'tonight', 'tomorrow', 'tmr', 'yesterday', '\\bnow\\b',
  'noon', 'night', 'morning', 'afternoon', 'evening', 'dawn', 'dusk', 'sunrise', 'sunset', 'lunch', 'dinner', 'breakfast', 'bedtime',
  'hour', '\\bhrs?\\b', 'minute', '\\bmins?\\b', 'second', '\\bsecs?\\b', "o'?clock", '\\b[ap]\\.?m\\b',
  '\\bago\\b', 'later', 'earlier', 'before', 'after', 'since', 'until', '\\btill?\\b', '\\bby\\b', '\\bfrom\\b', 'between', 'through',
  '\\bnext\\b', '\\blast\\b', '\\bthis\\b', '\\bpast\\b', 'previous', 'coming', 'current', '\\bend\\b', 'beginning', '\\bstart', '\\bmid', '\\bearly\\b', '\\blate\\b',
  'christmas', 'xmas', 'easter', 'thanksgiving', 'halloween', 'valentine', 'new year', '\\beve\\b', 'boxing', 'holiday',
  'spring', 'summer', '\\bfall\\b', 'autumn', 'winter',
  '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|half|first|third)\\b', '\\ba (?:couple|few)\\b',
].join('|'), 'i');

/**
 * Dates, times, numbers, ordinals, money, dimensions, phone numbers and e-mails found by
 * Microsoft Recognizers-Text (English and Chinese), as entities named by the recogniser's own
 * types, with normalised values.
 *
 * @remarks Values: dates and times in ISO 8601 (see `resolveDateTime`), money as
 * `54.00 GBP` (see `formatMoneyValue`), numbers and ordinals in decimal, phone numbers with
 * spacing and punctuation removed, e-mails lower-cased, dimensions as `3.5 Kilogram`.
 * Results may overlap (`£54` is also the number `54`); merge them with `mergeEntities`.
 * Latency is dominated by the date-time recogniser: tens of milliseconds a message. The shop's
 * extractor does not use these types as they are: `createShopRecognizerExtractor` maps them onto
 * the shop's entity types.
 *
 * @example
 * ```ts
 * const recognizers = createRecognizerExtractor({ language: 'en', now: () => new Date(2024, 4, 15) });
 * const [entities] = await recognizers.extract(['can it come next Tuesday? I paid £54']);
 * // [{ type: 'date', value: '2024-05-21', ... }, { type: 'money', value: '54.00 GBP', ... }, ...]
 * ```
 */
export function createRecognizerExtractor(options: RecognizerExtractorOptions): EntityExtractor {
  const culture = options.language === 'zh' ? Culture.Chinese : Culture.English;
  const kinds = new Set(options.kinds ?? RECOGNIZER_KINDS);
  const simple = simpleRecognizers({ ...DEFAULT_CURRENCY_UNITS, ...options.currencyUnits }).filter((r) => kinds.has(r.kind));
  const now = options.now ?? (() => new Date());
  const find = (text: string): Entity[] => {
    const entities: Entity[] = [];
    const mayHaveDate = options.language !== 'en' || ENGLISH_DATETIME_CUE.test(text);
    if (kinds.has('datetime') && mayHaveDate) entities.push(...findDateTimes({ text, language: options.language, now: now() }));
    for (const recognizer of simple) {
      if (recognizer.cue && !recognizer.cue.test(text)) continue;
      entities.push(...valued(recognizer.run(text, culture), recognizer.value).map(([r, v]) => toEntity(text, r, recognizer.kind, v)));
    }
    return entities.sort((a, b) => a.start - b.start || b.end - a.end);
  };
  return { name: RECOGNIZER_NAME, extract: async (texts) => texts.map(find) };
}

/** The `extractor` of recogniser entities. */
export const RECOGNIZER_NAME = 'recognizers';

interface SimpleRecognizer {
  kind: RecognizerKind;
  run: (text: string, culture: string) => RecognizerResult[];
  value: (r: RecognizerResult) => string | undefined;
  /** Skip the recogniser when the text cannot contain what it looks for. */
  cue?: RegExp;
}

/** Recognisers whose results map one to one onto entities of their kind. */
function simpleRecognizers(currencyUnits: Readonly<Record<string, string>>): SimpleRecognizer[] {
  const field = (r: RecognizerResult) => stringField(r.resolution, 'value');
  return [
    { kind: 'number', run: recognizeNumber, value: field },
    // "next" and "last" come back as relative ordinals (value 0); only real positions count.
    { kind: 'ordinal', run: recognizeOrdinal, value: (r) => field(r)?.match(/^[1-9]\d*$/)?.[0] },
    { kind: 'money', run: recognizeCurrency, value: (r) => moneyValue(r, currencyUnits), cue: MONEY_CUE },
    { kind: 'dimension', run: recognizeDimension, value: dimensionValue },
    { kind: 'phone', run: recognizePhoneNumber, value: (r) => field(r)?.replace(/[\s().-]/g, '') },
    { kind: 'email', run: recognizeEmail, value: (r) => field(r)?.toLowerCase() },
  ];
}

function stringField(resolution: Record<string, unknown> | null | undefined, key: string): string | undefined {
  const value = resolution?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Pairs each result with its value, dropping results without one. */
function valued(results: readonly RecognizerResult[], value: (r: RecognizerResult) => string | undefined): [RecognizerResult, string][] {
  return results.flatMap((r) => {
    const v = value(r);
    return v === undefined ? [] : [[r, v] as [RecognizerResult, string]];
  });
}

function toEntity(text: string, r: RecognizerResult, type: string, value: string): Entity {
  // The recognisers report inclusive ends.
  return { type, value, text: text.slice(r.start, r.end + 1), start: r.start, end: r.end + 1, extractor: RECOGNIZER_NAME };
}

/**
 * The date-time entities of one text, as {@link createRecognizerExtractor} finds them (types
 * `date`, `datetime`, `time`, `daterange`, `datetimerange`, `timerange`, `duration`).
 */
export function findDateTimes(options: { text: string; language: TrainingLanguage; now: Date }): Entity[] {
  const { text, now } = options;
  const culture = options.language === 'zh' ? Culture.Chinese : Culture.English;
  return (recognizeDateTime(text, culture, undefined, now) as RecognizerResult[]).flatMap((r) => {
    const values = r.resolution?.values;
    const resolved = Array.isArray(values) ? resolveDateTime({ candidates: values as DateTimeCandidate[], now }) : undefined;
    return resolved ? [toEntity(text, r, resolved.type, resolved.value)] : [];
  });
}

function moneyValue(r: RecognizerResult, currencyUnits: Readonly<Record<string, string>>): string | undefined {
  const amount = Number(stringField(r.resolution, 'value'));
  const unit = stringField(r.resolution, 'unit') ?? '';
  const currency = stringField(r.resolution, 'isoCurrency') ?? currencyUnits[unit];
  if (!Number.isFinite(amount) || !currency || !/^[A-Z]{3}$/.test(currency)) return undefined;
  const major = MINOR_UNITS.has(unit) ? amount / 100 : amount;
  return formatMoneyValue({ amountMinor: toMinorUnits(major, currency), currency });
}

function dimensionValue(r: RecognizerResult): string | undefined {
  const value = stringField(r.resolution, 'value');
  const unit = stringField(r.resolution, 'unit');
  return value && unit ? `${value} ${unit}` : undefined;
}
