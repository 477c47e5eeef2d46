/**
 * Turns texts into fixed-size vectors. Implementations: USE-lite (default), ONNX transformer
 * encoders from a local folder, hashed character/word n-grams.
 *
 * @remarks Batched: callers pass many texts at once so the encoder can vectorise them together.
 * Vectors are L2-normalised, so a dot product is the cosine similarity.
 */
export interface Encoder {
  /** Stable identifier, recorded in model and index manifests (for example `use-lite@0.2.0`). */
  readonly id: string;
  readonly dimension: number;
  /**
   * Languages whose meaning the vectors capture (ISO 639-1). Absent: any language, as for
   * multilingual models and n-gram hashing. Callers should not trust similarities for others.
   */
  readonly languages?: readonly string[];
  encode(texts: readonly string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
  /** Frees native or GPU memory held by the encoder. */
  dispose?(): Promise<void>;
}

/** A nearest-neighbour hit. `score` is a similarity: higher is closer. */
export interface VectorHit {
  id: string;
  score: number;
}

/**
 * An approximate nearest-neighbour index over string ids, persisted to disk.
 *
 * @remarks Add, update (add with an existing id) and delete are incremental.
 */
export interface VectorIndex {
  readonly dimension: number;
  readonly size: number;
  upsert(items: ReadonlyArray<{ id: string; vector: Float32Array }>): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  search(vector: Float32Array, options: { k: number; efSearch?: number }): Promise<VectorHit[]>;
  save(): Promise<void>;
}
