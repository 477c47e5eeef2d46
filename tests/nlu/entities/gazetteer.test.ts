import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import type { Entity } from '../../../core/nlu.js';
import { createCatalogueGazetteer, createLookupGazetteer, foldToken, withinOneEdit } from '../../../nlu/entities/index.js';

const CATALOGUE = [
  { id: 1, sku: 'KWJ-001', name: 'Kinder Waterproof Jacket', synonyms: ['kinder jacket'] },
  { id: 2, sku: 'TRS-042', name: 'Trail Runner Shoes' },
  { id: 3, sku: 'RB-7', name: 'Red Bed' },
];

const brief = (entities: readonly Entity[] | undefined) => (entities ?? []).map((e) => ({ text: e.text, value: e.value, extractor: e.extractor }));

describe('createCatalogueGazetteer', () => {
  const gazetteer = createCatalogueGazetteer({ items: CATALOGUE });

  it('finds a product name with a typo and resolves it to the SKU', async () => {
    const [entities] = await gazetteer.extract(['do you have the kinder waterprof jacket in blue?']);
    expect(entities).toEqual([
      { type: 'product', value: 'KWJ-001', text: 'kinder waterprof jacket', start: 16, end: 39, extractor: 'catalogue-fuzzy' },
    ]);
  });

  it('finds exact names, synonyms and SKUs, case- and accent-blind, longest first', async () => {
    const results = await gazetteer.extract(['Is the KINDER Waterproof Jacket back?', 'the kinder jacket', 'is kwj-001 in stock', 'trail runner shoes and Trail Rünner Shoes']);
    expect(results.map(brief)).toEqual([
      [{ text: 'KINDER Waterproof Jacket', value: 'KWJ-001', extractor: 'catalogue' }],
      [{ text: 'kinder jacket', value: 'KWJ-001', extractor: 'catalogue' }],
      [{ text: 'kwj-001', value: 'KWJ-001', extractor: 'catalogue' }],
      [
        { text: 'trail runner shoes', value: 'TRS-042', extractor: 'catalogue' },
        { text: 'Trail Rünner Shoes', value: 'TRS-042', extractor: 'catalogue' },
      ],
    ]);
  });

  it('types a product named by its code as a sku', async () => {
    const [entities] = await gazetteer.extract(['is kwj-001 the kinder jacket']);
    expect(entities?.map((e) => [e.type, e.text, e.value])).toEqual([
      ['sku', 'kwj-001', 'KWJ-001'],
      ['product', 'kinder jacket', 'KWJ-001'],
    ]);
  });

  it('tolerates no typo in short words or in SKUs', async () => {
    const [entities] = await gazetteer.extract(['a red bad, kwj-002, and trial runner shoes']);
    // "bad" is 3 letters: no fuzzy match; "kwj-002" is another code; "trial" is a swap in a 5-letter word.
    expect(brief(entities)).toEqual([{ text: 'trial runner shoes', value: 'TRS-042', extractor: 'catalogue-fuzzy' }]);
  });

  it('can be exact-only, and validates items', async () => {
    const exact = createCatalogueGazetteer({ items: CATALOGUE, fuzzy: false });
    expect(await exact.extract(['kinder waterprof jacket'])).toEqual([[]]);
    expect(() => createCatalogueGazetteer({ items: [{ id: 1, sku: '', name: 'x' }] })).toThrow(InvalidInputError);
  });
});

describe('createLookupGazetteer', () => {
  it('finds lookup values and synonyms and gives the canonical value', async () => {
    const gazetteer = createLookupGazetteer({
      language: 'en',
      lookups: [{ type: 'warehouse', entries: [{ value: 'LDS', synonyms: ['Leeds', 'Leeds warehouse'] }, { value: 'MAN', synonyms: ['Manchester'] }] }],
    });
    const [entities] = await gazetteer.extract(['move it from the leeds warehouse to Manchestr']);
    expect(entities?.map((e) => [e.type, e.text, e.value, e.extractor])).toEqual([
      ['warehouse', 'leeds warehouse', 'LDS', 'lookup'],
      ['warehouse', 'Manchestr', 'MAN', 'lookup-fuzzy'],
    ]);
  });

  it('matches Chinese character sequences', async () => {
    const gazetteer = createLookupGazetteer({ language: 'zh', lookups: [{ type: 'warehouse', entries: [{ value: 'BJ', synonyms: ['北京', '北京仓'] }] }] });
    const [entities] = await gazetteer.extract(['北京仓还有货吗']);
    expect(entities?.map((e) => [e.text, e.value, e.start, e.end])).toEqual([['北京仓', 'BJ', 0, 3]]);
  });
});

describe('withinOneEdit and foldToken', () => {
  it.each([
    ['jacket', 'jacket', true],
    ['jacket', 'jackt', true],
    ['jacket', 'jackets', true],
    ['jacket', 'jakcet', true],
    ['jacket', 'jcaket', true],
    ['jacket', 'packer', false],
    ['jacket', 'jack', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });

  it('folds case, accents and full-width letters', () => {
    expect(foldToken('Café')).toBe('cafe');
    expect(foldToken('ＳＫＵ１')).toBe('sku1');
  });
});
