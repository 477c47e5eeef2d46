import { describe, expect, it } from 'vitest';
import { chunkDocument, chunkId, DocumentParseError, parseCsv, parseDocument, UnsupportedDocumentTypeError } from '../../retrieval/index.js';

describe('parseDocument', () => {
  it('reads Markdown sections under their heading path, with front matter', () => {
    const doc = parseDocument({
      fileName: 'returns.md',
      content: '---\ntitle: Returns\nurl: /help/returns\n---\n# Ignored title\n\nIntro **bold** and [a link](https://x).\n\n## Window\n\nThirty days.\n\n### Details\n\n- one\n- two\n\n## Labels\n\n```\ncode block\n```\n',
    });
    expect(doc.title).toBe('Returns');
    expect(doc.url).toBe('/help/returns');
    expect(doc.sections).toEqual([
      { headings: [], paragraphs: ['Intro bold and a link.'] },
      { headings: ['Window'], paragraphs: ['Thirty days.'] },
      { headings: ['Window', 'Details'], paragraphs: ['one', 'two'] },
      { headings: ['Labels'], paragraphs: ['code block'] },
    ]);
  });

  it('turns Markdown table rows into sentences', () => {
    const doc = parseDocument({ fileName: 'a.md', content: '# Prices\n\n| Zone | Price |\n|---|---|\n| Norway | £14.95 |\n' });
    expect(doc.sections[0]?.paragraphs).toEqual(['Zone: Norway; Price: £14.95.']);
  });

  it('reads HTML headings, paragraphs, lists and tables, dropping scripts and styles', () => {
    const doc = parseDocument({
      fileName: 'a.html',
      content: '<html><head><title>Shipping &amp; delivery</title><script>var x = "<h2>no</h2>";</script></head><body><h1>Shipping</h1><p>We ship&nbsp;fast.</p><h2>Abroad</h2><ul><li>Norway</li><li>Ireland</li></ul><table><tr><th>Zone</th><th>Price</th></tr><tr><td>Norway</td><td>&pound;14.95</td></tr></table></body></html>',
    });
    expect(doc.title).toBe('Shipping & delivery');
    expect(doc.sections).toEqual([
      { headings: [], paragraphs: ['We ship fast.'] },
      { headings: ['Abroad'], paragraphs: ['Norway', 'Ireland', 'Zone: Norway; Price: £14.95.'] },
    ]);
  });

  it('reads plain text with a title line', () => {
    const doc = parseDocument({ fileName: 'gift.txt', content: 'Gift cards\n\nValid for two years.\n\nNo cash refunds.' });
    expect(doc.title).toBe('Gift cards');
    expect(doc.sections[0]?.paragraphs).toEqual(['Valid for two years.', 'No cash refunds.']);
  });

  it('reads FAQ CSV with quoted fields and example questions', () => {
    const doc = parseDocument({ fileName: 'faq.csv', content: 'Question,Answer,Examples\n"Can I pay, later?","Yes, with ""Klarna"".",pay later|instalments\n' });
    expect(doc.faq).toEqual([{ question: 'Can I pay, later?', answer: 'Yes, with "Klarna".', examples: ['pay later', 'instalments'] }]);
  });

  it('reads FAQ JSON as an array or an object with entries', () => {
    expect(parseDocument({ fileName: 'f.json', content: '[{"question":"Q?","answer":"A."}]' }).faq).toEqual([{ question: 'Q?', answer: 'A.', examples: [] }]);
    const doc = parseDocument({ fileName: 'f.json', content: '{"title":"Care","entries":[{"question":"Q?","answer":"A.","examples":["q"]}]}' });
    expect(doc.title).toBe('Care');
    expect(doc.faq[0]?.examples).toEqual(['q']);
  });

  it.each([
    ['bad.json', '{"entries": [', 'not valid JSON'],
    ['bad.json', '{"entries": [{"question": "no answer"}]}', 'not an FAQ file'],
    ['bad.csv', 'question,answer\n"unterminated,x\n', 'not closed'],
    ['bad.csv', 'title,body\na,b\n', 'must name'],
    ['bad.csv', 'question,answer\na,b,c\n', 'has 3 fields'],
    ['bad.md', Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'UTF-8'],
    ['bad.txt', 'text with a \u0000 byte', 'binary'],
    ['empty.md', '   \n\n', 'no text'],
    ['bad.md', '---\ntitle: [unclosed\n---\n# x\n\ny', 'YAML'],
  ])('refuses %s (%s)', (fileName, content, reason) => {
    const parse = () => parseDocument({ fileName, content });
    expect(parse).toThrow(DocumentParseError);
    expect(parse).toThrow(reason);
  });

  it('refuses unsupported file types', () => {
    expect(() => parseDocument({ fileName: 'manual.pdf', content: '%PDF-1.4' })).toThrow(UnsupportedDocumentTypeError);
    expect(() => parseDocument({ fileName: 'noextension', content: 'x' })).toThrow(UnsupportedDocumentTypeError);
  });
});

describe('parseCsv', () => {
  it('handles CRLF-free rows, empty fields and line breaks in quotes', () => {
    expect(parseCsv('a,b\n"x\ny",\n')).toEqual({ rows: [['a', 'b'], ['x\ny', '']] });
  });
});

describe('chunkDocument', () => {
  const parsed = parseDocument({ fileName: 'a.md', content: '# Title\n\n## Same\n\nfirst\n\n## Same\n\nsecond\n\n## Other\n\nthird' });
  const chunks = chunkDocument({ docId: 'a.md', title: 'Title', type: 'article', parsed });

  it('gives stable, distinct ids from doc id, heading path and ordinal', () => {
    expect(chunks.map((c) => c.text)).toEqual(['first', 'second', 'third']);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(3);
    expect(chunks[0]?.id).toBe(chunkId({ docId: 'a.md', titlePath: ['Title', 'Same'], ordinal: 0 }));
    expect(chunks[1]?.id).toBe(chunkId({ docId: 'a.md', titlePath: ['Title', 'Same'], ordinal: 1 }));
    const again = chunkDocument({ docId: 'a.md', title: 'Title', type: 'article', parsed });
    expect(again).toEqual(chunks);
  });

  it('changes the hash only when the embedded text changes', () => {
    const edited = parseDocument({ fileName: 'a.md', content: '# Title\n\n## Same\n\nfirst\n\n## Same\n\nsecond, edited\n\n## Other\n\nthird' });
    const next = chunkDocument({ docId: 'a.md', title: 'Title', type: 'article', parsed: edited, url: '/new' });
    expect(next.map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    expect(next.map((c, i) => c.hash === chunks[i]?.hash)).toEqual([true, false, true]);
  });

  it('splits long sections at paragraph and sentence boundaries', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const doc = parseDocument({ fileName: 'l.md', content: `# L\n\n${long}` });
    const parts = chunkDocument({ docId: 'l', title: 'L', type: 'article', parsed: doc, maxChars: 200 });
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => p.text.length <= 200)).toBe(true);
    expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
  });

  it('makes one chunk per FAQ entry with its questions', () => {
    const faq = parseDocument({ fileName: 'f.json', content: '[{"question":"Q1?","answer":"A1.","examples":["q one"]},{"question":"Q1?","answer":"A2."}]' });
    const entries = chunkDocument({ docId: 'f', title: 'FAQ', type: 'faq', parsed: faq });
    expect(entries.map((e) => e.questions)).toEqual([['Q1?', 'q one'], ['Q1?']]);
    expect(entries[0]?.id).not.toBe(entries[1]?.id);
    expect(entries[0]?.vectorIds).toHaveLength(3);
  });
});
