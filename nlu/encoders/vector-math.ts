import type { Encoder } from '../../core/encoder.js';

/** The per-call options of {@link Encoder.encode}. */
export type EncodeOptions = NonNullable<Parameters<Encoder['encode']>[1]>;

/**
 * Scales `vector` in place to unit length and returns it; a zero vector stays zero.
 *
 * @remarks Sums in float64 so that the norm of a 16k-dimension float32 vector is exact to
 * float32 precision.
 */
export function l2NormalizeInPlace<T extends Float32Array | Float64Array>(vector: T): T {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) {
    const v = vector[i] ?? 0;
    sum += v * v;
  }
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) * scale;
  return vector;
}

/** Dot product (the cosine similarity of two unit vectors). */
export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Cosine similarity of two vectors of any length; 0 when either is zero. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  const denominator = Math.sqrt(dot(a, a) * dot(b, b));
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/**
 * Splits `rows × width` values into one `Float32Array` per row, each L2-normalised.
 *
 * @remarks Copies each row (rather than a `subarray` view) so that callers may keep one vector
 * without pinning the whole batch buffer.
 */
export function splitRows(options: { data: ArrayLike<number>; rows: number; width: number }): Float32Array[] {
  const { data, rows, width } = options;
  const out: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Float32Array(width);
    for (let c = 0; c < width; c++) row[c] = data[r * width + c] ?? 0;
    out.push(l2NormalizeInPlace(row));
  }
  return out;
}
