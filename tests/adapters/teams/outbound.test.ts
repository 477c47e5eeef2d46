import { describe, expect, it } from 'vitest';
import { toTeamsMessage } from '../../../adapters/teams/index.js';

describe('Teams replies', () => {
  it('sends quick replies as imBack suggested actions that send their value', () => {
    const message = toTeamsMessage({ text: 'Which order?', quickReplies: [{ title: '#100234 (paid)', value: 'order #100234' }] });
    expect(message.text).toBe('Which order?');
    expect(message.suggestedActions?.actions).toEqual([{ type: 'imBack', title: '#100234 (paid)', value: 'order #100234' }]);
    expect(message.attachments ?? []).toHaveLength(0);
  });

  it('draws tables as an Adaptive Card 1.5 with titles and a header row, keeping the text', () => {
    const text = 'Low stock:\nSKU | Units\nAPP-1 | 3';
    const message = toTeamsMessage({ text, tables: [{ title: 'Low stock:', columns: ['SKU', 'Units'], rows: [['APP-1', '3']] }] });
    expect(message.text).toBe(text);
    const [attachment] = message.attachments ?? [];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment?.content).toMatchObject({
      type: 'AdaptiveCard', version: '1.5', fallbackText: text,
      body: [
        { type: 'TextBlock', text: 'Low stock:' },
        { type: 'Table', firstRowAsHeader: true, columns: [{ width: 1 }, { width: 1 }], rows: [
          { type: 'TableRow', cells: [{ items: [{ text: 'SKU' }] }, { items: [{ text: 'Units' }] }] },
          { type: 'TableRow', cells: [{ items: [{ text: 'APP-1' }] }, { items: [{ text: '3' }] }] },
        ] },
      ],
    });
  });

  it('leaves out a card too large for a Teams message; the text still carries the rows', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`APP-${i}`, 'x'.repeat(290)]);
    const message = toTeamsMessage({ text: 'many rows', tables: [{ columns: ['SKU', 'Note'], rows }] });
    expect(message.text).toBe('many rows');
    expect(message.attachments ?? []).toHaveLength(0);
  });
});
