import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { evaluateEntities, evaluateIntents, scoresFromCounts, type Span } from '../../../nlu/model/evaluate.js';

describe('scoresFromCounts', () => {
  it('computes precision, recall and F1, and gives 0 for an empty denominator', () => {
    expect(scoresFromCounts({ truePositives: 2, falsePositives: 1, falseNegatives: 3 })).toEqual({
      precision: 2 / 3,
      recall: 2 / 5,
      f1: 0.5,
      support: 5,
      predicted: 3,
    });
    expect(scoresFromCounts({ truePositives: 0, falsePositives: 0, falseNegatives: 0 })).toEqual({ precision: 0, recall: 0, f1: 0, support: 0, predicted: 0 });
  });
});

describe('evaluateIntents', () => {
  // a: tp 2, fn 1 (→ b); b: tp 1, fp 1, fn 1 (→ c); c: tp 1, fp 1.
  const result = evaluateIntents({ gold: ['a', 'a', 'a', 'b', 'b', 'c'], predicted: ['a', 'a', 'b', 'b', 'c', 'c'] });

  it('gives accuracy and macro F1', () => {
    expect(result).toMatchObject({ examples: 6, correct: 4 });
    expect(result.accuracy).toBeCloseTo(4 / 6, 12);
    expect(result.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });

  it('scores each intent exactly, lowest F1 first', () => {
    expect(result.perIntent.map((s) => s.label)).toEqual(['b', 'c', 'a']);
    const [b, c, a] = result.perIntent;
    expect(a).toEqual({ label: 'a', precision: 1, recall: 2 / 3, f1: 0.8, support: 3, predicted: 2 });
    expect(b).toEqual({ label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2 });
    expect(c?.precision).toBe(0.5);
    expect(c?.recall).toBe(1);
    expect(c?.f1).toBeCloseTo(2 / 3, 12);
  });

  it('lists confusions by count, then gold and predicted name', () => {
    const many = evaluateIntents({ gold: ['x', 'y', 'y', 'x', 'z'], predicted: ['z', 'x', 'x', 'y', 'z'] });
    expect(many.confusions).toEqual([
      { gold: 'y', predicted: 'x', count: 2 },
      { gold: 'x', predicted: 'y', count: 1 },
      { gold: 'x', predicted: 'z', count: 1 },
    ]);
    expect(result.confusions).toEqual([
      { gold: 'a', predicted: 'b', count: 1 },
      { gold: 'b', predicted: 'c', count: 1 },
    ]);
  });

  it('includes a label only ever predicted, with support 0, and leaves it out of macro F1', () => {
    const only = evaluateIntents({ gold: ['greet', 'greet'], predicted: ['greet', 'out_of_scope'] });
    expect(only.perIntent).toEqual([
      { label: 'out_of_scope', precision: 0, recall: 0, f1: 0, support: 0, predicted: 1 },
      { label: 'greet', precision: 1, recall: 0.5, f1: 2 / 3, support: 2, predicted: 1 },
    ]);
    expect(only.macroF1).toBeCloseTo(2 / 3, 12);
  });

  it('handles no examples and rejects arrays of different length', () => {
    expect(evaluateIntents({ gold: [], predicted: [] })).toEqual({ examples: 0, correct: 0, accuracy: 0, macroF1: 0, perIntent: [], confusions: [] });
    expect(() => evaluateIntents({ gold: ['a'], predicted: [] })).toThrow(InvalidInputError);
  });
});

describe('evaluateEntities', () => {
  const span = (type: string, start: number, end: number): Span => ({ type, start, end });

  it('micro-averages exact (type, start, end) matches and scores each type', () => {
    const result = evaluateEntities({
      gold: [[span('date', 0, 5), span('product', 10, 20)], [span('email', 3, 15)], []],
      // product is one character short; number was never annotated.
      predicted: [[span('date', 0, 5), span('product', 10, 19)], [span('email', 3, 15), span('number', 0, 2)], []],
    });
    expect(result).toMatchObject({ gold: 3, predicted: 4, correct: 2, precision: 0.5, recall: 2 / 3 });
    expect(result.f1).toBeCloseTo(4 / 7, 12);
    expect(result.perType).toEqual([
      { label: 'product', precision: 0, recall: 0, f1: 0, support: 1, predicted: 1 },
      { label: 'number', precision: 0, recall: 0, f1: 0, support: 0, predicted: 1 },
      { label: 'date', precision: 1, recall: 1, f1: 1, support: 1, predicted: 1 },
      { label: 'email', precision: 1, recall: 1, f1: 1, support: 1, predicted: 1 },
    ]);
  });

  it('does not match a span of another type or another text', () => {
    const result = evaluateEntities({ gold: [[span('city', 0, 5)], []], predicted: [[span('warehouse', 0, 5)], [span('city', 0, 5)]] });
    expect(result).toMatchObject({ gold: 1, predicted: 2, correct: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('matches each gold span at most once', () => {
    const result = evaluateEntities({ gold: [[span('date', 0, 5)]], predicted: [[span('date', 0, 5), span('date', 0, 5)]] });
    expect(result).toMatchObject({ correct: 1, precision: 0.5, recall: 1 });
  });

  it('rejects gold and predictions for a different number of texts', () => {
    expect(() => evaluateEntities({ gold: [[]], predicted: [] })).toThrow(InvalidInputError);
  });
});
