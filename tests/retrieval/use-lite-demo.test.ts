import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Encoder } from '../../core/encoder.js';
import { createUseLiteEncoder } from '../../nlu/encoders/index.js';
import { createKnowledgeBase, type KnowledgeBaseService } from '../../retrieval/index.js';
import { FIXTURES } from './kb-test-kit.js';

// The only test file that loads USE-lite: the shipped defaults against the demo shop's articles.
const Validation = z.object({
  answerable: z.array(z.object({ question: z.string(), sources: z.array(z.string()) })),
  unanswerable: z.array(z.string()),
});
const validation = Validation.parse(JSON.parse(readFileSync(join(FIXTURES, 'demo-validation.json'), 'utf8')));
const DEMO_KB = join(import.meta.dirname, '..', '..', 'store', 'demo-shop', 'kb');

describe('demo knowledge base with USE-lite and the shipped defaults', () => {
  let dir: string;
  let encoder: Encoder;
  let kb: KnowledgeBaseService;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kb-use-'));
    encoder = await createUseLiteEncoder();
    kb = await createKnowledgeBase({ dir, encoder });
    const started = performance.now();
    const result = await kb.ingestFolder(DEMO_KB);
    console.info(`[use-lite-demo] ingested ${kb.stats().chunks} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(result.errors).toEqual([]);
  }, 180_000);
  afterAll(async () => {
    await kb?.close();
    await encoder?.dispose?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(validation.answerable)('answers "$question" from an expected source', async ({ question, sources }) => {
    const answer = await kb.answer(question);
    expect(answer, question).not.toBeNull();
    expect(sources).toContain(answer?.sources[0]?.title);
    expect(answer?.text.length).toBeGreaterThan(0);
  });

  it.each(validation.unanswerable)('says it does not know for "%s"', async (question) => {
    expect(await kb.answer(question)).toBeNull();
  });
});
