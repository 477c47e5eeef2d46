import { describe, expect, it } from 'vitest';
import { emptyState, parseState } from '../../bot/state.js';

describe('parseState', () => {
  it('loads state saved before replies were translated, in English', () => {
    const state = parseState(JSON.stringify({ focusOrderId: 100234, pending: { tool: 'cancel_order', args: {}, awaiting: 'slot', slot: 'orderId' } }));
    expect(state).toMatchObject({ focusOrderId: 100234, language: 'en', pending: { tool: 'cancel_order', retries: 0 } });
  });

  it('keeps the language of the conversation', () => {
    expect(parseState(JSON.stringify({ language: 'zh' })).language).toBe('zh');
  });

  it('continues in English, keeping the rest, when the stored language is one this version lacks', () => {
    expect(parseState(JSON.stringify({ language: 'fr', focusOrderId: 100234 }))).toEqual({ language: 'en', focusOrderId: 100234 });
  });

  it('starts afresh from unreadable state', () => {
    expect(parseState('not json')).toEqual(emptyState());
    expect(parseState(JSON.stringify({ focusOrderId: 'x' }))).toEqual({ language: 'en' });
  });
});
