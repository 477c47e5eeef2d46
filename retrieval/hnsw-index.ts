import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { HierarchicalNSW } from 'hnswlib-node';
import { z } from 'zod';
import type { VectorHit, VectorIndex } from '../core/encoder.js';
import { DependencyError, InvalidInputError } from '../core/errors.js';
import { IndexMismatchError } from './errors.js';
import { moveIntoPlace, tempPathFor, writeFileAtomic } from './persist.js';

/** HNSW parameters; see the hnswlib documentation for the trade-offs. */
export interface HnswParams {
  /** Graph degree: more links, better recall, more memory. @defaultValue 16 */
  M: number;
  /** Candidate list size while building: higher builds slower and searches better. @defaultValue 200 */
  efConstruction: number;
  /** Candidate list size while searching (at least k). @defaultValue 64 */
  efSearch: number;
}

/** Defaults measured with `bench/retrieval --ann` (see the README): recall@10 ≥ 0.98 below 1 ms at 1M × 512. */
export const HNSW_DEFAULTS: Readonly<HnswParams> = { M: 16, efConstruction: 200, efSearch: 64 };

export type HnswSpace = 'cosine' | 'ip' | 'l2';

/** File names inside an index folder. */
export const HNSW_FILES = { index: 'vectors.hnsw', meta: 'vectors.json' } as const;

const MetaSchema = z.object({
  format: z.literal(1),
  dimension: z.number().int().positive(),
  space: z.enum(['cosine', 'ip', 'l2']),
  M: z.number().int().positive(),
  efConstruction: z.number().int().positive(),
  efSearch: z.number().int().positive(),
  encoderId: z.string().optional(),
  nextLabel: z.number().int().nonnegative(),
  /** Byte size of the index file written with this metadata, to catch a mismatched pair. */
  indexBytes: z.number().int().nonnegative(),
  /** `[id, label]` pairs of the live items. */
  labels: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
});
export type HnswMeta = z.infer<typeof MetaSchema>;

/** Options of {@link HnswVectorIndex.create}. */
export interface HnswCreateOptions {
  dimension: number;
  params?: Partial<HnswParams>;
  /** @defaultValue 'cosine' (vectors are normalised on the way in, so `ip` gives the same order) */
  space?: HnswSpace;
  /** Recorded in the metadata and checked on load. */
  encoderId?: string;
  /** Starting capacity; the index doubles when it fills. @defaultValue 1024 */
  initialCapacity?: number;
  /** Folder that {@link HnswVectorIndex.save} writes to. */
  dir?: string;
}

/** Search options; `filter` is an extension of the core port for filtered search. */
export interface HnswSearchOptions {
  k: number;
  efSearch?: number;
  filter?: (id: string) => boolean;
}

function loadNative(): typeof import('hnswlib-node') {
  // hnswlib-node is a CommonJS native addon; load it lazily so importing this module is cheap.
  const require = createRequire(import.meta.url);
  return require('hnswlib-node') as typeof import('hnswlib-node');
}

/**
 * {@link VectorIndex} over hnswlib-node: string ids mapped to integer labels, deletes and
 * updates by `markDelete` (updates re-add under a new label, reusing deleted slots), growth
 * by `resizeIndex`, and persistence as an index file plus a JSON metadata file.
 *
 * @remarks Scores are similarities: `1 - distance` for `cosine`/`ip` (the cosine for unit
 * vectors), `-distance` for `l2`.
 *
 * @example
 * ```ts
 * const index = HnswVectorIndex.create({ dimension: 512, dir: 'data/kb/vectors' });
 * await index.upsert([{ id: 'a', vector }]);
 * const hits = await index.search(query, { k: 5 });
 * await index.save();
 * ```
 */
export class HnswVectorIndex implements VectorIndex {
  readonly dimension: number;
  readonly space: HnswSpace;
  readonly params: HnswParams;
  readonly encoderId: string | undefined;
  private readonly native: HierarchicalNSW;
  private readonly labelOf = new Map<string, number>();
  private readonly idOf = new Map<number, string>();
  private nextLabel = 0;
  private dir: string | undefined;

