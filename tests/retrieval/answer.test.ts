import { describe, expect, it } from 'vitest';
import { composeAnswer, trimPassage, type SearchHit } from '../../retrieval/index.js';

function hit(partial: Partial<SearchHit> & Pick<SearchHit, 'chunkId' | 'docId' | 'confidence'>): SearchHit {
  return {
    titlePath: ['Doc'], text: 'Text.', source: { title: partial.docId }, type: 'article', language: 'en',
    score: partial.confidence, similarity: partial.confidence, coverage: partial.confidence, bm25: null, vector: null, ...partial,
  };
}

describe('trimPassage', () => {
  const text = 'We ship from Leeds and Manchester. All prices include VAT. We ship to Norway with DHL Express. Norway costs £14.95. Other countries are not served yet. Tracking comes by e-mail.';

  it('keeps the sentences that share the most terms with the question', () => {
    const trimmed = trimPassage(text, 'do you ship to norway?', { termWeight: () => 1, maxChars: 120 });
    expect(trimmed).toContain('We ship to Norway with DHL Express.');
    expect(trimmed).not.toContain('VAT');
    expect(trimmed.length).toBeLessThanOrEqual(120);
  });

  it('returns short passages whole', () => {
    expect(trimPassage('One. Two.', 'three', { termWeight: () => 1, maxChars: 500 })).toBe('One. Two.');
  });
});

describe('composeAnswer', () => {
  const options = { threshold: 0.5, termWeight: () => 1 };

  it('returns null below the threshold (the "I don\'t know" path)', () => {
    expect(composeAnswer('q', [hit({ chunkId: 'a', docId: 'A', confidence: 0.49 })], options)).toBeNull();
    expect(composeAnswer('q', [], options)).toBeNull();
  });

  it('answers with the top hit, its source and up to two related documents', () => {
    const answer = composeAnswer('q', [
      hit({ chunkId: 'a1', docId: 'A', confidence: 0.9, text: 'Answer text.', source: { title: 'A', url: '/a' } }),
      hit({ chunkId: 'a2', docId: 'A', confidence: 0.8 }),
      hit({ chunkId: 'f1', docId: 'F', confidence: 0.7, type: 'faq', titlePath: ['FAQ', 'How do refunds work?'], source: { title: 'FAQ', url: '/faq' } }),
      hit({ chunkId: 'b1', docId: 'B', confidence: 0.6 }),
      hit({ chunkId: 'c1', docId: 'C', confidence: 0.6 }),
    ], options);
    expect(answer).toEqual({
      text: 'Answer text.', sources: [{ title: 'A', url: '/a' }], chunkIds: ['a1'], score: 0.9,
      related: [{ title: 'How do refunds work?', url: '/faq' }, { title: 'B' }],
    });
  });

  it('answers FAQ entries with the whole answer and skips weak related hits', () => {
    const long = 'Sentence one. '.repeat(60).trim();
    const answer = composeAnswer('q', [
      hit({ chunkId: 'f', docId: 'F', confidence: 0.8, type: 'faq', text: long }),
      hit({ chunkId: 'x', docId: 'X', confidence: 0.2 }),
    ], options);
    expect(answer?.text).toBe(long);
    expect(answer?.related).toEqual([]);
  });
});
