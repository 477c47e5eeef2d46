import { describe, expect, it } from 'vitest';
import type { Encoder } from '../../../core/encoder.js';
import { createHashedNgramEncoder, withCache } from '../../../nlu/encoders/index.js';
import { describeEncoderConformance } from './encoder-conformance.js';

/** A fake encoder that records every batch it is asked to encode. */
function countingEncoder(): Encoder & { calls: string[][]; disposed: boolean } {
  const inner = createHashedNgramEncoder({ dimension: 64 });
  const fake = {
    id: 'fake@1',
    dimension: 64,
    calls: [] as string[][],
    disposed: false,
    async encode(texts: readonly string[]) {
      fake.calls.push([...texts]);
      return inner.encode(texts);
    },
    async dispose() {
      fake.disposed = true;
    },
  };
  return fake;
}

describeEncoderConformance({ name: 'withCache(hashed n-grams)', create: async () => withCache(createHashedNgramEncoder()), dimension: 2 ** 14 });

describe('withCache', () => {
  it('returns identical vectors from the cache without calling the inner encoder again', async () => {
    const inner = countingEncoder();
    const cached = withCache(inner);
    const [first] = await cached.encode(['where is my order']);
    const [second] = await cached.encode(['where is my order']);
    expect(second).toEqual(first);
    expect(inner.calls).toEqual([['where is my order']]);
    expect(cached.stats).toMatchObject({ hits: 1, misses: 1, size: 1 });
    expect(cached.id).toBe(inner.id);
    expect(cached.dimension).toBe(inner.dimension);
  });

  it('encodes only the misses of a batch, each distinct text once, in one call, keeping the order', async () => {
    const inner = countingEncoder();
    const cached = withCache(inner);
    await cached.encode(['a', 'b']);
    const result = await cached.encode(['c', 'a', 'd', 'c', 'b']);
    expect(inner.calls).toEqual([['a', 'b'], ['c', 'd']]);
    const direct = await inner.encode(['c', 'a', 'd', 'c', 'b']);
    expect(result).toEqual(direct);
  });

  it('evicts the least recently used text when full', async () => {
    const inner = countingEncoder();
    const cached = withCache(inner, { maxEntries: 2 });
    await cached.encode(['a', 'b']);
    await cached.encode(['a']); // a is now more recent than b
    await cached.encode(['c']); // evicts b
    inner.calls.length = 0;
    await cached.encode(['a', 'b', 'c']);
    expect(inner.calls).toEqual([['b']]);
    expect(cached.stats.size).toBe(2);
  });

  it('hands out copies: mutating a returned vector does not change the cache', async () => {
    const cached = withCache(countingEncoder());
    const [first] = await cached.encode(['hello']);
    const snapshot = first!.slice();
    first!.fill(0);
    const [again] = await cached.encode(['hello']);
    expect(again).toEqual(snapshot);
  });

  it('clear() forgets everything; dispose() disposes the inner encoder', async () => {
    const inner = countingEncoder();
    const cached = withCache(inner);
    await cached.encode(['a']);
    cached.clear();
    await cached.encode(['a']);
    expect(inner.calls).toEqual([['a'], ['a']]);
    await cached.dispose?.();
    expect(inner.disposed).toBe(true);
  });
});
