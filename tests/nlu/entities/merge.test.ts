import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../../core/nlu.js';
import { CrfTagger, createShopEntityExtractor, mergeEntities, toTaggedExamples, type EntitySource } from '../../../nlu/entities/index.js';
import { loadTrainingFile, type TrainingSet } from '../../../nlu/training-format/index.js';

const entity = (type: string, start: number, end: number, extractor = type): Entity => ({ type, value: `${type}@${start}`, text: '', start, end, extractor });
const merged = (...candidates: [EntitySource, Entity][]) => mergeEntities(candidates.map(([source, e]) => ({ source, entity: e }))).map((e) => `${e.type}:${e.start}-${e.end}`);

describe('mergeEntities', () => {
  it('prefers the more trusted source, even over a longer span', () => {
    expect(merged(['tagger', entity('product', 0, 20)], ['pattern', entity('order_id', 6, 13)])).toEqual(['order_id:6-13']);
    expect(merged(['tagger', entity('product', 14, 20)], ['fuzzy-gazetteer', entity('product', 0, 20)])).toEqual(['product:0-20']);
    expect(merged(['fuzzy-gazetteer', entity('warehouse', 30, 34)], ['recognizer', entity('number', 30, 34)])).toEqual(['number:30-34']);
    expect(merged(['recognizer', entity('number', 7, 13)], ['gazetteer', entity('product', 0, 13)])).toEqual(['product:0-13']);
  });

  it('among equals keeps the longest span, then the leftmost, then the first given', () => {
    expect(merged(['recognizer', entity('number', 1, 3)], ['recognizer', entity('money', 0, 3)])).toEqual(['money:0-3']);
    expect(merged(['recognizer', entity('b', 2, 6)], ['recognizer', entity('a', 0, 4)])).toEqual(['a:0-4']);
    expect(merged(['recognizer', entity('first', 0, 4)], ['recognizer', entity('second', 0, 4)])).toEqual(['first:0-4']);
  });

  it('keeps touching spans and orders the result by start', () => {
    expect(merged(['tagger', entity('b', 5, 9)], ['pattern', entity('a', 0, 5)], ['recognizer', entity('c', 9, 9)])).toEqual(['a:0-5', 'b:5-9']);
  });
});

describe('createShopEntityExtractor', () => {
  let set: TrainingSet;
  let tagger: CrfTagger;
  const catalogue = [{ id: 1, sku: 'KWJ-001', name: 'Kinder Waterproof Jacket' }];

  beforeAll(async () => {
    set = await loadTrainingFile(new URL('./fixtures/shop-slots-en.yaml', import.meta.url));
    tagger = new CrfTagger({ language: 'en', lookups: set.lookups, algorithm: 'perceptron' });
    await tagger.train(toTaggedExamples(set.examples, 'en'));
  });

  it('merges patterns, gazetteers, recognisers and the tagger by the overlap rule', async () => {
    const extractor = createShopEntityExtractor({ language: 'en', tagger, lookups: set.lookups, catalogue, recognizers: { now: () => new Date(2024, 4, 15, 10) } });
    const [entities] = await extractor.extract(['return the kinder waterprof jacket from order #100234 by next Tuesday, it cost £54']);
    expect(entities?.map((e) => [e.type, e.text, e.value, e.extractor])).toEqual([
      ['product', 'kinder waterprof jacket', 'KWJ-001', 'catalogue-fuzzy'],
      ['order_id', '#100234', '100234', 'order-id'],
      // "by" makes it a range open at the start (any day up to next Tuesday); the span is the date alone.
      ['date', 'next Tuesday', '../2024-05-21', 'recognizers'],
      ['money', '£54', '54.00 GBP', 'recognizers'],
    ]);
  });

  it('normalises tagged spans through the lookups', async () => {
    const extractor = createShopEntityExtractor({ language: 'en', tagger, recognizers: false });
    const withLookups = createShopEntityExtractor({ language: 'en', tagger, lookups: set.lookups, recognizers: false });
    const text = 'how many Storm Shell Trousers do we have in Manchester';
    const [plain] = await extractor.extract([text]);
    const [normalised] = await withLookups.extract([text]);
    expect(plain?.map((e) => [e.type, e.value, e.extractor])).toEqual([
      ['product', 'Storm Shell Trousers', 'tagger'],
      ['warehouse', 'Manchester', 'tagger'],
    ]);
    // With lookups the exact gazetteer match outranks the tagger and gives the canonical value.
    expect(normalised?.map((e) => [e.type, e.value, e.extractor])).toEqual([
      ['product', 'Storm Shell Trousers', 'tagger'],
      ['warehouse', 'MAN', 'lookup'],
    ]);
  });
});
