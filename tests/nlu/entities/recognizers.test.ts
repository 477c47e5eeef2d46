import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../core/nlu.js';
import { createRecognizerExtractor, formatMoneyValue, parseMoneyValue, resolveDateTime } from '../../../nlu/entities/index.js';
import { findDateTimes } from '../../../nlu/entities/recognizers.js';

// Wednesday 15 May 2024, 10:00 on the local clock (the recognisers read local time).
const now = () => new Date(2024, 4, 15, 10, 0);
const en = createRecognizerExtractor({ language: 'en', now });
const zh = createRecognizerExtractor({ language: 'zh', now });

async function find(extractor: typeof en, text: string): Promise<Entity[]> {
  const [entities] = await extractor.extract([text]);
  return entities ?? [];
}
const pick = (entities: Entity[], type: string) => entities.filter((e) => e.type === type).map(({ type: t, value, text, start, end }) => ({ type: t, value, text, start, end }));

describe('createRecognizerExtractor (English)', () => {
  it('resolves "next Tuesday" to an ISO date relative to now', async () => {
    expect(pick(await find(en, 'can it arrive next Tuesday?'), 'date')).toEqual([{ type: 'date', value: '2024-05-21', text: 'next Tuesday', start: 14, end: 26 }]);
  });

  it('resolves date-times, times and ranges to ISO 8601', async () => {
    expect(pick(await find(en, 'deliver tomorrow at 3pm'), 'datetime')[0]?.value).toBe('2024-05-16T15:00:00');
    expect(pick(await find(en, 'between 3 and 5 pm tomorrow'), 'datetimerange')[0]?.value).toBe('2024-05-16T15:00:00/2024-05-16T17:00:00');
    // "May 20th" could be last year's or this year's: the reading not in the past wins.
    expect(pick(await find(en, 'on May 20th'), 'date')[0]?.value).toBe('2024-05-20');
  });

  it('still finds dates written without digits (the recogniser is skipped only for texts with no date word)', async () => {
    const texts = [
      'can it come tomorrow morning', 'I need it by Christmas', 'in two weeks please', 'any time this weekend', 'deliver on friday',
      'what about the day after tomorrow', 'sometime next month', 'it arrived a couple of days ago', 'tonight or at noon', 'end of the year',
    ];
    const isDate = (e: Entity) => /date|time|duration/.test(e.type);
    for (const text of texts) {
      const unfiltered = findDateTimes({ text, language: 'en', now: now() });
      expect(unfiltered.length, text).toBeGreaterThan(0);
      expect((await find(en, text)).filter(isDate), text).toEqual(unfiltered);
    }
    expect((await find(en, 'what is your return policy')).filter((e) => /date|time|duration/.test(e.type))).toEqual([]);
  });

  it('normalises money to minor units and an ISO currency', async () => {
    const [money] = pick(await find(en, 'I paid £54 for it'), 'money');
    expect(money).toEqual({ type: 'money', value: '54.00 GBP', text: '£54', start: 7, end: 10 });
    expect(parseMoneyValue(money?.value ?? '')).toEqual({ amountMinor: 5400, currency: 'GBP' });
    expect(pick(await find(en, 'it was 20 euros'), 'money')[0]?.value).toBe('20.00 EUR');
    expect(pick(await find(en, '50 cents'), 'money')[0]?.value).toBe('0.50 USD');
  });

  it('finds numbers, ordinals, phone numbers and e-mails', async () => {
    const entities = await find(en, 'the second one, 3 pairs, call 07700 900123 or Jane@Example.com');
    expect(pick(entities, 'ordinal').map((e) => e.value)).toEqual(['2']);
    expect(pick(entities, 'phone').map((e) => e.value)).toEqual(['07700900123']);
    expect(pick(entities, 'email').map((e) => e.value)).toEqual(['jane@example.com']);
    expect(pick(entities, 'number').map((e) => e.value)).toContain('3');
  });

  it('does not read a six-digit order number as a date, nor "next" as an ordinal', async () => {
    const entities = await find(en, 'order 100234 next week');
    expect(pick(entities, 'date')).toEqual([]);
    expect(pick(entities, 'ordinal')).toEqual([]);
  });

  it('runs only the kinds asked for', async () => {
    const moneyOnly = createRecognizerExtractor({ language: 'en', kinds: ['money'], currencyUnits: { Dollar: 'CAD' } });
    expect((await find(moneyOnly, 'about $10 tomorrow')).map((e) => [e.type, e.value])).toEqual([['money', '10.00 CAD']]);
  });
});

describe('createRecognizerExtractor (Chinese)', () => {
  it('resolves 明天 to a date and 三件 to the number 3', async () => {
    const entities = await find(zh, '我要三件，明天送到');
    expect(pick(entities, 'date')).toEqual([{ type: 'date', value: '2024-05-16', text: '明天', start: 5, end: 7 }]);
    expect(pick(entities, 'number')).toEqual([{ type: 'number', value: '3', text: '三', start: 2, end: 3 }]);
  });

  it('finds yuan amounts and ordinals', async () => {
    const entities = await find(zh, '第二个一共五十元');
    expect(pick(entities, 'money')[0]?.value).toBe('50.00 CNY');
    expect(pick(entities, 'ordinal')[0]?.value).toBe('2');
  });
});

describe('money and date values', () => {
  it('formats by the currency minor unit', () => {
    expect(formatMoneyValue({ amountMinor: 5400, currency: 'GBP' })).toBe('54.00 GBP');
    expect(formatMoneyValue({ amountMinor: 1200, currency: 'JPY' })).toBe('1200 JPY');
    expect(parseMoneyValue('0.29 EUR')).toEqual({ amountMinor: 29, currency: 'EUR' });
    expect(() => parseMoneyValue('£54')).toThrow('not a money value');
  });

  it('skips recurring sets and references to the present, and writes open intervals with ..', () => {
    expect(resolveDateTime({ candidates: [{ type: 'set', timex: 'XXXX-WXX-1', value: 'not resolved' }], now: now() })).toBeUndefined();
    expect(resolveDateTime({ candidates: [{ type: 'datetime', timex: 'PRESENT_REF', value: '2024-05-15 10:00:00' }], now: now() })).toBeUndefined();
    expect(resolveDateTime({ candidates: [{ type: 'daterange', end: '2024-05-27' }], now: now() })).toEqual({ type: 'daterange', value: '../2024-05-27' });
    expect(resolveDateTime({ candidates: [{ type: 'duration', timex: 'P3D', value: '259200' }], now: now() })).toEqual({ type: 'duration', value: 'P3D' });
  });
});
