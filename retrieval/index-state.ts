import type { Encoder } from '../core/encoder.js';
import { DependencyError } from '../core/errors.js';
import { Bm25Index } from './bm25-index.js';
import { embedTexts, keywordText } from './chunker.js';
import type { KnowledgeBaseConfig } from './config.js';
import { HnswVectorIndex } from './hnsw-index.js';
import type { DocumentRecord } from './manifest.js';
import { tokenize } from './tokenizer.js';
import type { ChunkRecord } from './types.js';

/**
 * The in-memory indexes of a knowledge base and the records they are built from.
 *
 * @remarks Mutations here are synchronous once the vectors are computed, so a search never
 * sees a chunk in one index and not the other.
 */
export class IndexState {
  readonly chunks = new Map<string, ChunkRecord>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly bm25 = new Bm25Index();
  vectors: HnswVectorIndex;
  private readonly languageCounts = new Map<string, number>();

  constructor(vectors: HnswVectorIndex) {
    this.vectors = vectors;
  }

  hasLanguage(language: string): boolean {
    return (this.languageCounts.get(language) ?? 0) > 0;
  }

  /** Adds or replaces chunk records; `vectors` holds new vectors for those that were re-encoded. */
  putChunks(records: readonly ChunkRecord[], vectors: ReadonlyArray<{ id: string; vector: Float32Array }>): void {
    const staleVectorIds: string[] = [];
    for (const record of records) {
      const old = this.chunks.get(record.id);
      if (old !== undefined) {
        this.countLanguage(old.language, -1);
        for (const id of old.vectorIds) if (!record.vectorIds.includes(id)) staleVectorIds.push(id);
      }
      this.chunks.set(record.id, record);
      this.countLanguage(record.language, 1);
      this.bm25.add(record.id, tokenize(keywordText(record)));
    }
    this.vectors.removeSync(staleVectorIds);
    this.vectors.upsertSync(vectors);
  }

  removeChunks(ids: readonly string[]): void {
    const vectorIds: string[] = [];
    for (const id of ids) {
      const old = this.chunks.get(id);
      if (old === undefined) continue;
      vectorIds.push(...old.vectorIds);
      this.countLanguage(old.language, -1);
      this.chunks.delete(id);
      this.bm25.remove(id);
    }
    this.vectors.removeSync(vectorIds);
  }

  private countLanguage(language: string, delta: number): void {
    this.languageCounts.set(language, (this.languageCounts.get(language) ?? 0) + delta);
  }
}

/**
 * Encodes the embedded texts of `records` in batches and returns one vector per vector id.
 *
 * @throws {@link DependencyError} when the encoder fails or returns the wrong number or size of vectors.
 */
export async function encodeChunks(options: {
  records: readonly ChunkRecord[];
  encoder: Encoder;
  config: Pick<KnowledgeBaseConfig, 'encodeBatchSize'>;
  signal?: AbortSignal;
}): Promise<Array<{ id: string; vector: Float32Array }>> {
  const items: Array<{ id: string; text: string }> = [];
  for (const record of options.records) {
    embedTexts(record).forEach((text, i) => items.push({ id: record.vectorIds[i] ?? `${record.id}#${i}`, text }));
  }
  // Identical texts (an FAQ question shared by several answers) are encoded once, and texts
  // are batched by length so that short headings are not padded to the longest passage.
  const unique = [...new Set(items.map((item) => item.text))].sort((a, b) => a.length - b.length);
  const byText = new Map<string, Float32Array>();
  const { encoder } = options;
  for (let start = 0; start < unique.length; start += options.config.encodeBatchSize) {
    options.signal?.throwIfAborted();
    const batch = unique.slice(start, start + options.config.encodeBatchSize);
    let vectors: Float32Array[];
    try {
      vectors = await encoder.encode(batch, { signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new DependencyError(`encoder ${encoder.id} failed`, error);
    }
    if (vectors.length !== batch.length || vectors.some((v) => v.length !== encoder.dimension)) {
      throw new DependencyError(`encoder ${encoder.id} returned ${vectors.length} vectors for ${batch.length} texts or a wrong dimension`);
    }
    batch.forEach((text, i) => byText.set(text, vectors[i] as Float32Array));
  }
  const out = items.map((item) => ({ id: item.id, vector: byText.get(item.text) as Float32Array }));
  return out;
}
