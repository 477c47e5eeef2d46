import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import type { IntentClassifier, NluEngine } from '../../core/nlu.js';
import {
  ComponentContractError,
  EmailExtractor,
  NumberExtractor,
  OrderIdExtractor,
  createNluEngine,
  trainDemoNlu,
  type SupportedLanguage,
} from '../../nlu/index.js';

/** A classifier that always answers the same, so engine tests do not depend on training. */
const fixedClassifier = (results = 1): IntentClassifier => ({
  name: 'fixed',
  train: async () => undefined,
  classify: async (texts) => texts.slice(0, results).map(() => [{ name: 'greet', confidence: 1 }]),
  persist: () => ({}),
});

describe('createNluEngine', () => {
  it('combines intents and merged entities for each text of a batch', async () => {
    const engine = createNluEngine({ classifier: fixedClassifier(2), extractors: [new OrderIdExtractor(), new EmailExtractor()] });
    const [first, second] = await engine.parse(['#100234 a@b.io', 'hello']);
    expect(first).toMatchObject({ text: '#100234 a@b.io', language: 'en', intents: [{ name: 'greet', confidence: 1 }] });
    expect(first?.entities.map((e) => e.type)).toEqual(['order_id', 'email']);
    expect(second?.entities).toEqual([]);
  });

  it('merges extractors by the one overlap rule: a pattern beats a recogniser whatever the order', async () => {
    const engine = createNluEngine({ classifier: fixedClassifier(), extractors: [new NumberExtractor(), new OrderIdExtractor()] });
    const [result] = await engine.parse(['order 100234']);
    expect(result?.entities.map((e) => [e.type, e.extractor])).toEqual([['order_id', 'order-id']]);
  });

  it('returns nothing for an empty batch', async () => {
    expect(await createNluEngine({ classifier: fixedClassifier(), extractors: [] }).parse([])).toEqual([]);
  });

  it('rejects unsupported languages', () => {
    const language = 'xx' as SupportedLanguage;
    expect(() => createNluEngine({ classifier: fixedClassifier(), extractors: [], language })).toThrow(InvalidInputError);
  });

  it('reports a classifier that returns the wrong number of results', async () => {
    const engine = createNluEngine({ classifier: fixedClassifier(1), extractors: [] });
    await expect(engine.parse(['a', 'b'])).rejects.toBeInstanceOf(ComponentContractError);
  });
});

describe('trainDemoNlu', () => {
  let nlu: NluEngine;
  beforeAll(async () => {
    nlu = await trainDemoNlu();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('understands an order cancellation with its order number', async () => {
    const [result] = await nlu.parse(['cancel 100234 pls']);
    expect(result?.intents[0]?.name).toBe('cancel_order');
    expect(result?.entities).toEqual([
      { type: 'order_id', value: '100234', text: '100234', start: 7, end: 13, extractor: 'order-id' },
    ]);
  });

  it('understands identification with an order number and an e-mail', async () => {
    const [result] = await nlu.parse(['here is my order number #245901 and email Jane@Example.com']);
    expect(result?.intents[0]?.name).toBe('identify');
    expect(result?.entities.map((e) => [e.type, e.value])).toEqual([
      ['order_id', '245901'],
      ['email', 'jane@example.com'],
    ]);
  });

  it('resolves dates relative to the clock', async () => {
    // Only Date is faked: training and the recognisers still get real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2024, 4, 15, 10)); // a Wednesday
    const [result] = await nlu.parse(['deliver it next friday']);
    expect(result?.entities.map((e) => [e.type, e.text, e.value])).toEqual([['date', 'next friday', '2024-05-24']]);
  });

  it('tags slots it learnt from the training annotations', async () => {
    const [result] = await nlu.parse(['is the Alpine Fleece Gilet in stock at Leeds']);
    expect(result?.entities.map((e) => [e.type, e.value, e.extractor])).toEqual([
      ['product', 'Alpine Fleece Gilet', 'tagger'],
      ['warehouse', 'LDS', 'lookup'],
    ]);
  });

  it('parses a batch in order', async () => {
    const results = await nlu.parse(["where's my stuff??", 'yes please', 'no thanks']);
    expect(results.map((r) => r.intents[0]?.name)).toEqual(['order_status', 'affirm', 'deny']);
  });

  it('routes Chinese utterances to the Chinese model, keeping batch order', async () => {
    const results = await nlu.parse(['我的订单到哪了', 'where is my order', '帮我取消订单100234']);
    expect(results.map((r) => [r.language, r.intents[0]?.name])).toEqual([
      ['zh', 'order_status'], ['en', 'order_status'], ['zh', 'cancel_order'],
    ]);
    expect(results[2]?.entities.map((e) => [e.type, e.value])).toEqual([['order_id', '100234']]);
  });

  it('finds order numbers and e-mails in Chinese', async () => {
    const [cancel, identify] = await nlu.parse(['取消订单100234', '订单100234，我的邮箱是Jane@Example.com']);
    expect(cancel?.entities.map((e) => [e.type, e.value])).toEqual([['order_id', '100234']]);
    expect(identify?.entities.map((e) => [e.type, e.value])).toEqual([
      ['order_id', '100234'],
      ['email', 'jane@example.com'],
    ]);
  });
});
