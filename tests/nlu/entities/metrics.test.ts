import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { slotF1, slotScores, spansFromTags } from '../../../nlu/entities/index.js';

describe('spansFromTags', () => {
  it('reads BIO chunks', () => {
    expect(spansFromTags(['O', 'B-city', 'I-city', 'B-date', 'O', 'B-city'])).toEqual([
      { type: 'city', start: 1, end: 3 },
      { type: 'date', start: 3, end: 4 },
      { type: 'city', start: 5, end: 6 },
    ]);
  });

  it('reads BIOES chunks', () => {
    expect(spansFromTags(['B-song', 'I-song', 'E-song', 'S-artist', 'O'])).toEqual([
      { type: 'song', start: 0, end: 3 },
      { type: 'artist', start: 3, end: 4 },
    ]);
  });

  it('reads sloppy sequences the way conlleval does', () => {
    // An I- after O, or after another type, starts a chunk.
    expect(spansFromTags(['O', 'I-city', 'I-date', 'I-date'])).toEqual([
      { type: 'city', start: 1, end: 2 },
      { type: 'date', start: 2, end: 4 },
    ]);
  });
});

describe('slotF1', () => {
  it('is 1 for perfect predictions and micro-averages exact spans over sentences', () => {
    const gold = [['B-city', 'I-city', 'O'], ['B-date', 'O', 'B-city']];
    expect(slotF1(gold, gold)).toBe(1);
    // Second sentence: the date is right, the city is cut short (no credit for partial spans).
    const predicted = [['B-city', 'I-city', 'O'], ['B-date', 'O', 'O']];
    const scores = slotScores(gold, predicted);
    expect(scores).toMatchObject({ gold: 3, predicted: 2, correct: 2, precision: 1 });
    expect(scores.recall).toBeCloseTo(2 / 3);
    expect(slotF1(gold, predicted)).toBeCloseTo(0.8);
    expect(slotF1([['B-city', 'I-city']], [['B-city', 'O']])).toBe(0);
  });

  it('rejects mismatched inputs', () => {
    expect(() => slotF1([['O']], [])).toThrow(InvalidInputError);
    expect(() => slotF1([['O', 'O']], [['O']])).toThrow('sentence 0');
  });
});
