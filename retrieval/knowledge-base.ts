import { mkdir } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Encoder } from '../core/encoder.js';
import { CounterpartError, DependencyError, InvalidInputError, NotFoundError } from '../core/errors.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { KnowledgeAnswer, KnowledgeBase } from '../core/tools.js';
import type { Database } from '../store/schema.js';
import { composeAnswer } from './answer.js';
import { ingestCatalogue } from './catalogue.js';
import { KnowledgeBaseConfigSchema, type KnowledgeBaseConfig, type KnowledgeBaseConfigInput } from './config.js';
import { prepareDocument, type PreparedDocument } from './document-prep.js';
import { HnswVectorIndex } from './hnsw-index.js';
import { hybridSearch, type SearchMode } from './hybrid-search.js';
import { ingestFolder, type IngestFolderOptions } from './ingest-folder.js';
import { encodeChunks, IndexState } from './index-state.js';
import { readManifest, writeGeneration, generationDir } from './manifest.js';
import type { DocumentInput, SearchFilters, SearchHit, UpsertManyOptions, UpsertManyResult, UpsertResult } from './types.js';

/** Options of {@link createKnowledgeBase}: where the index lives, the encoder, and tuning. */
export interface KnowledgeBaseOptions extends KnowledgeBaseConfigInput {
  /** Folder of the persisted index; created if missing. */
  dir: string;
  encoder: Encoder;
  /** @defaultValue silent */
  logger?: Logger;
}

/**
 * The knowledge base: the core `KnowledgeBase` port (`answer`) plus ingestion, search and
 * administration. Create it with {@link createKnowledgeBase}.
 *
 * @remarks Mutations run one at a time (a promise chain); each validates and encodes before
 * touching the indexes, applies synchronously, then saves a new generation to disk.
 */
export class KnowledgeBaseService implements KnowledgeBase {
  readonly config: KnowledgeBaseConfig;
  private readonly dir: string;
  private readonly encoder: Encoder;
  private readonly logger: Logger;
  private state: IndexState;
  private generation: number;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** @internal Use {@link createKnowledgeBase}. */
  constructor(options: { dir: string; encoder: Encoder; logger: Logger; config: KnowledgeBaseConfig; state: IndexState; generation: number }) {
    this.dir = options.dir;
    this.encoder = options.encoder;
    this.logger = options.logger;
    this.config = options.config;
    this.state = options.state;
    this.generation = options.generation;
  }

  /**
   * Answers a question from the knowledge base, or returns null when nothing is confident
   * enough (the bot then says it does not know and offers a human).
   *
   * @remarks With `language`, only chunks in that language are searched when there are any.
   */
  async answer(question: string, options: { language?: string; signal?: AbortSignal; filters?: SearchFilters } = {}): Promise<KnowledgeAnswer | null> {
    const language = options.language === 'en' || options.language === 'zh' ? options.language : undefined;
    const filters: SearchFilters = { ...options.filters };
    if (language !== undefined && this.state.hasLanguage(language) && filters.language === undefined) filters.language = language;
    const hits = await this.search(question, { k: 8, filters, signal: options.signal });
    return composeAnswer(question, hits, { threshold: this.config.noAnswerThreshold, termWeight: (term) => this.state.bm25.idf(term) });
  }

  /** Hybrid search, best first, with each hit's BM25 and vector ranks (for debugging and tuning). */
  async search(query: string, options: { k?: number; filters?: SearchFilters; signal?: AbortSignal; mode?: SearchMode } = {}): Promise<SearchHit[]> {
    this.assertOpen();
    const text = query.trim();
    if (text.length === 0) throw new InvalidInputError('the query is empty');
    const { state } = this;
    return hybridSearch(
      { chunks: state.chunks, bm25: state.bm25, vectors: state.vectors, encoder: this.encoder, config: this.config },
      text,
      { k: options.k ?? 10, filters: options.filters, signal: options.signal, mode: options.mode },
    );
  }

  /**
   * Adds or replaces one document; only chunks whose text changed are re-encoded.
   *
   * @throws `UnsupportedDocumentTypeError` (415), `DocumentTooLargeError` (413),
   * `DocumentParseError` / `InvalidInputError` (400); the index is then unchanged.
   */
  async upsertDocument(input: DocumentInput, options: { signal?: AbortSignal } = {}): Promise<UpsertResult> {
    return this.exclusive(async () => {
      const prepared = prepareDocument(input, this.config);
      const result = await this.apply(prepared, { signal: options.signal });
      await this.save();
      return result;
    });
  }

