import { describe, expect, it } from 'vitest';
import { BenchContractError } from '../../../bench/nlu/errors.js';
import { accuracy, extractSpans, intentScores, percentile, spanF1 } from '../../../bench/nlu/metrics.js';

describe('accuracy', () => {
  it('is the share of exact matches', () => {
    expect(accuracy(['a', 'b', 'c', 'd'], ['a', 'b', 'x', 'd'])).toBe(0.75);
  });

  it('is 0 for no items and rejects a length mismatch', () => {
    expect(accuracy([], [])).toBe(0);
    expect(() => accuracy(['a'], ['a', 'b'])).toThrow(BenchContractError);
  });
});

describe('intentScores', () => {
  it('separates in-scope accuracy from out-of-scope recall', () => {
    const gold = ['a', 'b', 'c', 'd', null, null];
    const predicted = ['a', 'b', null, 'x', null, 'a'];
    expect(intentScores(predicted, gold)).toEqual({ accuracy: 3 / 6, inScopeAccuracy: 2 / 4, oosRecall: 1 / 2 });
  });

  it('has no OOS recall without out-of-scope items', () => {
    expect(intentScores(['a'], ['a']).oosRecall).toBeUndefined();
  });
});

describe('extractSpans', () => {
  it('reads BIO spans, including a last span at the end', () => {
    expect(extractSpans(['O', 'B-city', 'I-city', 'O', 'B-date'])).toEqual([
      { type: 'city', start: 1, end: 2 },
      { type: 'date', start: 4, end: 4 },
    ]);
  });

  it('starts a span at an I- without a B-, as conlleval does', () => {
    expect(extractSpans(['O', 'I-city', 'I-city'])).toEqual([{ type: 'city', start: 1, end: 2 }]);
    expect(extractSpans(['I-city'])).toEqual([{ type: 'city', start: 0, end: 0 }]);
  });

  it('keeps adjacent spans apart: B after B, B after I, and a type change', () => {
    expect(extractSpans(['B-x', 'B-x', 'I-x', 'B-x'])).toEqual([
      { type: 'x', start: 0, end: 0 },
      { type: 'x', start: 1, end: 2 },
      { type: 'x', start: 3, end: 3 },
    ]);
    expect(extractSpans(['B-from', 'I-to', 'I-to'])).toEqual([
      { type: 'from', start: 0, end: 0 },
      { type: 'to', start: 1, end: 2 },
    ]);
  });

  it('reads BIOES: S- singletons and E- ends', () => {
    expect(extractSpans(['B-song', 'I-song', 'E-song', 'S-singer', 'O', 'E-x'])).toEqual([
      { type: 'song', start: 0, end: 2 },
      { type: 'singer', start: 3, end: 3 },
      { type: 'x', start: 5, end: 5 },
    ]);
  });

  it('finds nothing in all-O or empty input', () => {
    expect(extractSpans(['O', 'O'])).toEqual([]);
    expect(extractSpans([])).toEqual([]);
  });
});

describe('spanF1', () => {
  it('counts only exact spans of the right type (micro over sentences)', () => {
    const gold = [
      ['B-city', 'I-city', 'O', 'B-date'],
      ['O', 'B-name'],
    ];
    const predicted = [
      ['B-city', 'O', 'O', 'B-date'], // city cut short: wrong; date right
      ['O', 'B-song'], // wrong type
    ];
    const scores = spanF1(predicted, gold);
    expect(scores).toMatchObject({ truePositives: 1, predictedSpans: 3, goldSpans: 3 });
    expect(scores.precision).toBeCloseTo(1 / 3);
    expect(scores.recall).toBeCloseTo(1 / 3);
    expect(scores.f1).toBeCloseTo(1 / 3);
  });

  it('is 1 for a perfect tagging and 0 when nothing is found', () => {
    const gold = [['B-a', 'I-a', 'O']];
    expect(spanF1(gold, gold).f1).toBe(1);
    expect(spanF1([['O', 'O', 'O']], gold)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('matches an I--started prediction to a B--started gold span of the same extent', () => {
    expect(spanF1([['I-a', 'I-a']], [['B-a', 'I-a']]).f1).toBe(1);
  });

  it('rejects a tag count that differs from the token count', () => {
    expect(() => spanF1([['O']], [['O', 'O']])).toThrow(BenchContractError);
  });
});

describe('percentile', () => {
  it('interpolates between ranks', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 95)).toBeCloseTo(4.8);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
