import { describe, expect, it } from 'vitest';
import { detectLanguage, splitSentences, tokenize } from '../../retrieval/index.js';

describe('tokenize', () => {
  it('lower-cases, drops stop words and punctuation, and stems English', () => {
    expect(tokenize('Can I return my WORN jackets?')).toEqual(['return', 'worn', 'jacket']);
  });

  it('folds accents and apostrophes', () => {
    expect(tokenize("Café isn't")).toEqual(['cafe', 'isnt']);
  });

  it('keeps numbers whole', () => {
    expect(tokenize('order 104321 costs £14.95')).toEqual(['order', '104321', 'cost', '14', '95']);
  });

  it('segments Chinese into words and adds character bigrams', () => {
    const terms = tokenize('发票怎么开？');
    expect(terms).toContain('发票');
    expect(terms).not.toContain('怎么');
    expect(terms).toContain('发票~');
    expect(terms).toContain('么开~');
  });

  it('handles mixed Chinese and Latin text run by run', () => {
    const terms = tokenize('XL码的冲锋衣');
    expect(terms[0]).toBe('xl');
    expect(terms).toContain('冲锋衣');
  });
});

describe('detectLanguage', () => {
  it('tells Chinese from English', () => {
    expect(detectLanguage('退货运费谁出？')).toBe('zh');
    expect(detectLanguage('Do you ship to Norway?')).toBe('en');
    expect(detectLanguage('Northwind 的退货政策')).toBe('zh');
  });
});

describe('splitSentences', () => {
  it('splits English and Chinese sentences and keeps abbreviations together', () => {
    expect(splitSentences('Returns are free, e.g. with Royal Mail. Refunds take 3 days! Done')).toEqual([
      'Returns are free, e.g. with Royal Mail.', 'Refunds take 3 days!', 'Done',
    ]);
    expect(splitSentences('商品送达后三十天内可以退货。退款需要三天。')).toEqual(['商品送达后三十天内可以退货。', '退款需要三天。']);
  });
});
