import { describe, expect, it } from 'vitest';
import type { Entity, EntityExtractor } from '../../../core/nlu.js';
import {
  ComponentContractError,
  combineExtractors,
  createCatalogueGazetteer,
  createLookupGazetteer,
  createRecognizerExtractor,
  createTaggerExtractor,
  EmailExtractor,
  entitySource,
  NumberExtractor,
  OrderIdExtractor,
  type EntitySource,
  type SequenceTagger,
} from '../../../nlu/index.js';

const extractOne = async (extractor: EntityExtractor, text: string) => (await extractor.extract([text]))[0] ?? [];
const fixed = (name: string, entities: Omit<Entity, 'extractor'>[]): EntityExtractor => ({
  name,
  extract: async (texts) => texts.map(() => entities.map((e) => ({ ...e, extractor: name }))),
});

describe('entitySource', () => {
  const sourceOf = (extractor: string) => entitySource({ type: 't', value: 'v', text: 'x', start: 0, end: 1, extractor });

  it('ranks the entities of every built-in extractor by the name they carry', async () => {
    const tagger: SequenceTagger = { name: 't', language: 'en', train: async () => undefined, tag: (s) => s.map((t) => t.map(() => 'B-x')), persist: () => ({}) };
    const found = async (extractor: EntityExtractor, text: string) => (await extractOne(extractor, text)).map((e) => entitySource(e));
    const lookups = [{ type: 'warehouse', entries: [{ value: 'LDS', synonyms: ['Leeds'] }] }];
    const expected: [EntityExtractor, string, EntitySource][] = [
      [new OrderIdExtractor(), '100234', 'pattern'],
      [new EmailExtractor(), 'a@b.io', 'pattern'],
      [new NumberExtractor(), '3', 'recognizer'],
      [createRecognizerExtractor({ language: 'en', kinds: ['number'] }), '3', 'recognizer'],
      [createCatalogueGazetteer({ items: [{ id: 1, sku: 'KWJ-001', name: 'Kinder Jacket' }] }), 'kinder jacket', 'gazetteer'],
      [createCatalogueGazetteer({ items: [{ id: 1, sku: 'KWJ-001', name: 'Kinder Jacket' }] }), 'kindr jacket', 'fuzzy-gazetteer'],
      [createLookupGazetteer({ lookups, language: 'en' }), 'Leeds', 'gazetteer'],
      [createTaggerExtractor({ tagger }), 'x', 'tagger'],
    ];
    for (const [extractor, text, source] of expected) expect(await found(extractor, text)).toEqual([source]);
  });

  it('takes an extractor it does not know for a hand-written pattern', () => {
    expect(sourceOf('sku-pattern')).toBe('pattern');
  });
});

describe('combineExtractors', () => {
  it('lets the order id win over the plain number, whatever the order of the extractors', async () => {
    for (const extractors of [[new OrderIdExtractor(), new NumberExtractor()], [new NumberExtractor(), new OrderIdExtractor()]]) {
      const extractor = combineExtractors(extractors);
      const [withHash, bare] = await extractor.extract(['cancel #100234, 2 items', 'cancel 100234 pls']);
      expect(withHash?.map((e) => [e.type, e.text])).toEqual([['order_id', '#100234'], ['number', '2']]);
      expect(bare?.map((e) => [e.type, e.value])).toEqual([['order_id', '100234']]);
    }
  });

  it('prefers the more trusted source over a longer span, then the longer span, then the extractor listed first', async () => {
    const tagger = fixed('tagger', [{ type: 'product', value: 'p', text: '', start: 0, end: 20 }]);
    const lookupA = fixed('lookup', [{ type: 'a', value: 'a', text: '', start: 22, end: 26 }]);
    const lookupB = fixed('lookup', [{ type: 'b', value: 'b', text: '', start: 22, end: 26 }]);
    const longer = fixed('lookup', [{ type: 'c', value: 'c', text: '', start: 21, end: 26 }]);
    const found = await extractOne(combineExtractors([tagger, lookupA, lookupB, new OrderIdExtractor()]), 'order #100234 please x dddd');
    expect(found.map((e) => e.type)).toEqual(['order_id', 'a']);
    expect((await extractOne(combineExtractors([lookupA, longer]), '')).map((e) => e.type)).toEqual(['c']);
  });

  it('finds an order id and an e-mail side by side', async () => {
    const found = await extractOne(combineExtractors([new OrderIdExtractor(), new EmailExtractor()]), 'order 100234 and email Jane@Example.com');
    expect(found.map((e) => [e.type, e.value])).toEqual([['order_id', '100234'], ['email', 'jane@example.com']]);
  });

  it('reports an extractor that returns the wrong number of results', async () => {
    const broken: EntityExtractor = { name: 'broken', extract: async () => [] };
    await expect(combineExtractors([broken]).extract(['hi'])).rejects.toBeInstanceOf(ComponentContractError);
  });
});
