import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import type { Entity } from '../../../core/nlu.js';
import { loadDemoTrainingSet } from '../../../nlu/demo.js';
import {
  loadShopEntityExtractor,
  RULE_ENTITY_TYPES,
  TrainingAbortedError,
  trainShopEntityExtractor,
  type ShopEntityModel,
} from '../../../nlu/entities/index.js';
import type { TrainingLanguage, TrainingSet } from '../../../nlu/training-format/index.js';

// Wednesday 15 May 2024, 10:00 local time: "next friday" is 24 May.
const NOW = () => new Date(2024, 4, 15, 10);
const CATALOGUE = [{ id: 1, sku: 'KWJ-001', name: 'Kinder Waterproof Jacket' }];

const summary = (entities: readonly Entity[] | undefined) => entities?.map((e) => [e.type, e.text, e.value, e.extractor]);

/** Whether any example or lookup of the set mentions `word` (case-blind). */
const mentions = (set: TrainingSet, word: string) =>
  [...set.examples.map((e) => e.text), ...set.lookups.flatMap((t) => t.entries.flatMap((e) => [e.value, ...e.synonyms]))].some((text) =>
    text.toLowerCase().includes(word.toLowerCase()),
  );

describe('trainShopEntityExtractor on the demo data', () => {
  const sets = {} as Record<TrainingLanguage, TrainingSet>;
  const extractors = {} as Record<TrainingLanguage, ShopEntityModel>;
  const extract = async (language: TrainingLanguage, text: string) => summary((await extractors[language].extract([text]))[0]);

  beforeAll(async () => {
    for (const language of ['en', 'zh'] as const) {
      sets[language] = await loadDemoTrainingSet(language);
      extractors[language] = await trainShopEntityExtractor({ language, set: sets[language], catalogue: CATALOGUE, now: NOW });
    }
  });

  it('finds order ids and e-mails with the patterns, in the form the bot reads', async () => {
    expect(await extract('en', 'cancel 100234 pls')).toEqual([['order_id', '100234', '100234', 'order-id']]);
    expect(await extract('zh', '取消订单100234')).toEqual([['order_id', '100234', '100234', 'order-id']]);
    expect(await extract('en', 'my email is Jane@Example.com')).toEqual([['email', 'Jane@Example.com', 'jane@example.com', 'email']]);
    expect(await extract('zh', '我的邮箱是Jane@Example.com')).toEqual([['email', 'Jane@Example.com', 'jane@example.com', 'email']]);
  });

  it('resolves dates to ISO 8601 relative to the injected clock', async () => {
    expect(await extract('en', 'deliver it next friday')).toEqual([['date', 'next friday', '2024-05-24', 'recognizers']]);
    expect(await extract('zh', '下周五送到')).toEqual([['date', '下周五', '2024-05-24', 'recognizers']]);
  });

  it('tags slots learnt only from the annotations, in held-back phrasings', async () => {
    // Neither the product nor the sentence is in the training files, the lookups or the catalogue.
    expect(mentions(sets.en, 'alpine')).toBe(false);
    expect(mentions(sets.zh, '雨衣')).toBe(false);
    expect(await extract('en', 'is the Alpine Fleece Gilet in stock at Leeds')).toEqual([
      ['product', 'Alpine Fleece Gilet', 'Alpine Fleece Gilet', 'tagger'],
      ['warehouse', 'Leeds', 'LDS', 'lookup'],
    ]);
    expect(await extract('zh', '我买的雨衣发了吗')).toEqual([['product', '雨衣', '雨衣', 'tagger']]);
  });

  it('finds SKUs missing from the catalogue by their pattern, and never their digits as numbers', async () => {
    expect(await extract('en', 'is app-1077 in stock in leeds')).toEqual([
      ['sku', 'app-1077', 'APP-1077', 'sku'],
      ['warehouse', 'leeds', 'LDS', 'lookup'],
    ]);
    expect(await extract('zh', '调30件HOM-1150到曼彻斯特')).toEqual([
      ['quantity', '30件', '30', 'recognizers'],
      ['sku', 'HOM-1150', 'HOM-1150', 'sku'],
      ['warehouse', '曼彻斯特', 'MAN', 'lookup'],
    ]);
  });

  it('resolves catalogue products to their SKU, typos included', async () => {
    expect(await extract('en', 'is my kinder waterprof jacket on its way')).toEqual([['product', 'kinder waterprof jacket', 'KWJ-001', 'catalogue-fuzzy']]);
  });

  it('leaves the types that rules find and normalise out of the tagger', () => {
    const labels = extractors.en.persist().tagger.labels;
    expect(labels).toContain('B-product');
    expect(labels.filter((label) => RULE_ENTITY_TYPES.includes(label.slice(2)))).toEqual([]);
  });

  it('gives identical entities after persist → JSON → load', async () => {
    const texts = [
      'return the kinder waterprof jacket from order #100234 by next Tuesday, it cost £54',
      'is the Alpine Fleece Gilet in stock at Leeds',
      'my name is Tom Hardy and my email is tom@example.com',
      'do you have 3 pairs of walking socks',
    ];
    for (const language of ['en', 'zh'] as const) {
      const batch = language === 'en' ? texts : ['我买的雨衣发了吗', '利兹仓还有多少睡袋', '订单100234，邮箱jane@example.com，下周五送到'];
      const loaded = loadShopEntityExtractor(JSON.parse(JSON.stringify(extractors[language].persist())), { now: NOW });
      expect(loaded.language).toBe(language);
      expect(await loaded.extract(batch)).toEqual(await extractors[language].extract(batch));
    }
  });

  it('rejects a set in another language than asked for', async () => {
    await expect(trainShopEntityExtractor({ language: 'zh', set: sets.en })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('stops training when the signal fires', async () => {
    await expect(trainShopEntityExtractor({ set: sets.en, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(TrainingAbortedError);
  });

  it('rejects a malformed persisted state, naming the problem', () => {
    const persisted = extractors.en.persist();
    expect(() => loadShopEntityExtractor({ ...persisted, kind: 'crf-tagger' })).toThrow(InvalidInputError);
    expect(() => loadShopEntityExtractor({ ...persisted, language: 'zh' })).toThrow(/tagger\.language/);
    expect(() => loadShopEntityExtractor({ ...persisted, catalogue: [{ id: 1, sku: '', name: 'x' }] })).toThrow(InvalidInputError);
  });
});
