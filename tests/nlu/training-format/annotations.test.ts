import { describe, expect, it } from 'vitest';
import { parseAnnotations, toBio, tokenizeChars, tokenizeWords } from '../../../nlu/training-format/index.js';

describe('parseAnnotations', () => {
  it('removes markup and points entities into the clean text', () => {
    const parsed = parseAnnotations('how many [Kinder Waterproof Jacket](product) in [Leeds](warehouse)?');
    expect(parsed.text).toBe('how many Kinder Waterproof Jacket in Leeds?');
    expect(parsed.entities.map((e) => parsed.text.slice(e.start, e.end))).toEqual(['Kinder Waterproof Jacket', 'Leeds']);
    expect(parsed.problems).toEqual([]);
  });

  it('takes a value after a colon, trims spaces inside brackets and around the example', () => {
    const parsed = parseAnnotations('  stock in [ Leeds ](warehouse:LDS)  ');
    expect(parsed).toEqual({ text: 'stock in  Leeds', entities: [{ type: 'warehouse', start: 10, end: 15, value: 'LDS' }], problems: [] });
  });

  it('keeps escaped brackets as text', () => {
    expect(parseAnnotations('size \\[UK\\] 10 for [Alpine Fleece](product)')).toMatchObject({
      text: 'size [UK] 10 for Alpine Fleece',
      entities: [{ type: 'product', start: 17, end: 30 }],
    });
  });

  it.each([
    ['[a [b](x)](y)', 3, 'cannot be nested'],
    ['where is [order', 9, "unclosed '['"],
    ['[text] alone', 0, 'has no entity type'],
    ['[text](type', 6, "unclosed '('"],
    ['[](order_id)', 0, 'empty entity'],
    ['[x]()', 4, 'missing entity type'],
    ['[x](9lives)', 4, 'invalid entity type "9lives"'],
    ['[x](size:)', 8, 'empty value after "size:"'],
  ])('reports a problem in %s at its offset', (raw, offset, reason) => {
    const [problem] = parseAnnotations(raw).problems;
    expect(problem?.offset).toBe(offset);
    expect(problem?.reason).toContain(reason);
  });
});

describe('toBio', () => {
  it('tags word tokens B-/I-/O', () => {
    const { text, entities } = parseAnnotations("has [#100234](order_id) shipped? it's the [Trail Runner Shoes](product)");
    const bio = toBio({ text, entities }, tokenizeWords);
    expect(bio.tokens.map((t) => t.text)).toEqual(['has', '#', '100234', 'shipped', '?', "it's", 'the', 'Trail', 'Runner', 'Shoes']);
    expect(bio.tags).toEqual(['O', 'B-order_id', 'I-order_id', 'O', 'O', 'O', 'O', 'B-product', 'I-product', 'I-product']);
  });

  it('tags Chinese character by character', () => {
    const { text, entities } = parseAnnotations('[北京](warehouse)还有[羽绒服](product)吗');
    expect(toBio({ text, entities }, tokenizeChars).tags).toEqual(['B-warehouse', 'I-warehouse', 'O', 'O', 'B-product', 'I-product', 'I-product', 'O']);
  });

  it('tags a whole token when an annotation cuts through it', () => {
    expect(toBio({ text: 'order 100234x', entities: [{ type: 'order_id', start: 6, end: 12, value: '100234' }] }, tokenizeWords).tags).toEqual(['O', 'B-order_id']);
  });
});
