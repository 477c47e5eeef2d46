import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../core/nlu.js';
import { createShopRecognizerExtractor, RECOGNIZER_TYPE_MAP } from '../../../nlu/entities/index.js';

// Wednesday 15 May 2024, 10:00 on the local clock.
const now = () => new Date(2024, 4, 15, 10);
const en = createShopRecognizerExtractor({ language: 'en', now });
const zh = createShopRecognizerExtractor({ language: 'zh', now });
const SHOP_TYPES = new Set(['date', 'quantity', 'money', 'phone', 'email']);

async function found(extractor: typeof en, text: string): Promise<[string, string, string][]> {
  const [entities] = await extractor.extract([text]);
  return (entities ?? []).map((e: Entity) => [e.type, e.text, e.value]);
}

describe('RECOGNIZER_TYPE_MAP', () => {
  it('maps every recogniser type onto a shop type or drops it', () => {
    expect(Object.values(RECOGNIZER_TYPE_MAP).every((type) => type === null || SHOP_TYPES.has(type))).toBe(true);
    expect(RECOGNIZER_TYPE_MAP.daterange).toBe('date');
    expect(RECOGNIZER_TYPE_MAP.dimension).toBeNull();
  });
});

describe('createShopRecognizerExtractor', () => {
  it('gives only the shop types, with normalised values', async () => {
    const [entities] = await en.extract(['by Friday I paid £54 for 3 pairs, call 07700 900123 or Jane@Example.com, good morning, it took four days']);
    expect(new Set(entities?.map((e) => e.type))).toEqual(SHOP_TYPES);
    expect(entities?.map((e) => [e.type, e.value])).toEqual([
      ['date', '../2024-05-17'],
      ['money', '54.00 GBP'],
      ['quantity', '3'],
      ['phone', '07700900123'],
      ['email', 'jane@example.com'],
    ]);
  });

  it('drops times of day, durations, references to now and the digits of a SKU', async () => {
    expect(await found(en, 'good morning, it took four days, order now')).toEqual([]);
    // The dimension recogniser read "1042 in" as 1042 inches.
    expect(await found(en, 'is APP-1042 in stock in leeds')).toEqual([]);
    expect(await found(zh, '早上好，现在APP-1042有货吗')).toEqual([]);
  });

  it.each([
    ['move 30 units of HOM-1150 to Leeds', [['quantity', '30 units', '30']]],
    ['incoming 1,200 units of socks', [['quantity', '1,200 units', '1200']]],
    ['transfer 50 walking boots to MKN', [['quantity', '50', '50']]],
    ['do you have 2 of the cushion covers', [['quantity', '2', '2']]],
    ['top 10 products this month', [['quantity', '10', '10'], ['date', 'this month', '2024-05-01/2024-06-01']]],
  ])('reads counts of goods as quantities in %j', async (text, expected) => {
    expect(await found(en, text)).toEqual(expected);
  });

  it.each([
    'deliver to 12 high street',
    'have you got size 9 or UK 8',
    'stuck for 3 days',
    'i need to send back two items',
    'cancel the 2-person tent',
    'is order 100234 late',
    'can i pay in 3',
  ])('finds no quantity in %j (sizes, durations, addresses, number words, ids)', async (text) => {
    expect((await found(en, text)).filter(([type]) => type === 'quantity')).toEqual([]);
  });

  it('reads Chinese counts with a measure word or a counting cue, in digits', async () => {
    expect(await found(zh, '调30件HOM-1150到曼彻斯特')).toEqual([['quantity', '30件', '30']]);
    expect(await found(zh, '本月营收前10的商品')).toEqual([['date', '本月', '2024-05-01/2024-06-01'], ['quantity', '10', '10']]);
    expect(await found(zh, '赵敏最近3个订单')).toEqual([['quantity', '3个', '3']]);
    for (const text of ['我要退两件', '有11码吗', '身高175穿什么码']) expect(await found(zh, text)).toEqual([]);
  });

  it('keeps money and phone numbers as the recognisers give them', async () => {
    expect(await found(zh, '30英镑以内，电话07700 900123')).toEqual([
      ['money', '30英镑', '30.00 GBP'],
      ['phone', '07700 900123', '07700900123'],
    ]);
  });
});
