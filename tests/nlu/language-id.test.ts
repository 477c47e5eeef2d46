import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../nlu/index.js';

describe('detectLanguage', () => {
  it.each([
    ['我的订单到哪了', 'zh'],
    ['发票怎么开？', 'zh'],
    ["where's my stuff??", 'en'],
    ['cancel 100234 pls', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('uses the fallback for text without letters, with no confidence', () => {
    expect(detectLanguage('100234', 'zh')).toEqual({ language: 'zh', confidence: 0, mixed: false });
    expect(detectLanguage('jane@example.com ?!').language).toBe('en');
  });

  it('flags mixed text and follows the script with more weight', () => {
    const guess = detectLanguage('我的 order 到哪了');
    expect(guess).toMatchObject({ language: 'zh', mixed: true });
    expect(detectLanguage('please check 订单 for me, it is late').language).toBe('en');
  });
});
