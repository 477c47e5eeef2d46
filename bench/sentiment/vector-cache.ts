import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Encoder } from '../../core/encoder.js';

/** An encoder whose vectors are kept in a file between runs, for tuning. */
export interface DiskCachedEncoder extends Encoder {
  /** Writes the vectors computed so far. */
  save(): Promise<void>;
}

const key = (text: string) => createHash('sha1').update(text).digest('base64');

/**
 * Wraps an encoder with a file cache in `dir` named after the encoder's id.
 *
 * @remarks Only for benchmark tuning runs (`--cache-dir`): the same texts are encoded again
 * in every run, and USE-lite takes minutes for SST-2. Layout: JSON lines `[sha1, base64 floats]`.
 */
export async function withDiskCache(encoder: Encoder, dir: string): Promise<DiskCachedEncoder> {
  const file = path.join(dir, `${encoder.id.replace(/[^\w.@-]/g, '_')}.jsonl`);
  const vectors = new Map<string, Float32Array>();
  const text = await readFile(file, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [k, data] = JSON.parse(line) as [string, string];
    const bytes = Buffer.from(data, 'base64');
    vectors.set(k, new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }
  const fresh = new Map<string, Float32Array>();
  return {
    id: encoder.id,
    dimension: encoder.dimension,
    ...(encoder.languages === undefined ? {} : { languages: encoder.languages }),
    async encode(texts, options) {
      const missing = [...new Set(texts.filter((t) => !vectors.has(key(t))))];
      if (missing.length > 0) {
        const encoded = await encoder.encode(missing, options);
        missing.forEach((t, i) => {
          const v = encoded[i] as Float32Array;
          vectors.set(key(t), v);
          fresh.set(key(t), v);
        });
      }
      return texts.map((t) => vectors.get(key(t)) as Float32Array);
    },
    async save() {
      if (fresh.size === 0) return;
      await mkdir(dir, { recursive: true });
      const lines = [...fresh].map(([k, v]) => JSON.stringify([k, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')]));
      await writeFile(file, `${lines.join('\n')}\n`, { flag: 'a' });
      fresh.clear();
    },
    async dispose() {
      await encoder.dispose?.();
    },
  };
}
