import { describe, expect, it } from 'vitest';
import type { EntityExtractor } from '../../core/nlu.js';
import { EmailExtractor, NumberExtractor, OrderIdExtractor, SkuExtractor } from '../../nlu/index.js';

const extractOne = async (extractor: EntityExtractor, text: string) => (await extractor.extract([text]))[0] ?? [];
const values = async (extractor: EntityExtractor, text: string) => (await extractOne(extractor, text)).map((e) => e.value);

describe('OrderIdExtractor', () => {
  const orders = new OrderIdExtractor();

  it.each([
    ['where is 100234?', ['100234']],
    ['order #100234 please', ['100234']],
    ['order 100234', ['100234']],
    ['Order no. 999999.', ['999999']],
    ['orders 100234 and 104567', ['100234', '104567']],
    ['100234/104567', ['100234', '104567']],
    ['(#238190)', ['238190']],
    // Chinese writes numbers straight after words.
    ['帮我取消订单100234', ['100234']],
    ['订单#100234到哪了', ['100234']],
  ])('finds the order numbers in %j', async (text, expected) => {
    expect(await values(orders, text)).toEqual(expected);
  });

  it('includes a leading # in the span and keeps only digits in the value', async () => {
    const [entity] = await extractOne(orders, 'cancel #100234 pls');
    expect(entity).toEqual({ type: 'order_id', value: '100234', text: '#100234', start: 7, end: 14, extractor: 'order-id' });
  });

  it.each([
    'call me on +44 20 7946 0958',
    'my mobile is 0770 900123',
    'phone: (020) 123456',
    'ring 555-123456',
    'number 1002345 is too long',
    'account 12345678901234',
    'price 100234.50',
    'below range 099999 and 012345',
    'sku AB100234 or 100234x',
    'my ip is 100.234.100.234',
  ])('finds nothing in %j', async (text) => {
    expect(await values(orders, text)).toEqual([]);
  });
});

describe('EmailExtractor', () => {
  const emails = new EmailExtractor();

  it('normalises addresses to lower case and keeps the text as written', async () => {
    const [entity] = await extractOne(emails, 'It is Jane.Doe@Example.COM.');
    expect(entity).toMatchObject({ type: 'email', value: 'jane.doe@example.com', text: 'Jane.Doe@Example.COM', start: 6, end: 26 });
  });

  it('ends an address at Chinese text written straight before or after it', async () => {
    const [entity] = await extractOne(emails, '我的邮箱是Jane@Example.com谢谢');
    expect(entity).toMatchObject({ value: 'jane@example.com', text: 'Jane@Example.com', start: 5, end: 21 });
  });

  it('finds several addresses, including plus tags and sub-domains', async () => {
    expect(await values(emails, 'a+shop@mail.example.co.uk or bob_99@x-y.io')).toEqual(['a+shop@mail.example.co.uk', 'bob_99@x-y.io']);
  });

  it.each(['jane@localhost', 'not an email @ all', 'jane@@example.com', '@example.com'])('finds nothing in %j', async (text) => {
    expect(await values(emails, text)).toEqual([]);
  });
});

describe('SkuExtractor', () => {
  const skus = new SkuExtractor();

  it.each([
    ['is APP-1042 available', ['APP-1042']],
    ['split 200 ELE-1170 between Leeds and Manchester', ['ELE-1170']],
    ['stock for ftw-1101 and Out-1077?', ['FTW-1101', 'OUT-1077']],
    // Chinese writes codes straight after words.
    ['下周到的500件APP-1042怎么分', ['APP-1042']],
  ])('finds the SKUs in %j, upper-cased', async (text, expected) => {
    expect(await values(skus, text)).toEqual(expected);
  });

  it('keeps the code as written in the span', async () => {
    const [entity] = await extractOne(skus, 'stock check ftw-1101');
    expect(entity).toEqual({ type: 'sku', value: 'FTW-1101', text: 'ftw-1101', start: 12, end: 20, extractor: 'sku' });
  });

  it.each(['by mid-2024', 'sales since jan-2025', 'XAPP-1042', 'AP-1042', 'APP-10423', 'APP-1042X', 'order 100234'])('finds nothing in %j', async (text) => {
    expect(await values(skus, text)).toEqual([]);
  });
});

describe('NumberExtractor', () => {
  it('reads digits and number words', async () => {
    const found = await extractOne(new NumberExtractor(), 'I want two shirts and 3 caps, 007 and a dozen socks');
    expect(found.map((e) => [e.text, e.value])).toEqual([['two', '2'], ['3', '3'], ['007', '7'], ['dozen', '12']]);
  });

  it('skips digits inside phone numbers', async () => {
    expect(await values(new NumberExtractor(), 'call +44 20 7946 0958')).toEqual([]);
  });
});
