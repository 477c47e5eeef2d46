import { describe, expect, it } from 'vitest';
import { Bm25Index, tokenize } from '../../retrieval/index.js';

function index(docs: Record<string, string>): Bm25Index {
  const bm25 = new Bm25Index();
  for (const [id, text] of Object.entries(docs)) bm25.add(id, tokenize(text));
  return bm25;
}

describe('Bm25Index', () => {
  const docs = {
    returns: 'Returns are free within 30 days. Return unworn items with tags.',
    shipping: 'We ship to Norway with DHL Express. Shipping to Norway costs more.',
    payment: 'We accept Visa, Mastercard and PayPal.',
  };

  it('ranks the document that matches the query terms first', () => {
    const hits = index(docs).search(tokenize('do you ship to norway'), { k: 3 });
    expect(hits.map((h) => h.id)).toEqual(['shipping']);
    expect(hits[0]?.score).toBeGreaterThan(0);
  });

  it('matches inflections through stemming', () => {
    expect(index(docs).search(tokenize('returning worn items'), { k: 1 })[0]?.id).toBe('returns');
  });

  it('computes Okapi BM25 with Lucene IDF', () => {
    const bm25 = new Bm25Index({ k1: 1.2, b: 0.75 });
    bm25.add('a', ['x', 'y']);
    bm25.add('b', ['y', 'y', 'z', 'z']);
    // N = 2, df(x) = 1, |a| = 2, avgdl = 3.
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const expected = (idf * 1 * 2.2) / (1 + 1.2 * (1 - 0.75 + (0.75 * 2) / 3));
    expect(bm25.search(['x'], { k: 1 })[0]?.score).toBeCloseTo(expected, 10);
    expect(bm25.idf('missing')).toBeGreaterThan(bm25.idf('y'));
  });

  it('prefers shorter documents for the same term frequency', () => {
    const bm25 = new Bm25Index();
    bm25.add('short', ['refund', 'time']);
    bm25.add('long', ['refund', 'time', 'a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(bm25.search(['refund'], { k: 2 }).map((h) => h.id)).toEqual(['short', 'long']);
  });

  it('removes and replaces documents incrementally', () => {
    const bm25 = index(docs);
    bm25.remove('shipping');
    expect(bm25.size).toBe(2);
    expect(bm25.search(tokenize('norway'), { k: 3 })).toEqual([]);
    bm25.add('payment', tokenize('Norway payments by Klarna'));
    expect(bm25.search(tokenize('norway'), { k: 3 }).map((h) => h.id)).toEqual(['payment']);
    expect(bm25.search(tokenize('visa'), { k: 3 })).toEqual([]);
  });

  it('applies a filter and a k limit', () => {
    const bm25 = index(docs);
    expect(bm25.search(tokenize('free norway visa'), { k: 3, filter: (id) => id !== 'shipping' }).map((h) => h.id).sort()).toEqual(['payment', 'returns']);
    expect(bm25.search(tokenize('free norway visa'), { k: 1 })).toHaveLength(1);
  });

  it('reports the IDF-weighted share of query terms a document contains', () => {
    const bm25 = index(docs);
    expect(bm25.coverage(tokenize('ship norway'), 'shipping')).toBe(1);
    expect(bm25.coverage(tokenize('ship norway'), 'payment')).toBe(0);
    const partial = bm25.coverage(tokenize('ship norway pizza'), 'shipping');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(1);
  });

  it('indexes Chinese text', () => {
    const bm25 = index({ invoice: '下单后在订单页面点击申请发票，电子发票会发送到您的邮箱。', returns: '商品送达后三十天内可以退货。' });
    expect(bm25.search(tokenize('发票怎么开'), { k: 2 })[0]?.id).toBe('invoice');
  });
});
