import { describe, expect, it } from 'vitest';
import { toSlackMessage } from '../../../adapters/slack/blocks.js';
import { fromSlackText } from '../../../adapters/slack/listeners.js';

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ action_id: string; value: string; text: { text: string } }> };
const blocksOf = (message: ReturnType<typeof toSlackMessage>) => (message.blocks ?? []) as Block[];

describe('toSlackMessage', () => {
  it('draws a section per paragraph and escapes Slack markup in blocks and text', () => {
    const message = toSlackMessage({ text: 'Order <#1> & more\n\nSecond paragraph\nstill second' });
    expect(message.text).toBe('Order &lt;#1&gt; &amp; more\n\nSecond paragraph\nstill second');
    expect(blocksOf(message).map((b) => b.text?.text)).toEqual(['Order &lt;#1&gt; &amp; more', 'Second paragraph\nstill second']);
  });

  it('replaces the table the text spells out with aligned columns, numbers to the right', () => {
    const text = 'Forecast:\nWeek | Units | Interval\nMon 30 Nov | 12 | 8–15\nMon 7 Dec | 9 | 6–12\nMethod: ets.';
    const tables = [{ title: 'Forecast:', columns: ['Week', 'Units', 'Interval'], rows: [['Mon 30 Nov', '12', '8–15'], ['Mon 7 Dec', '9', '6–12']] }];
    expect(blocksOf(toSlackMessage({ text, tables })).map((b) => b.text?.text)).toEqual([
      'Forecast:',
      '```\nWeek        Units  Interval\n----------  -----  --------\nMon 30 Nov     12  8–15\nMon 7 Dec       9  6–12\n```',
      'Method: ets.',
    ]);
  });

  it('keeps the text as prose when the reply carries no tables, and appends tables the text does not spell out', () => {
    expect(blocksOf(toSlackMessage({ text: 'A | B\n1 | 2' })).map((b) => b.text?.text)).toEqual(['A | B\n1 | 2']);
    const extra = blocksOf(toSlackMessage({ text: 'See below.', tables: [{ title: 'Totals', columns: ['A', 'B'], rows: [['x', 'y']] }] }));
    expect(extra.map((b) => b.text?.text)).toEqual(['See below.', '*Totals*', '```\nA  B\n-  -\nx  y\n```']);
  });

  it('splits a long table between sections of at most 3,000 characters', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`SKU-${String(i).padStart(4, '0')}`, 'A rather long product name that pads', String(i)]);
    const text = ['Stock:', 'SKU | Name | Units', ...rows.map((r) => r.join(' | '))].join('\n');
    const blocks = blocksOf(toSlackMessage({ text, tables: [{ columns: ['SKU', 'Name', 'Units'], rows }] }));
    const code = blocks.filter((b) => b.text?.text.startsWith('```'));
    expect(code.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.text?.text.length).toBeLessThanOrEqual(3000);
    expect(code.map((b) => b.text?.text).join('\n').match(/SKU-\d{4}/g)).toHaveLength(100);
  });

  it('sends text only when the blocks would pass 50', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}`).join('\n\n');
    const message = toSlackMessage({ text });
    expect(message.blocks).toBeUndefined();
    expect(message.text).toBe(text);
  });

  it('offers quick replies as buttons whose value is sent back', () => {
    const blocks = blocksOf(toSlackMessage({ text: 'Create them?', quickReplies: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] }));
    expect(blocks[1]?.type).toBe('actions');
    expect(blocks[1]?.elements?.map((e) => [e.action_id, e.text.text, e.value])).toEqual([
      ['counterpart_reply_0', 'Yes', 'yes'], ['counterpart_reply_1', 'No', 'no'],
    ]);
  });
});

describe('fromSlackText', () => {
  it('strips the bot mention and reduces markup to what it shows', () => {
    expect(fromSlackText("<@UBOT> what's low in Leeds?", 'UBOT')).toBe("what's low in Leeds?");
    expect(fromSlackText('hey <@UBOT|counterpart>, ask <@U123> in <#C1|ops> about <https://x.test/a|this> &amp; <mailto:a@b.co|a@b.co>', 'UBOT'))
      .toBe('hey , ask @U123 in #ops about this & a@b.co');
    expect(fromSlackText('<@UOTHER> stock &lt;5', undefined)).toBe('stock <5');
  });
});
