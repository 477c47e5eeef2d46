/**
 * The conformance suite every `Encoder` implementation runs (see core/encoder.ts): sizes, unit
 * length, order, batch/one-by-one agreement, determinism, empty input and abort.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoder } from '../../../core/encoder.js';
import { dot } from '../../../nlu/encoders/index.js';

export const CONFORMANCE_TEXTS = [
  'where is my order',
  "where's my parcel?",
  "what's the weather today",
  'I want to cancel order 100234 please',
  'hello',
  '',
] as const;

/** Largest absolute difference between two vectors. */
export function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return max;
}

export function describeEncoderConformance(options: {
  name: string;
  create: () => Promise<Encoder>;
  dimension: number;
  /** Tolerated difference between a text encoded alone and in a batch. @defaultValue 1e-5 */
  batchTolerance?: number;
}): void {
  describe(`${options.name} (Encoder conformance)`, () => {
    let encoder: Encoder;
    let batch: Float32Array[];

    beforeAll(async () => {
      encoder = await options.create();
      batch = await encoder.encode(CONFORMANCE_TEXTS);
    });
    afterAll(async () => {
      await encoder?.dispose?.();
    });

    it('declares its dimension and returns one vector of that size per text, in order', () => {
      expect(encoder.dimension).toBe(options.dimension);
      expect(encoder.id).toMatch(/\S/);
      expect(batch).toHaveLength(CONFORMANCE_TEXTS.length);
      for (const vector of batch) {
        expect(vector).toBeInstanceOf(Float32Array);
        expect(vector).toHaveLength(options.dimension);
      }
    });

    it('returns unit vectors (also for the empty string)', () => {
      for (const vector of batch) expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 4);
    });

    it('gives the same vector one by one as in a batch', async () => {
      for (const [i, text] of CONFORMANCE_TEXTS.entries()) {
        const [alone] = await encoder.encode([text]);
        expect(maxAbsDifference(alone ?? new Float32Array(), batch[i] ?? new Float32Array())).toBeLessThan(options.batchTolerance ?? 1e-5);
      }
    });

    it('gives equal texts equal vectors and different texts different ones', async () => {
      const [a, b, c] = await encoder.encode(['where is my order', 'where is my order', 'what is the weather']);
      expect(maxAbsDifference(a!, b!)).toBeLessThan(1e-6);
      expect(dot(a!, c!)).toBeLessThan(0.999);
    });

    it('returns [] for no texts', async () => {
      await expect(encoder.encode([])).resolves.toEqual([]);
    });

    it('rejects with AbortError when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(encoder.encode(['where is my order'], { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    });
  });
}
