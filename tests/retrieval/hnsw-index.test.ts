import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HNSW_FILES, HnswVectorIndex, IndexMismatchError } from '../../retrieval/index.js';

function unit(values: number[]): Float32Array {
  const v = Float32Array.from(values);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function randomVectors(count: number, dim: number, seed: number): Float32Array[] {
  let s = seed;
  const next = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648 - 0.5; };
  return Array.from({ length: count }, () => unit(Array.from({ length: dim }, next)));
}

describe('HnswVectorIndex', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hnsw-test-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('finds the nearest vectors by string id with cosine scores', async () => {
    const index = HnswVectorIndex.create({ dimension: 3 });
    await index.upsert([{ id: 'x', vector: unit([1, 0, 0]) }, { id: 'y', vector: unit([0, 1, 0]) }, { id: 'xy', vector: unit([1, 1, 0]) }]);
    const hits = await index.search(unit([1, 0.1, 0]), { k: 2 });
    expect(hits.map((h) => h.id)).toEqual(['x', 'xy']);
    expect(hits[0]?.score).toBeCloseTo(1 / Math.hypot(1, 0.1), 5);
    expect(index.size).toBe(3);
  });

  it('updates an id in place (markDelete + re-add) and deletes ids', async () => {
    const index = HnswVectorIndex.create({ dimension: 3 });
    await index.upsert([{ id: 'a', vector: unit([1, 0, 0]) }, { id: 'b', vector: unit([0, 1, 0]) }]);
    await index.upsert([{ id: 'a', vector: unit([0, 0, 1]) }]);
    expect(index.size).toBe(2);
    expect((await index.search(unit([0, 0, 1]), { k: 1 }))[0]?.id).toBe('a');
    expect((await index.search(unit([1, 0, 0]), { k: 2 })).map((h) => h.id)).not.toContain('ghost');
    await index.remove(['a', 'missing']);
    expect(index.size).toBe(1);
    expect((await index.search(unit([0, 0, 1]), { k: 5 })).map((h) => h.id)).toEqual(['b']);
  });

  it('grows past its initial capacity and keeps exact top-1 on small sets', async () => {
    const vectors = randomVectors(300, 16, 7);
    const index = HnswVectorIndex.create({ dimension: 16, initialCapacity: 16 });
    await index.upsert(vectors.map((vector, i) => ({ id: `v${i}`, vector })));
    expect(index.size).toBe(300);
    for (const i of [0, 99, 299]) expect((await index.search(vectors[i]!, { k: 1, efSearch: 100 }))[0]?.id).toBe(`v${i}`);
  });

  it('filters by id and never returns more than the live items', async () => {
    const vectors = randomVectors(20, 8, 3);
    const index = HnswVectorIndex.create({ dimension: 8 });
    await index.upsert(vectors.map((vector, i) => ({ id: `v${i}`, vector })));
    const even = await index.search(vectors[1]!, { k: 5, filter: (id) => Number(id.slice(1)) % 2 === 0 });
    expect(even).toHaveLength(5);
    expect(even.every((h) => Number(h.id.slice(1)) % 2 === 0)).toBe(true);
    expect(await index.search(vectors[0]!, { k: 100 })).toHaveLength(20);
  });

  it('saves to a folder and loads with the same results', async () => {
    const vectors = randomVectors(50, 8, 11);
    const index = HnswVectorIndex.create({ dimension: 8, encoderId: 'enc@1', dir, params: { M: 8, efConstruction: 50, efSearch: 20 } });
    await index.upsert(vectors.map((vector, i) => ({ id: `v${i}`, vector })));
    await index.remove(['v3']);
    await index.save();
    const loaded = await HnswVectorIndex.load(dir, { expect: { dimension: 8, encoderId: 'enc@1' } });
    expect(loaded.size).toBe(49);
    expect(loaded.params).toEqual({ M: 8, efConstruction: 50, efSearch: 20 });
    expect(await loaded.search(vectors[5]!, { k: 3 })).toEqual(await index.search(vectors[5]!, { k: 3 }));
    expect(loaded.has('v3')).toBe(false);
    await loaded.upsert([{ id: 'new', vector: vectors[3]! }]);
    expect((await loaded.search(vectors[3]!, { k: 1 }))[0]?.id).toBe('new');
  });

  it('refuses files of another encoder, dimension or a torn pair', async () => {
    const index = HnswVectorIndex.create({ dimension: 4, encoderId: 'enc@1', dir });
    await index.upsert([{ id: 'a', vector: unit([1, 2, 3, 4]) }]);
    await index.save();
    await expect(HnswVectorIndex.load(dir, { expect: { encoderId: 'enc@2' } })).rejects.toThrow(IndexMismatchError);
    await expect(HnswVectorIndex.load(dir, { expect: { dimension: 5 } })).rejects.toThrow(IndexMismatchError);
    writeFileSync(join(dir, HNSW_FILES.index), 'truncated');
    await expect(HnswVectorIndex.load(dir)).rejects.toThrow(IndexMismatchError);
  });

  it('refuses vectors of the wrong dimension', async () => {
    const index = HnswVectorIndex.create({ dimension: 4 });
    await expect(index.upsert([{ id: 'a', vector: new Float32Array(3) }])).rejects.toThrow('dimension');
  });
});
