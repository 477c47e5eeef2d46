import type { Entity, EntityExtractor } from '../../core/nlu.js';
import type { TrainingLanguage } from '../training-format/types.js';
import { findQuantities } from './quantities.js';
import { createRecognizerExtractor, RECOGNIZER_NAME, type RecognizerKind } from './recognizers.js';
import { toShopDates } from './shop-dates.js';

/** Entity types of the shop that come from the recognisers. */
export type RecognizedShopType = 'date' | 'quantity' | 'money' | 'phone' | 'email';

/**
 * The one mapping from recogniser result types to the shop's entity types; `null` is dropped.
 *
 * | Recogniser type | Shop type | Value |
 * |---|---|---|
 * | `date`, `daterange`, `datetime`, `datetimerange` | `date` | ISO 8601: `2024-05-21`, `2024-05-20/2024-05-27` (`..` open), `2024-05-16T15:00:00` |
 * | `time`, `timerange` | dropped | the data has no time of day ("good morning" is a greeting) |
 * | `duration` | dropped | "30 days" is how long, not when; `接下来八周` becomes a `date` range |
 * | `number` | `quantity` in a counting context (`findQuantities`), else dropped | the count in decimal |
 * | `money` | `money` | minor units and ISO code: `54.00 GBP` |
 * | `phone` | `phone` | digits and `+` |
 * | `email` | `email` | lower-cased (the e-mail pattern finds the same) |
 * | `ordinal`, `dimension` (and temperature, age, ...) | not run | no shop slot takes them |
 *
 * @remarks The annotations of the training files (`nlu/demo-data/en.yaml`, `zh.yaml`) are the
 * spec: they use `date`, `quantity`, `money` and `phone`, never the recognisers' own types. Dates
 * also come from `findDatePhrases` (seasons, quarters, Black Friday), and their spans follow the
 * annotations (see `toShopDates`). SKUs and order ids are patterns, which outrank the
 * recognisers in `mergeEntities`, so their digits never come out as quantities.
 */
export const RECOGNIZER_TYPE_MAP: Readonly<Record<string, RecognizedShopType | null>> = {
  date: 'date',
  daterange: 'date',
  datetime: 'date',
  datetimerange: 'date',
  time: null,
  timerange: null,
  duration: null,
  number: 'quantity',
  money: 'money',
  phone: 'phone',
  email: 'email',
  ordinal: null,
  dimension: null,
};

/** The recogniser kinds the shop runs: those with a type in {@link RECOGNIZER_TYPE_MAP}. */
export const SHOP_RECOGNIZER_KINDS: readonly RecognizerKind[] = ['datetime', 'number', 'money', 'phone', 'email'];

/** Options of {@link createShopRecognizerExtractor}. */
export interface ShopRecognizerOptions {
  language: TrainingLanguage;
  /** Reference time for relative dates, read once per batch. @defaultValue () => new Date() */
  now?: () => Date;
  /** See `RecognizerExtractorOptions.currencyUnits`. */
  currencyUnits?: Readonly<Record<string, string>>;
}

const RAW_DATE_TYPES = new Set(['date', 'daterange', 'datetime', 'datetimerange', 'time', 'timerange', 'duration']);

/**
 * The recognisers with the shop's vocabulary: `date`, `quantity`, `money`, `phone` and `email`
 * entities, mapped by {@link RECOGNIZER_TYPE_MAP}.
 *
 * @example
 * ```ts
 * const recognizers = createShopRecognizerExtractor({ language: 'en', now: () => new Date(2024, 4, 15) });
 * const [entities] = await recognizers.extract(['move 30 units of APP-1042 by Friday']);
 * // quantity "30 units" = 30, date "Friday" = ../2024-05-17 ("1042" is no quantity: a SKU's digits)
 * ```
 */
export function createShopRecognizerExtractor(options: ShopRecognizerOptions): EntityExtractor {
  const { language } = options;
  const clock = options.now ?? (() => new Date());
  return {
    name: RECOGNIZER_NAME,
    async extract(texts) {
      const now = clock();
      const raw = createRecognizerExtractor({ language, now: () => now, kinds: SHOP_RECOGNIZER_KINDS, currencyUnits: options.currencyUnits });
      const found = await raw.extract(texts);
      return texts.map((text, i) => toShopVocabulary({ text, language, now, found: found[i] ?? [] }));
    },
  };
}

function toShopVocabulary(args: { text: string; language: TrainingLanguage; now: Date; found: readonly Entity[] }): Entity[] {
  const { text, language, found } = args;
  const dates = toShopDates({ text, language, now: args.now, found: found.filter((e) => RAW_DATE_TYPES.has(e.type)) });
  const numbers = found.filter((e) => e.type === 'number');
  // Money, phone numbers and e-mails keep the recognisers' type and value.
  const kept = found.filter((e) => !RAW_DATE_TYPES.has(e.type) && e.type !== 'number' && RECOGNIZER_TYPE_MAP[e.type] != null);
  const others = [...dates, ...kept];
  // A number inside a date, an amount or a phone number is part of it ("2024", "£50"), not a count.
  const quantities = findQuantities({ text, language, numbers })
    .filter((q) => !others.some((o) => q.start < o.end && o.start < q.end))
    .map((q): Entity => ({ ...q, extractor: RECOGNIZER_NAME }));
  return [...others, ...quantities].sort((a, b) => a.start - b.start || b.end - a.end);
}
