/**
 * Knowledge-base retrieval: ingestion of articles, FAQ files and the product catalogue,
 * HNSW vector and BM25 keyword indexes, hybrid search and cited answers.
 *
 * @remarks `createKnowledgeBase` returns a service that implements the core `KnowledgeBase`
 * port for the bot and the administration methods the admin API and the CLI use.
 */
export { createKnowledgeBase, KnowledgeBaseService, type KnowledgeBaseOptions } from './knowledge-base.js';
export { KnowledgeBaseConfigSchema, type KnowledgeBaseConfig, type KnowledgeBaseConfigInput } from './config.js';
export { HnswVectorIndex, HNSW_DEFAULTS, HNSW_FILES, type HnswCreateOptions, type HnswParams, type HnswSearchOptions, type HnswSpace } from './hnsw-index.js';
export { Bm25Index, type Bm25Hit, type Bm25Options } from './bm25-index.js';
export { fuse, maxPerGroup, DEFAULT_FUSION, FusionConfigSchema, type FusedHit, type FusionConfig, type FusionInput, type RankedHit } from './fusion.js';
export { stemEn } from './stemmer-en.js';
export { tokenize, detectLanguage } from './tokenizer.js';
export { splitSentences } from './sentences.js';
export { composeAnswer, trimPassage, type ComposeOptions } from './answer.js';
export { chunkDocument, chunkId, embedTexts, keywordText } from './chunker.js';
export { parseDocument, formatOfFileName, parseCsv, FaqJsonSchema, type FaqEntry, type ParsedDocument, type Section } from './parsers/index.js';
export { ingestFolder, type BatchUpserter, type IngestFolderOptions } from './ingest-folder.js';
export { ingestCatalogue, productDocument, CATALOGUE_ORIGIN } from './catalogue.js';
export { chunkFilter, confidenceOf, type SearchMode } from './hybrid-search.js';
export { DocumentParseError, DocumentTooLargeError, IndexMismatchError, UnsupportedDocumentTypeError } from './errors.js';
export {
  ChunkRecordSchema,
  DOCUMENT_FORMATS,
  DOCUMENT_TYPES,
  DocumentInputSchema,
  type ChunkLanguage,
  type ChunkRecord,
  type DocumentFormat,
  type DocumentInput,
  type DocumentType,
  type IngestProgress,
  type SearchFilters,
  type SearchHit,
  type UpsertManyOptions,
  type UpsertManyResult,
  type UpsertResult,
} from './types.js';
