import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoder } from '../../../core/encoder.js';
import { createUseLiteEncoder, dot, EncoderRuntimeConflictError, ModelNotFoundError, USE_LITE_DIMENSION } from '../../../nlu/encoders/index.js';
import { describeEncoderConformance } from './encoder-conformance.js';
import { installNetworkGuard, type NetworkGuard } from './network-guard.js';

// Installed before any encoder of this file loads, so the conformance suite below runs offline too.
const guard: NetworkGuard = installNetworkGuard();
afterAll(() => guard.restore());

describeEncoderConformance({ name: 'USE-lite (tfjs-wasm)', create: () => createUseLiteEncoder(), dimension: USE_LITE_DIMENSION });

describe('USE-lite', () => {
  let encoder: Encoder;

  beforeAll(async () => {
    encoder = await createUseLiteEncoder();
  });
  afterAll(async () => {
    await encoder.dispose?.();
  });

  it('loads from the installed package without any network attempt', async () => {
    await encoder.encode(['where is my order']);
    expect(guard.attempts).toEqual([]);
    expect(encoder.id).toMatch(/^use-lite@\d+\.\d+\.\d+$/);
    expect(encoder.dimension).toBe(512);
  });

  it('puts paraphrases closer than unrelated sentences', async () => {
    const [order, parcel, weather] = await encoder.encode(['where is my order', "where's my parcel", "what's the weather"]);
    const paraphrase = dot(order!, parcel!);
    expect(paraphrase).toBeGreaterThan(dot(order!, weather!) + 0.2);
    expect(paraphrase).toBeGreaterThan(dot(parcel!, weather!) + 0.2);
  });

  it('agrees between one big batch (split into chunks) and one-by-one calls', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `please refund item ${i} of order ${100_000 + i * 7}`.slice(0, 10 + i));
    const batched = await encoder.encode(texts);
    for (const i of [0, 17, 39]) {
      const [alone] = await encoder.encode([texts[i]!]);
      expect(dot(alone!, batched[i]!)).toBeGreaterThan(0.99999);
    }
  });

  it('refuses a second runtime while one owns the TensorFlow.js engine', async () => {
    await expect(createUseLiteEncoder({ runtime: 'tfjs-cpu' })).rejects.toBeInstanceOf(EncoderRuntimeConflictError);
    await expect(createUseLiteEncoder({ runtime: 'energetic' })).rejects.toMatchObject({ code: 'encoder_runtime_conflict' });
  });

  it('fails with model_not_found naming the file when the model folder is empty', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'use-lite-empty-'));
    try {
      const failure = createUseLiteEncoder({ modelDir: dir });
      await expect(failure).rejects.toBeInstanceOf(ModelNotFoundError);
      await expect(failure).rejects.toMatchObject({ code: 'model_not_found', message: expect.stringContaining(path.join(dir, 'model.json')) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