  /** Adds or replaces many documents and saves once; a refused document is reported, not fatal. */
  async upsertDocuments(inputs: readonly DocumentInput[], options: UpsertManyOptions = {}): Promise<UpsertManyResult> {
    return this.exclusive(async () => {
      const outcome: UpsertManyResult = { results: [], errors: [], deleted: [] };
      for (const [i, input] of inputs.entries()) {
        options.signal?.throwIfAborted();
        try {
          const prepared = prepareDocument(input, this.config);
          outcome.results.push(await this.apply(prepared, { origin: options.origin, signal: options.signal }));
        } catch (error) {
          if (!(error instanceof CounterpartError) || error instanceof DependencyError) throw error;
          outcome.errors.push({ fileName: input.fileName, code: error.code, message: error.message });
        }
        options.onProgress?.({ done: i + 1, total: inputs.length, file: input.fileName });
      }
      if (options.prune && options.origin !== undefined) {
        const kept = new Set(outcome.results.map((r) => r.docId));
        for (const input of inputs) kept.add(input.id ?? input.fileName);
        for (const doc of this.state.documents.values()) {
          if (doc.origin === options.origin && !kept.has(doc.id)) outcome.deleted.push(doc.id);
        }
        for (const id of outcome.deleted) this.removeDocument(id);
      }
      await this.save();
      return outcome;
    });
  }

  /**
   * Deletes a document and all its chunks from both indexes.
   *
   * @throws {@link NotFoundError} for an unknown id.
   */
  async deleteDocument(id: string): Promise<{ docId: string; removed: number }> {
    return this.exclusive(async () => {
      const removed = this.removeDocument(id);
      if (removed === undefined) throw new NotFoundError('document', { id });
      await this.save();
      return { docId: id, removed };
    });
  }

  /**
   * Re-encodes every chunk and rebuilds both indexes (after an encoder or HNSW parameter change).
   */
  async reindex(options: { signal?: AbortSignal } = {}): Promise<{ chunks: number; vectors: number }> {
    return this.exclusive(async () => {
      const records = [...this.state.chunks.values()];
      const vectors = await encodeChunks({ records, encoder: this.encoder, config: this.config, signal: options.signal });
      const fresh = new IndexState(this.newVectorIndex(vectors.length));
      for (const doc of this.state.documents.values()) fresh.documents.set(doc.id, doc);
      fresh.putChunks(records, vectors);
      this.state = fresh;
      await this.save();
      return { chunks: records.length, vectors: vectors.length };
    });
  }

  /**
   * Ingests every supported file under a folder (see {@link ingestFolder}); documents ingested
   * earlier from the same folder whose files are gone are deleted.
   */
  async ingestFolder(folder: string, options: IngestFolderOptions = {}): Promise<UpsertManyResult> {
    return ingestFolder(this, folder, options);
  }

  /** Ingests the store's active products as `product` documents (see {@link ingestCatalogue}). */
  async ingestCatalogue(db: Kysely<Database>, options: { signal?: AbortSignal } = {}): Promise<UpsertManyResult> {
    return ingestCatalogue(this, db, options);
  }

  /** Counts, for health checks and the admin API. */
  stats(): { documents: number; chunks: number; vectors: number; encoderId: string } {
    return { documents: this.state.documents.size, chunks: this.state.chunks.size, vectors: this.state.vectors.size, encoderId: this.encoder.id };
  }

  /** The documents held, without their text. */
  listDocuments(): Array<{ id: string; title: string; fileName: string; type: string; chunks: number }> {
    return [...this.state.documents.values()].map((d) => ({ id: d.id, title: d.title, fileName: d.fileName, type: d.type, chunks: d.chunkIds.length }));
  }

