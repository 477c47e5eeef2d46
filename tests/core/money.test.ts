import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';

describe('formatMoney', () => {
  it.each([
    [5400, 'GBP', '£54.00'],
    [1999, 'eur', '€19.99'],
    [-250, 'GBP', '-£2.50'],
    [123456789, 'GBP', '£1,234,567.89'],
    [500, 'JPY', 'JP¥500'],
  ])('formats %i %s as %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it('refuses fractional minor units and malformed currency codes', () => {
    expect(() => formatMoney(12.5, 'GBP')).toThrow(InvalidInputError);
    expect(() => formatMoney(100, 'pounds')).toThrow(InvalidInputError);
  });
});
