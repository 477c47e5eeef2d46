import { describe, expect, it } from 'vitest';
import { EMAIL_TOKEN, NUMBER_TOKEN, tokenizeEn } from '../../nlu/index.js';

describe('tokenizeEn', () => {
  it('lower-cases, strips punctuation and apostrophes, and maps digits to a token class', () => {
    expect(tokenizeEn("Where's order #100234?!")).toEqual(['wheres', 'order', NUMBER_TOKEN]);
  });

  it('maps e-mail addresses to one token before punctuation is stripped', () => {
    expect(tokenizeEn('mail: Jane.Doe+1@Example.co.uk, thx')).toEqual(['mail', EMAIL_TOKEN, 'thx']);
  });

  it('strips accents, splits on hyphens and caps repeated letters', () => {
    expect(tokenizeEn('Pleeease café e-mail noooo')).toEqual(['pleease', 'cafe', 'e', 'mail', 'noo']);
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(tokenizeEn('don’t')).toEqual(tokenizeEn("don't"));
  });
});
