import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKbRouter } from '../../../adapters/kb/index.js';
import { silentLogger } from '../../../core/logger.js';
import type { KnowledgeBaseService } from '../../../retrieval/index.js';
import { createCountingEncoder, createWorkspace, FIXTURES, openTestKb, type KbWorkspace } from '../../retrieval/kb-test-kit.js';

const TOKEN = 'test-admin-token-0123456789abcdef';

describe('knowledge-base admin API', () => {
  let ws: KbWorkspace;
  let kb: KnowledgeBaseService;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    ws = createWorkspace();
    kb = await openTestKb({ dir: ws.index, encoder: createCountingEncoder() });
    const app = express();
    app.use('/api/kb', createKbRouter({ kb, adminToken: TOKEN, logger: silentLogger, maxUploadBytes: 64 * 1024 }));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/kb`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await kb.close();
    ws.cleanup();
  });

  const auth = { authorization: `Bearer ${TOKEN}` };
  const upload = (path: string, body: string | Buffer, contentType: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { ...auth, 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const search = async (q: string) => {
    const response = await fetch(`${base}/search?q=${encodeURIComponent(q)}`, { headers: auth });
    expect(response.status).toBe(200);
    return ((await response.json()) as { hits: Array<{ docId: string; chunkId: string; bm25: unknown; vector: unknown }> }).hits;
  };

  it('refuses requests without a token (401) or with a wrong one (403)', async () => {
    const none = await fetch(`${base}/search?q=returns`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await fetch(`${base}/reindex`, { method: 'POST', headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: { code: 'forbidden' } });
    const upload401 = await fetch(`${base}/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(upload401.status).toBe(401);
    expect(kb.stats().documents).toBe(0);
  });

  it('uploads a document as JSON and as a raw file, then searches it', async () => {
    const json = await upload('/documents', JSON.stringify({ id: 'returns', fileName: 'returns.md', content: readFileSync(join(FIXTURES, 'en', 'returns.md'), 'utf8') }), 'application/json');
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ document: { docId: 'returns', chunks: 4, added: 4 } });
    const raw = await upload('/documents?fileName=shipping.html&id=shipping', readFileSync(join(FIXTURES, 'en', 'shipping.html')), 'text/html; charset=utf-8');
    expect(raw.status).toBe(200);
    const csv = await upload('/documents?fileName=faq.csv', readFileSync(join(FIXTURES, 'en', 'faq.csv')), 'text/csv');
    expect(csv.status).toBe(200);
    const hits = await search('Do you ship to Norway?');
    expect(hits[0]?.docId).toBe('shipping');
    expect(hits[0]).toHaveProperty('bm25');
    expect(hits[0]).toHaveProperty('vector');
    expect(kb.stats().documents).toBe(3);
  });

  it('refuses bad files with 415, 413 and 400, leaving search results unchanged', async () => {
    await upload('/documents?fileName=shipping.html&id=shipping', readFileSync(join(FIXTURES, 'en', 'shipping.html')), 'text/html');
    const before = await search('Do you ship to Norway?');
    const cases: Array<[string, string | Buffer, string, number, string]> = [
      ['/documents?fileName=manual.pdf&id=shipping', '%PDF-1.4', 'application/pdf', 415, 'unsupported_media_type'],
      ['/documents?fileName=manual.pdf&id=shipping', 'not really markdown', 'text/markdown', 415, 'unsupported_media_type'],
      ['/documents?fileName=big.txt&id=shipping', 'x'.repeat(100 * 1024), 'text/plain', 413, 'payload_too_large'],
      ['/documents?fileName=faq.json&id=shipping', '{"entries": [', 'application/json', 400, 'invalid_input'],
      ['/documents?fileName=faq.csv&id=shipping', 'question,answer\n"open,quote\n', 'text/csv', 400, 'invalid_input'],
      ['/documents?fileName=bin.md&id=shipping', Buffer.from([0xff, 0x00, 0xfe]), 'text/markdown', 400, 'invalid_input'],
      ['/documents', '{"fileName": "a.md"', 'application/json', 400, 'invalid_json'],
      ['/documents', '{"fileName": "a.md", "content": 5}', 'application/json', 400, 'invalid_input'],
      ['/documents', 'just text', 'text/plain', 400, 'invalid_input'],
    ];
    for (const [path, body, type, status, code] of cases) {
      const response = await upload(path, body, type);
      expect({ path, type, status: response.status }).toEqual({ path, type, status });
      expect(await response.json()).toMatchObject({ error: { code } });
    }
    expect(await search('Do you ship to Norway?')).toEqual(before);
    expect(kb.stats().documents).toBe(1);
  });

  it('deletes documents (ids may contain slashes) and answers 404 for unknown ones', async () => {
    await upload('/documents?fileName=gift-cards.txt&id=en/gift-cards.txt', readFileSync(join(FIXTURES, 'en', 'gift-cards.txt')), 'text/plain');
    expect((await search('gift card valid'))[0]?.docId).toBe('en/gift-cards.txt');
    const deleted = await fetch(`${base}/documents/${encodeURIComponent('en/gift-cards.txt')}`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ docId: 'en/gift-cards.txt', removed: 1 });
    expect(await search('gift card valid')).toEqual([]);
    const again = await fetch(`${base}/documents/en/gift-cards.txt`, { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
  });

  it('reindexes, and validates the search query', async () => {
    await upload('/documents?fileName=returns.md', readFileSync(join(FIXTURES, 'en', 'returns.md')), 'text/markdown');
    const reindex = await fetch(`${base}/reindex`, { method: 'POST', headers: auth });
    expect(reindex.status).toBe(200);
    expect(await reindex.json()).toEqual({ chunks: 4, vectors: 8 });
    expect((await fetch(`${base}/search`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${base}/search?q=x&k=500`, { headers: auth })).status).toBe(400);
    expect((await fetch(`${base}/nothing`, { headers: auth })).status).toBe(404);
  });

  it('refuses a short admin token at construction', () => {
    expect(() => createKbRouter({ kb, adminToken: 'short', logger: silentLogger })).toThrow('at least 16');
  });
});
