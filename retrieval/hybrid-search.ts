import type { Encoder } from '../core/encoder.js';
import type { Bm25Index } from './bm25-index.js';
import type { KnowledgeBaseConfig } from './config.js';
import { fuse, maxPerGroup, type RankedHit } from './fusion.js';
import type { HnswVectorIndex } from './hnsw-index.js';
import { detectLanguage, tokenize } from './tokenizer.js';
import type { ChunkRecord, SearchFilters, SearchHit } from './types.js';

/** What a search reads; owned by the knowledge base. */
export interface SearchContext {
  chunks: ReadonlyMap<string, ChunkRecord>;
  bm25: Bm25Index;
  vectors: HnswVectorIndex;
  encoder: Encoder;
  config: KnowledgeBaseConfig;
}

/** Chunk id of a vector id (`<chunkId>#<n>`). */
export function chunkOfVector(vectorId: string): string {
  const hash = vectorId.lastIndexOf('#');
  return hash < 0 ? vectorId : vectorId.slice(0, hash);
}

/** A predicate over chunk records for the given filters, or undefined when nothing is filtered. */
export function chunkFilter(filters: SearchFilters | undefined): ((chunk: ChunkRecord) => boolean) | undefined {
  if (filters === undefined) return undefined;
  const types = filters.type === undefined ? undefined : new Set(typeof filters.type === 'string' ? [filters.type] : filters.type);
  const { language, category } = filters;
  if (types === undefined && language === undefined && category === undefined) return undefined;
  const lowerCategory = category?.toLowerCase();
  return (chunk) => (types === undefined || types.has(chunk.type))
    && (language === undefined || chunk.language === language)
    && (lowerCategory === undefined || chunk.category?.toLowerCase() === lowerCategory);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function normalised(vector: Float32Array): Float32Array {
  const norm = Math.sqrt(dot(vector, vector));
  return norm === 0 ? vector : vector.map((x) => x / norm);
}

/** Best cosine between the query and any of a chunk's vectors, for chunks the vector search did not return. */
function exactSimilarity(context: SearchContext, chunk: ChunkRecord, query: Float32Array): number {
  let best = 0;
  for (const id of chunk.vectorIds) {
    const vector = context.vectors.vectorOf(id);
    if (vector !== undefined) best = Math.max(best, dot(normalised(vector), query));
  }
  return best;
}

/** Which lists a search ranks by: both fused, or one alone (for comparison and debugging). */
export type SearchMode = 'hybrid' | 'bm25' | 'vector';

async function vectorCandidates(context: SearchContext, query: string, options: { candidates: number; keep?: (chunkId: string) => boolean; signal?: AbortSignal }): Promise<{ queryVector: Float32Array; hits: RankedHit[] }> {
  const [rawQuery] = await context.encoder.encode([query], { signal: options.signal });
  const queryVector = normalised(rawQuery ?? new Float32Array(context.vectors.dimension));
  const { keep } = options;
  // Several vectors per chunk: over-fetch so that collapsing to chunks still leaves enough.
  const vectorHits = await context.vectors.search(queryVector, {
    k: options.candidates * 3,
    filter: keep === undefined ? undefined : (vectorId) => keep(chunkOfVector(vectorId)),
  });
  return { queryVector, hits: maxPerGroup(vectorHits, chunkOfVector).slice(0, options.candidates) };
}

/**
 * Hybrid search: BM25 and HNSW candidates fused, each result with a calibrated confidence.
 *
 * @remarks The confidence mixes the best cosine between the question and the chunk's vectors
 * (`similarity`) with the IDF-weighted share of the question's keywords the chunk contains
 * (`coverage`). Fused scores are not comparable across questions (RRF gives rank 1 the same
 * score however poor it is); the confidence is, so the no-answer threshold applies to it.
 * Mode `bm25` does not call the encoder; its hits have no similarity.
 */
export async function hybridSearch(context: SearchContext, query: string, options: { k: number; filters?: SearchFilters; signal?: AbortSignal; mode?: SearchMode }): Promise<SearchHit[]> {
  const { chunks, bm25, config } = context;
  const mode = options.mode ?? 'hybrid';
  const terms = tokenize(query);
  const accept = chunkFilter(options.filters);
  const keep = accept === undefined ? undefined : (chunkId: string) => {
    const chunk = chunks.get(chunkId);
    return chunk !== undefined && accept(chunk);
  };
  const candidates = Math.max(options.k, config.candidates);
  const bm25Hits = mode === 'vector' ? [] : bm25.search(terms, { k: candidates, filter: keep });
  // An encoder that does not know the question's language gives similarities that mean
  // nothing (USE-lite finds all Chinese alike): rank and judge such questions by keywords.
  const languages = context.encoder.languages;
  const understood = languages === undefined || languages.includes(detectLanguage(query));
  const vector = mode === 'bm25' || (mode === 'hybrid' && !understood) ? undefined : await vectorCandidates(context, query, { candidates, keep, signal: options.signal });
  const fused = fuse({ bm25: bm25Hits, vector: vector?.hits ?? [] }, config.fusion).slice(0, options.k);
  const hits: SearchHit[] = [];
  for (const hit of fused) {
    const chunk = chunks.get(hit.id);
    if (chunk === undefined) continue;
    const similarity = vector === undefined ? null : hit.vector?.score ?? exactSimilarity(context, chunk, vector.queryVector);
    const coverage = bm25.coverage(terms, chunk.id);
    hits.push({
      chunkId: chunk.id, docId: chunk.docId, titlePath: chunk.titlePath, text: chunk.text, source: chunk.source,
      type: chunk.type, language: chunk.language, category: chunk.category, score: hit.score,
      confidence: confidenceOf({ similarity, coverage, vectorWeight: config.confidenceVectorWeight }),
      similarity, coverage, bm25: hit.bm25, vector: hit.vector,
    });
  }
  return hits;
}

/** The 0–1 confidence of a hit: `w · similarity + (1 − w) · coverage` (coverage alone without a similarity). */
export function confidenceOf(options: { similarity: number | null; coverage: number; vectorWeight: number }): number {
  const { similarity, coverage, vectorWeight: w } = options;
  const value = similarity === null ? coverage : w * similarity + (1 - w) * coverage;
  return Math.max(0, Math.min(1, value));
}