  /** Waits for pending changes; later calls fail. The files on disk are already saved. */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.closed = true;
  }

  private async apply(prepared: PreparedDocument, options: { origin?: string; signal?: AbortSignal }): Promise<UpsertResult> {
    const { state } = this;
    const oldIds = new Set(state.documents.get(prepared.id)?.chunkIds ?? []);
    const changed = prepared.chunks.filter((chunk) => state.chunks.get(chunk.id)?.hash !== chunk.hash);
    const vectors = await encodeChunks({ records: changed, encoder: this.encoder, config: this.config, signal: options.signal });
    const newIds = new Set(prepared.chunks.map((c) => c.id));
    const stale = [...oldIds].filter((id) => !newIds.has(id));
    // Another document may have owned a colliding id only by replacing it; ids include the doc id, so this is the doc's own.
    state.removeChunks(stale);
    state.putChunks(prepared.chunks, vectors);
    state.documents.set(prepared.id, {
      id: prepared.id, title: prepared.title, fileName: prepared.fileName, type: prepared.type,
      origin: options.origin ?? state.documents.get(prepared.id)?.origin, chunkIds: [...newIds],
    });
    const added = changed.filter((c) => !oldIds.has(c.id)).length;
    return { docId: prepared.id, chunks: prepared.chunks.length, added, updated: changed.length - added, removed: stale.length, unchanged: prepared.chunks.length - changed.length };
  }

  private removeDocument(id: string): number | undefined {
    const doc = this.state.documents.get(id);
    if (doc === undefined) return undefined;
    this.state.removeChunks(doc.chunkIds);
    this.state.documents.delete(id);
    return doc.chunkIds.length;
  }

  private newVectorIndex(capacity: number): HnswVectorIndex {
    return HnswVectorIndex.create({ dimension: this.encoder.dimension, params: this.config.hnsw, encoderId: this.encoder.id, initialCapacity: Math.max(1024, capacity) });
  }

  private async save(): Promise<void> {
    const generation = this.generation + 1;
    const { state } = this;
    try {
      await writeGeneration({
        dir: this.dir,
        manifest: { generation, encoderId: this.encoder.id, dimension: this.encoder.dimension, documents: [...state.documents.values()] },
        chunks: state.chunks.values(),
        write: (target) => state.vectors.saveTo(target),
      });
    } catch (error) {
      throw error instanceof CounterpartError ? error : new DependencyError(`could not save the knowledge base to ${this.dir}`, error);
    }
    this.generation = generation;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.assertOpen();
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closed) throw new InvalidInputError('the knowledge base is closed');
  }
}

/**
 * Opens the knowledge base in `dir` (creating an empty one if the folder has none).
 *
 * @remarks An index built with another encoder (different id or dimension) is re-encoded
 * from its chunk records on open, so switching encoders needs no manual step.
 * @example
 * ```ts
 * const kb = await createKnowledgeBase({ dir: 'data/kb', encoder: await createUseLiteEncoder() });
 * await kb.ingestFolder('store/demo-shop/kb');
 * const answer = await kb.answer('Do you ship to Norway?');
 * ```
 */
export async function createKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBaseService> {
  const { dir, encoder, logger = silentLogger, ...rest } = options;
  const parsedConfig = KnowledgeBaseConfigSchema.safeParse(rest);
  if (!parsedConfig.success) throw new InvalidInputError(`invalid knowledge-base options: ${parsedConfig.error.issues[0]?.message ?? ''}`);
  const config = parsedConfig.data;
  await mkdir(dir, { recursive: true });
  const saved = await readManifest(dir);
  const compatible = saved !== null && saved.manifest.encoderId === encoder.id && saved.manifest.dimension === encoder.dimension;
  const vectors = saved !== null && compatible
    ? await HnswVectorIndex.load(generationDir(dir, saved.manifest.generation), { efSearch: config.hnsw.efSearch, expect: { dimension: encoder.dimension, encoderId: encoder.id } })
    : HnswVectorIndex.create({ dimension: encoder.dimension, params: config.hnsw, encoderId: encoder.id });
  const state = new IndexState(vectors);
  const service = new KnowledgeBaseService({ dir, encoder, logger, config, state, generation: saved?.manifest.generation ?? 0 });
  if (saved === null) return service;
  for (const doc of saved.manifest.documents) state.documents.set(doc.id, doc);
  if (compatible) {
    state.putChunks(saved.chunks, []);
    return service;
  }
  logger.warn({ from: saved.manifest.encoderId, to: encoder.id }, 'knowledge base was built with another encoder; re-encoding');
  state.putChunks(saved.chunks, []);
  await service.reindex();
  return service;
}