  private constructor(options: { native: HierarchicalNSW; dimension: number; space: HnswSpace; params: HnswParams; encoderId?: string; dir?: string }) {
    this.native = options.native;
    this.dimension = options.dimension;
    this.space = options.space;
    this.params = options.params;
    this.encoderId = options.encoderId;
    this.dir = options.dir;
  }

  /** A new, empty index. */
  static create(options: HnswCreateOptions): HnswVectorIndex {
    const params = { ...HNSW_DEFAULTS, ...options.params };
    const space = options.space ?? 'cosine';
    const native = new (loadNative().HierarchicalNSW)(space, options.dimension);
    native.initIndex({ maxElements: Math.max(16, options.initialCapacity ?? 1024), m: params.M, efConstruction: params.efConstruction, allowReplaceDeleted: true });
    native.setEf(params.efSearch);
    return new HnswVectorIndex({ native, dimension: options.dimension, space, params, encoderId: options.encoderId, dir: options.dir });
  }

  /** Whether `dir` holds a saved index. */
  static exists(dir: string): boolean {
    return existsSync(join(dir, HNSW_FILES.meta)) && existsSync(join(dir, HNSW_FILES.index));
  }

  /**
   * Opens an index saved by {@link save}.
   *
   * @throws {@link IndexMismatchError} when the files are unreadable or were built for another
   * encoder or dimension than `expect` names.
   */
  static async load(dir: string, options: { efSearch?: number; expect?: { dimension?: number; encoderId?: string } } = {}): Promise<HnswVectorIndex> {
    const meta = await readMeta(dir);
    const { expect } = options;
    if (expect?.dimension !== undefined && expect.dimension !== meta.dimension) {
      throw new IndexMismatchError(`index in ${dir} has dimension ${meta.dimension}, expected ${expect.dimension}`);
    }
    if (expect?.encoderId !== undefined && meta.encoderId !== undefined && expect.encoderId !== meta.encoderId) {
      throw new IndexMismatchError(`index in ${dir} was built with encoder ${meta.encoderId}, not ${expect.encoderId}`);
    }
    const file = join(dir, HNSW_FILES.index);
    if ((await stat(file)).size !== meta.indexBytes) throw new IndexMismatchError(`index file in ${dir} does not match its metadata`);
    const native = new (loadNative().HierarchicalNSW)(meta.space, meta.dimension);
    await native.readIndex(file, true);
    const params = { M: meta.M, efConstruction: meta.efConstruction, efSearch: options.efSearch ?? meta.efSearch };
    native.setEf(params.efSearch);
    const index = new HnswVectorIndex({ native, dimension: meta.dimension, space: meta.space, params, encoderId: meta.encoderId, dir });
    for (const [id, label] of meta.labels) index.bind(id, label);
    index.nextLabel = meta.nextLabel;
    return index;
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.labelOf.size;
  }

  has(id: string): boolean {
    return this.labelOf.has(id);
  }

  ids(): string[] {
    return [...this.labelOf.keys()];
  }

  /** The stored vector of `id` (normalised, in the `cosine` space), or undefined. */
  vectorOf(id: string): Float32Array | undefined {
    const label = this.labelOf.get(id);
    return label === undefined ? undefined : Float32Array.from(this.native.getPoint(label));
  }

  async upsert(items: ReadonlyArray<{ id: string; vector: Float32Array }>): Promise<void> {
    this.upsertSync(items);
  }

