import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { parseAddress } from '../../ops/index.js';

const parse = (text: string) => parseAddress(text, { defaultName: 'Ann Lee' });

function refusal(text: string): string {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).userMessage;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe('parseAddress', () => {
  it.each([
    ['12 High Street, Flat 2, Leeds LS1 4AB', { line1: '12 High Street', line2: 'Flat 2', city: 'Leeds', postcode: 'LS1 4AB', country: 'GB' }],
    ['5 Karl Johans gate, 0154 Oslo, Norway', { line1: '5 Karl Johans gate', city: 'Oslo', postcode: '0154', country: 'NO' }],
    ['12 High Street\nLeeds\nls14ab\nUK', { line1: '12 High Street', city: 'Leeds', postcode: 'LS1 4AB', country: 'GB' }],
    ['12 High St, LS1 4AB, Leeds', { line1: '12 High St', city: 'Leeds', postcode: 'LS1 4AB', country: 'GB' }],
    ['Hauptstraße 12, 10115 Berlin, Deutschland', { line1: 'Hauptstraße 12', city: 'Berlin', postcode: '10115', country: 'DE' }],
    ['Damrak 1, 1012AB Amsterdam NL', { line1: 'Damrak 1', city: 'Amsterdam', postcode: '1012 AB', country: 'NL' }],
    ['1 Main St, Dublin 2, D02X285, Ireland', { line1: '1 Main St', city: 'Dublin 2', postcode: 'D02 X285', country: 'IE' }],
    ['Drottninggatan 5, 111 51 Stockholm, SE', { line1: 'Drottninggatan 5', city: 'Stockholm', postcode: '111 51', country: 'SE' }],
  ])('reads "%s"', (text, expected) => {
    expect(parse(text)).toEqual({ name: 'Ann Lee', ...expected });
  });

  it.each([
    ['12 High Street, Leeds', /missing the postcode\. If the address is outside the UK, please add the country/],
    ['12 High Street', /missing the town or city and the postcode/],
    ['Leeds LS1 4AB', /missing the street address/],
    ['5 Karl Johans gate, Oslo, Norway', /missing the postcode\. A postcode in Norway looks like 0154/],
    ['12 High Street Leeds LS1 4AB', /put a comma between the street and the town/],
    ['1 Bahnhofstrasse, 8001 Zurich, Switzerland', /don't deliver to "Switzerland"/],
    ['  ,\n ', /Please give the street address, town and postcode/],
  ])('says what is wrong with "%s"', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('needs a name to deliver to', () => {
    expect(() => parseAddress('12 High Street, Leeds LS1 4AB', { defaultName: ' ' })).toThrow(/name to deliver to/);
  });
});
