import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentParseError, DocumentTooLargeError, UnsupportedDocumentTypeError, type KnowledgeBaseService } from '../../retrieval/index.js';
import { createCountingEncoder, createWorkspace, openTestKb, type CountingEncoder, type KbWorkspace } from './kb-test-kit.js';

describe('knowledge base over the fixture folder', () => {
  let ws: KbWorkspace;
  let encoder: CountingEncoder;
  let kb: KnowledgeBaseService;

  beforeEach(async () => {
    ws = createWorkspace();
    encoder = createCountingEncoder();
    kb = await openTestKb({ dir: ws.index, encoder });
    const result = await kb.ingestFolder(ws.docs);
    expect(result.errors).toEqual([]);
  });
  afterEach(async () => {
    await kb.close();
    ws.cleanup();
  });

  const topDoc = async (question: string) => (await kb.search(question, { k: 3 }))[0]?.docId;

  it('ingests every format and answers English questions from the right source', async () => {
    expect(kb.stats().documents).toBe(8);
    expect(await topDoc('Do you ship to Norway?')).toBe('en/shipping.html');
    expect(await topDoc('Can I return a worn jacket?')).toBe('en/returns.md');
    expect(await topDoc('can I pay in instalments with klarna')).toBe('en/faq.csv');
    expect(await topDoc('how do I wash my down jacket')).toBe('en/faq.json');
    expect(await topDoc('how long is a gift card valid')).toBe('en/gift-cards.txt');

    const answer = await kb.answer('Can I return a worn jacket?');
    expect(answer?.sources).toEqual([{ title: 'Returns policy', url: 'https://shop.example/help/returns' }]);
    expect(answer?.text).toContain('cannot be returned');
    expect(answer?.chunkIds).toHaveLength(1);
    expect(answer?.score).toBeGreaterThanOrEqual(0.3);
  });

  it('answers FAQ entries with their answer text and cites CSV entries by question', async () => {
    const answer = await kb.answer('do you take klarna?');
    expect(answer?.text).toBe('Yes. Choose Klarna Pay in 3 at checkout to split the cost into three interest-free payments.');
    expect(answer?.sources).toEqual([{ title: 'Can I pay with Klarna?', url: 'https://shop.example/help/payment' }]);
  });

  it('answers Chinese questions from the Chinese articles', async () => {
    expect(await topDoc('发票怎么开？')).toBe('zh/invoices.md');
    expect(await topDoc('退货运费谁出？')).toBe('zh/returns.md');
    expect(await topDoc('寄往挪威的运费是多少？')).toBe('zh/shipping.md');
    const answer = await kb.answer('发票怎么开？', { language: 'zh' });
    expect(answer?.sources[0]?.title).toBe('发票');
    expect(answer?.text).toContain('申请发票');
  });

  it('returns null for a question the knowledge base cannot answer', async () => {
    expect(await kb.answer('What is the capital of Peru?')).toBeNull();
    expect(await kb.answer('who won the football world cup in 1966')).toBeNull();
    expect(await kb.answer('今天天气怎么样')).toBeNull();
  });

  it('filters by language and type', async () => {
    const zh = await kb.search('Norway 挪威', { k: 10, filters: { language: 'zh' } });
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.every((h) => h.language === 'zh')).toBe(true);
    const faq = await kb.search('jacket', { k: 10, filters: { type: 'faq' } });
    expect(faq.every((h) => h.type === 'faq')).toBe(true);
    expect(faq.length).toBeGreaterThan(0);
  });

  it('re-encodes nothing when the folder is unchanged', async () => {
    const before = (await kb.search('returns', { k: 50 })).map((h) => h.chunkId).sort();
    encoder.reset();
    const result = await kb.ingestFolder(ws.docs);
    expect(encoder.encoded).toEqual([]);
    expect(result.results.every((r) => r.added === 0 && r.updated === 0 && r.removed === 0)).toBe(true);
    expect((await kb.search('returns', { k: 50 })).map((h) => h.chunkId).sort()).toEqual(before);
  });

  it('re-encodes only the changed chunks of a changed file', async () => {
    const file = join(ws.docs, 'en', 'returns.md');
    const chunksBefore = (await kb.search('returns exchanges', { k: 50, filters: {} })).filter((h) => h.docId === 'en/returns.md');
    const idsBefore = kb.listDocuments().find((d) => d.id === 'en/returns.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Order the size you need and return the first one for a refund.', 'Order the size you need; we refund the first one within 5 days of receiving it.'));
    encoder.reset();
    const result = await kb.ingestFolder(ws.docs);
    const returns = result.results.find((r) => r.docId === 'en/returns.md');
    expect(returns).toMatchObject({ added: 0, updated: 1, removed: 0, unchanged: 3 });
    // Only the changed "Exchanges" chunk: its heading and its heading path with text.
    expect(encoder.encoded).toHaveLength(2);
    expect(encoder.encoded.join(' ')).toContain('within 5 days');
    expect(result.results.filter((r) => r.docId !== 'en/returns.md').every((r) => r.updated === 0 && r.added === 0)).toBe(true);
    expect(kb.listDocuments().find((d) => d.id === 'en/returns.md')?.chunks).toBe(idsBefore?.chunks);
    const after = (await kb.search('returns exchanges', { k: 50 })).filter((h) => h.docId === 'en/returns.md');
    expect(after.map((h) => h.chunkId).sort()).toEqual(chunksBefore.map((h) => h.chunkId).sort());
    expect((await kb.search('refund within 5 days of receiving', { k: 1 }))[0]?.text).toContain('within 5 days');
  });

  it('removes a deleted file from both indexes on the next ingest', async () => {
    rmSync(join(ws.docs, 'en', 'gift-cards.txt'));
    const result = await kb.ingestFolder(ws.docs);
    expect(result.deleted).toEqual(['en/gift-cards.txt']);
    for (const mode of ['bm25', 'vector', 'hybrid'] as const) {
      const hits = await kb.search('gift card balance valid for two years', { k: 50, mode });
      expect(hits.some((h) => h.docId === 'en/gift-cards.txt')).toBe(false);
    }
    expect((await kb.answer('how long is a gift card valid'))?.sources[0]?.title).not.toBe('Gift cards');
  });

  it('deletes a document by id, and refuses unknown ids', async () => {
    await expect(kb.deleteDocument('zh/invoices.md')).resolves.toEqual({ docId: 'zh/invoices.md', removed: 2 });
    expect((await kb.search('发票怎么开', { k: 20 })).some((h) => h.docId === 'zh/invoices.md')).toBe(false);
    expect((await kb.search('发票怎么开', { k: 50, mode: 'vector' })).some((h) => h.docId === 'zh/invoices.md')).toBe(false);
    await expect(kb.deleteDocument('zh/invoices.md')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('survives a restart: reopening the folder gives the same results without re-encoding', async () => {
    const questions = ['Do you ship to Norway?', '发票怎么开？', 'how do I wash my down jacket'];
    const before = await Promise.all(questions.map((q) => kb.search(q, { k: 5 })));
    await kb.close();
    encoder.reset();
    kb = await openTestKb({ dir: ws.index, encoder });
    expect(encoder.encoded).toEqual([]);
    const after = await Promise.all(questions.map((q) => kb.search(q, { k: 5 })));
    expect(after).toEqual(before);
    expect(kb.stats().documents).toBe(8);
  });

  it('re-encodes everything when reopened with another encoder', async () => {
    await kb.close();
    const other = createCountingEncoder({ id: 'other-encoder@2' });
    kb = await openTestKb({ dir: ws.index, encoder: other });
    expect(other.encoded.length).toBe(kb.stats().vectors);
    expect((await kb.search('Do you ship to Norway?', { k: 1 }))[0]?.docId).toBe('en/shipping.html');
  });

  it('leaves the index unchanged when an upload is refused', async () => {
    const question = 'Do you ship to Norway?';
    const before = await kb.search(question, { k: 10 });
    const stats = kb.stats();
    const manifest = readFileSync(join(ws.index, 'manifest.json'), 'utf8');
    encoder.reset();
    await expect(kb.upsertDocument({ id: 'en/shipping.html', fileName: 'shipping.json', content: '{"entries": [' })).rejects.toThrow(DocumentParseError);
    await expect(kb.upsertDocument({ id: 'en/shipping.html', fileName: 'shipping.pdf', content: '%PDF' })).rejects.toThrow(UnsupportedDocumentTypeError);
    await expect(kb.upsertDocument({ fileName: 'huge.txt', content: 'x'.repeat(3 * 1024 * 1024) })).rejects.toThrow(DocumentTooLargeError);
    await expect(kb.upsertDocument({ fileName: 'bin.md', content: Buffer.from([0xc3, 0x28, 0x00]) })).rejects.toThrow(DocumentParseError);
    expect(encoder.encoded).toEqual([]);
    expect(await kb.search(question, { k: 10 })).toEqual(before);
    expect(kb.stats()).toEqual(stats);
    expect(readFileSync(join(ws.index, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  it('reindexes from the stored chunks', async () => {
    const before = await kb.search('Do you ship to Norway?', { k: 5 });
    encoder.reset();
    const result = await kb.reindex();
    expect(result).toEqual({ chunks: kb.stats().chunks, vectors: kb.stats().vectors });
    expect(encoder.encoded.length).toBeGreaterThan(0);
    expect((await kb.search('Do you ship to Norway?', { k: 5 })).map((h) => h.chunkId)).toEqual(before.map((h) => h.chunkId));
  });

  it('trims article answers to the sentences that answer and offers related articles', async () => {
    const answer = await kb.answer('Do you ship to Norway?');
    expect(answer?.sources[0]).toEqual({ title: 'Delivery and shipping' });
    expect(answer?.text).toContain('Norway');
    expect(answer?.text.length).toBeLessThanOrEqual(500);
    expect(answer?.related.length).toBeLessThanOrEqual(2);
    expect(answer?.related.some((r) => r.title === 'Delivery and shipping')).toBe(false);
  });
});