  /** Synchronous {@link upsert}, for bulk builds that report progress between batches. */
  upsertSync(items: ReadonlyArray<{ id: string; vector: Float32Array }>): void {
    for (const item of items) {
      if (item.vector.length !== this.dimension) {
        throw new InvalidInputError(`vector for "${item.id}" has dimension ${item.vector.length}, expected ${this.dimension}`);
      }
    }
    this.ensureCapacity(items.length);
    for (const { id, vector } of items) {
      const old = this.labelOf.get(id);
      if (old !== undefined) {
        this.native.markDelete(old);
        this.unbind(id, old);
      }
      const label = this.nextLabel;
      this.nextLabel += 1;
      // replaceDeleted: reuse the memory of a deleted vector rather than growing the index.
      this.native.addPoint(Array.from(vector), label, true);
      this.bind(id, label);
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    this.removeSync(ids);
  }

  /** Synchronous {@link remove}. */
  removeSync(ids: readonly string[]): void {
    for (const id of ids) {
      const label = this.labelOf.get(id);
      if (label === undefined) continue;
      this.native.markDelete(label);
      this.unbind(id, label);
    }
  }

  async search(vector: Float32Array, options: HnswSearchOptions): Promise<VectorHit[]> {
    return this.searchSync(vector, options);
  }

  /** Synchronous {@link search}: the benchmark times this without promise overhead as well. */
  searchSync(vector: Float32Array, options: HnswSearchOptions): VectorHit[] {
    if (vector.length !== this.dimension) throw new InvalidInputError(`query has dimension ${vector.length}, expected ${this.dimension}`);
    const k = Math.min(options.k, this.labelOf.size);
    if (k <= 0) return [];
    this.native.setEf(Math.max(options.efSearch ?? this.params.efSearch, k));
    const { filter } = options;
    const labelFilter = filter === undefined ? undefined : (label: number) => {
      const id = this.idOf.get(label);
      return id !== undefined && filter(id);
    };
    const result = this.native.searchKnn(Array.from(vector), k, labelFilter);
    const hits: VectorHit[] = [];
    for (let i = 0; i < result.neighbors.length; i += 1) {
      const id = this.idOf.get(result.neighbors[i] ?? -1);
      const distance = result.distances[i] ?? Number.POSITIVE_INFINITY;
      if (id !== undefined) hits.push({ id, score: this.space === 'l2' ? -distance : 1 - distance });
    }
    return hits;
  }

  /** Saves to the folder given at creation or load. */
  async save(): Promise<void> {
    if (this.dir === undefined) throw new InvalidInputError('this index has no folder: use saveTo(dir)');
    await this.saveTo(this.dir);
  }

  /**
   * Writes the index file and then the metadata file, each to a temporary name and renamed
   * into place; the metadata records the index file's size so a torn pair is detected on load.
   */
  async saveTo(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const file = join(dir, HNSW_FILES.index);
    const temp = tempPathFor(file);
    try {
      await this.native.writeIndex(temp);
    } catch (error) {
      throw new DependencyError(`could not write the vector index to ${dir}`, error);
    }
    const indexBytes = (await stat(temp)).size;
    await moveIntoPlace(temp, file);
    const meta: HnswMeta = {
      format: 1, dimension: this.dimension, space: this.space, M: this.params.M, efConstruction: this.params.efConstruction,
      efSearch: this.params.efSearch, encoderId: this.encoderId, nextLabel: this.nextLabel, indexBytes,
      labels: [...this.labelOf.entries()],
    };
    await writeFileAtomic(join(dir, HNSW_FILES.meta), JSON.stringify(meta));
    this.dir = dir;
  }

  private ensureCapacity(adding: number): void {
    const needed = this.native.getCurrentCount() + adding;
    const max = this.native.getMaxElements();
    if (needed > max) this.native.resizeIndex(Math.max(needed, max * 2));
  }

  private bind(id: string, label: number): void {
    this.labelOf.set(id, label);
    this.idOf.set(label, id);
  }

  private unbind(id: string, label: number): void {
    this.labelOf.delete(id);
    this.idOf.delete(label);
  }
}

async function readMeta(dir: string): Promise<HnswMeta> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, HNSW_FILES.meta), 'utf8'));
  } catch (error) {
    throw new IndexMismatchError(`could not read the vector index metadata in ${dir}`, { cause: String(error) });
  }
  const parsed = MetaSchema.safeParse(raw);
  if (!parsed.success) throw new IndexMismatchError(`vector index metadata in ${dir} is invalid`, { issues: parsed.error.issues.length });
  return parsed.data;
}
