import { closeSync, openSync, readSync, writeSync, fstatSync } from 'node:fs';
import { InvalidInputError } from '../../core/errors.js';

/** Vectors stored row after row in one buffer: row i is `data.subarray(i * dim, (i + 1) * dim)`. */
export interface VectorSet {
  count: number;
  dim: number;
  data: Float32Array | Int32Array;
}

/**
 * Reads a TEXMEX `.fvecs` (float32) or `.ivecs` (int32) file: each record is its dimension
 * as a little-endian int32 followed by that many values.
 *
 * @remarks Reads in blocks into one preallocated array, so a 2 GB file needs 2 GB, not 4.
 */
export function readVecs(path: string, kind: 'f' | 'i'): VectorSet {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) !== 4) throw new InvalidInputError(`${path} is empty`);
    const dim = head.readInt32LE(0);
    const recordBytes = 4 + dim * 4;
    if (dim <= 0 || size % recordBytes !== 0) throw new InvalidInputError(`${path} is not a ${kind}vecs file of dimension ${dim}`);
    const count = size / recordBytes;
    const data = kind === 'f' ? new Float32Array(count * dim) : new Int32Array(count * dim);
    const perBlock = Math.max(1, Math.floor((16 << 20) / recordBytes));
    const block = Buffer.alloc(perBlock * recordBytes);
    for (let first = 0; first < count; first += perBlock) {
      const rows = Math.min(perBlock, count - first);
      readSync(fd, block, 0, rows * recordBytes, first * recordBytes);
      for (let r = 0; r < rows; r += 1) {
        const offset = r * recordBytes;
        if (block.readInt32LE(offset) !== dim) throw new InvalidInputError(`${path}: record ${first + r} has another dimension`);
        const values = kind === 'f'
          ? new Float32Array(block.buffer, block.byteOffset + offset + 4, dim)
          : new Int32Array(block.buffer, block.byteOffset + offset + 4, dim);
        data.set(values, (first + r) * dim);
      }
    }
    return { count, dim, data };
  } finally {
    closeSync(fd);
  }
}

/** Writes rows as a TEXMEX `.fvecs` / `.ivecs` file (by the array's type), in blocks. */
export function writeVecs(path: string, set: VectorSet): void {
  const { dim, count, data } = set;
  const recordBytes = 4 + dim * 4;
  const perBlock = Math.max(1, Math.floor((16 << 20) / recordBytes));
  const block = Buffer.alloc(perBlock * recordBytes);
  const fd = openSync(path, 'w');
  try {
    for (let first = 0; first < count; first += perBlock) {
      const rows = Math.min(perBlock, count - first);
      for (let r = 0; r < rows; r += 1) {
        const offset = r * recordBytes;
        block.writeInt32LE(dim, offset);
        const row = data.subarray((first + r) * dim, (first + r + 1) * dim);
        Buffer.from(row.buffer, row.byteOffset, row.byteLength).copy(block, offset + 4);
      }
      writeSync(fd, block, 0, rows * recordBytes);
    }
  } finally {
    closeSync(fd);
  }
}
