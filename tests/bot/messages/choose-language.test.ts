import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../core/nlu.js';
import { chooseLanguage } from '../../../bot/messages/index.js';

const parse = (text: string, language: string): ParseResult => ({ text, language, intents: [], entities: [] });

describe('chooseLanguage', () => {
  it("answers in the language of the customer's message", () => {
    expect(chooseLanguage({ parse: parse('我的订单到哪了', 'zh'), previous: 'en' })).toBe('zh');
    expect(chooseLanguage({ parse: parse('where is my order', 'en'), previous: 'zh' })).toBe('en');
  });

  it('keeps the conversation language for a message without words', () => {
    for (const text of ['100234', '#100234', 'ann@example.com', '?', '100234 ann@example.com']) {
      expect(chooseLanguage({ parse: parse(text, 'en'), previous: 'zh' }), text).toBe('zh');
    }
  });

  it('keeps it for a Latin-script address given in a Chinese conversation, not for a Chinese message', () => {
    expect(chooseLanguage({ parse: parse('12 High Street, Leeds LS1 4AB', 'en'), previous: 'zh', quotesNames: true })).toBe('zh');
    expect(chooseLanguage({ parse: parse('不用改了', 'zh'), previous: 'en', quotesNames: true })).toBe('zh');
  });

  it('ignores a language the bot does not speak', () => {
    expect(chooseLanguage({ parse: parse('où est ma commande', 'fr'), previous: 'zh' })).toBe('zh');
  });
});
