import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Encoder } from '../../core/encoder.js';
import { createHashedNgramEncoder } from '../../nlu/encoders/index.js';
import { createKnowledgeBase, type KnowledgeBaseConfigInput, type KnowledgeBaseService } from '../../retrieval/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kb');

/** An encoder that records every text it encodes, to check what re-ingestion re-encodes. */
export interface CountingEncoder extends Encoder {
  readonly encoded: string[];
  reset(): void;
}

/** Hashed n-grams (no model to load, handles Chinese) behind a counter. */
export function createCountingEncoder(options: { id?: string } = {}): CountingEncoder {
  const inner = createHashedNgramEncoder({ dimension: 256 });
  const encoded: string[] = [];
  return {
    id: options.id ?? inner.id,
    dimension: inner.dimension,
    encoded,
    reset() { encoded.length = 0; },
    async encode(texts, encodeOptions) {
      encoded.push(...texts);
      return inner.encode(texts, encodeOptions);
    },
  };
}

/** A temporary folder the test owns: `root/docs` holds a copy of the fixtures, `root/index` the index. */
export interface KbWorkspace {
  root: string;
  docs: string;
  index: string;
  cleanup(): void;
}

export function createWorkspace(): KbWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'kb-test-'));
  const docs = join(root, 'docs');
  // Only the document folders: the fixture root also holds validation question sets.
  for (const language of ['en', 'zh']) cpSync(join(FIXTURES, language), join(docs, language), { recursive: true });
  return { root, docs, index: join(root, 'index'), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Settings for the hashed test encoder, whose similarities run lower than USE-lite's. */
export const TEST_KB_CONFIG: KnowledgeBaseConfigInput = { noAnswerThreshold: 0.3 };

export async function openTestKb(options: { dir: string; encoder: Encoder; config?: KnowledgeBaseConfigInput }): Promise<KnowledgeBaseService> {
  return createKnowledgeBase({ dir: options.dir, encoder: options.encoder, ...TEST_KB_CONFIG, ...options.config });
}
