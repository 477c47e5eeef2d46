import { z } from 'zod';

/** Kinds of knowledge the index holds; filters select on them. */
export const DOCUMENT_TYPES = ['article', 'faq', 'product'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** File formats the ingestion reads, decided from the file name (or the upload's content type). */
export const DOCUMENT_FORMATS = ['markdown', 'html', 'text', 'faq-csv', 'faq-json'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Languages the keyword index tokenises specially; anything else is treated as English-like text. */
export type ChunkLanguage = 'en' | 'zh';

/**
 * One retrievable unit: a section of an article (or a part of a long section), one FAQ entry,
 * or one product.
 *
 * @remarks `id` is stable: a hash of the document id, the heading path and the ordinal within
 * that heading, so re-ingesting an unchanged section yields the same id. `hash` covers
 * everything that is embedded, so an unchanged hash means the stored vectors are still valid.
 */
export const ChunkRecordSchema = z.object({
  id: z.string(),
  docId: z.string(),
  /** Document title first, then the headings down to this chunk. */
  titlePath: z.array(z.string()),
  /** Plain text shown as the answer passage (for FAQ entries: the answer). */
  text: z.string(),
  /** For FAQ entries: the question and extra example phrasings. */
  questions: z.array(z.string()).optional(),
  source: z.object({ title: z.string(), url: z.string().optional() }),
  language: z.enum(['en', 'zh']),
  type: z.enum(DOCUMENT_TYPES),
  category: z.string().optional(),
  hash: z.string(),
  /** Ids of this chunk's vectors in the vector index (one per embedded text). */
  vectorIds: z.array(z.string()),
});
export type ChunkRecord = z.infer<typeof ChunkRecordSchema>;

/** What {@link KnowledgeBaseService.upsertDocument} accepts; validated with zod at the edge. */
export const DocumentInputSchema = z.object({
  /** Stable document id; defaults to the file name. */
  id: z.string().min(1).max(200).optional(),
  title: z.string().min(1).max(300).optional(),
  /** Decides the format by its extension (`.md`, `.html`, `.txt`, `.csv`, `.json`). */
  fileName: z.string().min(1).max(300),
  content: z.union([z.string(), z.instanceof(Buffer), z.instanceof(Uint8Array)]),
  /** Overrides the type inferred from the format (FAQ files are `faq`, others `article`). */
  type: z.enum(DOCUMENT_TYPES).optional(),
  url: z.string().max(2000).optional(),
  category: z.string().max(200).optional(),
  /** Overrides language detection. */
  language: z.enum(['en', 'zh']).optional(),
});
export type DocumentInput = z.input<typeof DocumentInputSchema>;

/** Optional restrictions on a search. Every given field must match. */
export interface SearchFilters {
  language?: ChunkLanguage;
  type?: DocumentType | readonly DocumentType[];
  /** Product category (for products) or document category. */
  category?: string;
}

/** One fused search result, with where it ranked in each list (for debugging and tuning). */
export interface SearchHit {
  chunkId: string;
  docId: string;
  titlePath: string[];
  text: string;
  source: { title: string; url?: string };
  type: DocumentType;
  language: ChunkLanguage;
  category?: string;
  /** The fused score used for ranking. */
  score: number;
  /** Calibrated 0–1 confidence that this chunk answers the question (compared with the no-answer threshold). */
  confidence: number;
  /** Best cosine between the query and the chunk's vectors; null when the search did not encode the query. */
  similarity: number | null;
  /** IDF-weighted share of the query's keywords found in the chunk, 0–1. */
  coverage: number;
  bm25: { rank: number; score: number } | null;
  vector: { rank: number; score: number } | null;
}

/** Progress of a long ingestion, reported per file. */
export interface IngestProgress {
  done: number;
  total: number;
  file: string;
}

/** Summary of one document upsert. */
export interface UpsertResult {
  docId: string;
  chunks: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** Options of a batch upsert. */
export interface UpsertManyOptions {
  /** Marks where the documents come from; with `prune`, documents of that origin not in this batch are deleted. */
  origin?: string;
  prune?: boolean;
  onProgress?: (progress: { done: number; total: number; file: string }) => void;
  signal?: AbortSignal;
}

/** Outcome of a batch upsert: per-document results, documents refused (with why) and pruned ones. */
export interface UpsertManyResult {
  results: UpsertResult[];
  errors: Array<{ fileName: string; code: string; message: string }>;
  deleted: string[];
}
