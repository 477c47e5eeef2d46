import { describe, expect, it } from 'vitest';
import { fuse, FusionConfigSchema, maxPerGroup } from '../../retrieval/index.js';

const bm25 = [{ id: 'a', score: 9 }, { id: 'b', score: 6 }, { id: 'c', score: 3 }];
const vector = [{ id: 'b', score: 0.9 }, { id: 'd', score: 0.8 }, { id: 'a', score: 0.5 }];

describe('fuse', () => {
  it('computes reciprocal-rank fusion', () => {
    const fused = fuse({ bm25, vector }, { method: 'rrf', k: 60, bm25Weight: 1, vectorWeight: 1 });
    const byId = Object.fromEntries(fused.map((f) => [f.id, f]));
    expect(byId.a?.score).toBeCloseTo(1 / 61 + 1 / 63, 12);
    expect(byId.b?.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(byId.d?.score).toBeCloseTo(1 / 62, 12);
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(byId.a?.bm25).toEqual({ rank: 1, score: 9 });
    expect(byId.a?.vector).toEqual({ rank: 3, score: 0.5 });
    expect(byId.c?.vector).toBeNull();
  });

  it('weights the lists', () => {
    const fused = fuse({ bm25, vector }, { method: 'rrf', k: 1, bm25Weight: 3, vectorWeight: 1 });
    expect(fused[0]?.id).toBe('a');
  });

  it('mixes normalised scores in convex fusion', () => {
    const fused = fuse({ bm25, vector }, { method: 'convex', vectorWeight: 0.5 });
    const byId = Object.fromEntries(fused.map((f) => [f.id, f.score]));
    expect(byId.a).toBeCloseTo(0.5 * 0.5 + 0.5 * 1, 12);
    expect(byId.b).toBeCloseTo(0.5 * 0.9 + 0.5 * (6 / 9), 12);
    expect(byId.d).toBeCloseTo(0.5 * 0.8, 12);
  });

  it('uses only one list when the other is empty', () => {
    expect(fuse({ bm25: [], vector }, { method: 'rrf', k: 60, bm25Weight: 1, vectorWeight: 1 }).map((f) => f.id)).toEqual(['b', 'd', 'a']);
    expect(fuse({ bm25, vector: [] }, { method: 'convex', vectorWeight: 0.3 }).map((f) => f.id)).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties by keyword rank, then id', () => {
    const fused = fuse({ bm25: [{ id: 'x', score: 1 }], vector: [{ id: 'y', score: 1 }] }, { method: 'rrf', k: 60, bm25Weight: 1, vectorWeight: 1 });
    expect(fused.map((f) => f.id)).toEqual(['x', 'y']);
  });

  it('fills defaults from the schema', () => {
    expect(FusionConfigSchema.parse({ method: 'rrf' })).toEqual({ method: 'rrf', k: 60, bm25Weight: 1, vectorWeight: 1 });
    expect(FusionConfigSchema.safeParse({ method: 'convex', vectorWeight: 2 }).success).toBe(false);
  });
});

describe('maxPerGroup', () => {
  it('keeps the best score per group, best group first', () => {
    const hits = [{ id: 'c1#0', score: 0.4 }, { id: 'c2#1', score: 0.9 }, { id: 'c1#2', score: 0.7 }];
    expect(maxPerGroup(hits, (id) => id.split('#')[0])).toEqual([{ id: 'c2', score: 0.9 }, { id: 'c1', score: 0.7 }]);
  });
});
