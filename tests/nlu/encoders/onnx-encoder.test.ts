import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoder } from '../../../core/encoder.js';
import { createOnnxEncoder, dot, ModelNotFoundError } from '../../../nlu/encoders/index.js';
import { describeEncoderConformance, maxAbsDifference } from './encoder-conformance.js';
import { installNetworkGuard } from './network-guard.js';
import { writeTinyOnnxModel } from './tiny-onnx-model.js';

const HIDDEN = 16;
const guard = installNetworkGuard();
let root: string;
let modelDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'counterpart-onnx-'));
  modelDir = path.join(root, 'tiny-bert');
  await writeTinyOnnxModel({ dir: modelDir, hidden: HIDDEN, quantizedCopy: true });
});
afterAll(async () => {
  guard.restore();
  await rm(root, { recursive: true, force: true });
});

describeEncoderConformance({ name: 'ONNX (tiny BERT, mean pooling)', create: () => createOnnxEncoder({ modelDir, pooling: 'mean' }), dimension: HIDDEN });

describe('ONNX encoder', () => {
  let mean: Encoder;
  beforeAll(async () => {
    mean = await createOnnxEncoder({ modelDir, pooling: 'mean' });
  });
  afterAll(async () => {
    await mean.dispose?.();
  });

  it('loads the local folder without any network attempt and is named after it', () => {
    expect(guard.attempts).toEqual([]);
    expect(mean.id).toBe('onnx:tiny-bert');
    expect(mean.dimension).toBe(HIDDEN);
  });

  it('mean pooling respects the attention mask: padding does not change a sentence vector', async () => {
    const [alone] = await mean.encode(['hello']);
    const [padded, longer] = await mean.encode(['hello', 'where will my package arrive today please thanks']);
    expect(maxAbsDifference(alone!, padded!)).toBeLessThan(1e-6);
    expect(dot(padded!, longer!)).toBeLessThan(0.999);
  });

  it('cls pooling takes the first token ([CLS]) only', async () => {
    const cls = await createOnnxEncoder({ modelDir, pooling: 'cls' });
    try {
      // Every input starts with [CLS] and this graph mixes no context, so all CLS vectors are equal.
      const [a, b] = await cls.encode(['hello', 'where is my order']);
      expect(maxAbsDifference(a!, b!)).toBeLessThan(1e-6);
      expect(Math.sqrt(dot(a!, a!))).toBeCloseTo(1, 5);
    } finally {
      await cls.dispose?.();
    }
  });

  it('loads onnx/model_quantized.onnx when quantized, and can leave vectors unnormalised', async () => {
    const quantized = await createOnnxEncoder({ modelDir, pooling: 'mean', quantized: true, normalize: false });
    try {
      expect(quantized.id).toBe('onnx:tiny-bert:q8');
      const [raw] = await quantized.encode(['where is my order']);
      const [unit] = await mean.encode(['where is my order']);
      const norm = Math.sqrt(dot(raw!, raw!));
      expect(norm).not.toBeCloseTo(1, 3);
      expect(maxAbsDifference(raw!.map((v) => v / norm), unit!)).toBeLessThan(1e-5);
    } finally {
      await quantized.dispose?.();
    }
  });

  it.each(['tokenizer.json', 'config.json', 'tokenizer_config.json', path.join('onnx', 'model.onnx')])(
    'names the missing file with code model_not_found when %s is absent',
    async (file) => {
      const incomplete = path.join(root, `incomplete-${file.replace(/\W/g, '-')}`);
      await cp(modelDir, incomplete, { recursive: true });
      await rm(path.join(incomplete, file));
      const failure = createOnnxEncoder({ modelDir: incomplete, pooling: 'mean' });
      await expect(failure).rejects.toBeInstanceOf(ModelNotFoundError);
      await expect(failure).rejects.toMatchObject({ code: 'model_not_found', message: expect.stringContaining(path.join(incomplete, file)) });
    },
  );

  it('names onnx/model_quantized.onnx when quantized is asked for and only model.onnx exists', async () => {
    const plain = path.join(root, 'plain-only');
    await writeTinyOnnxModel({ dir: plain, hidden: HIDDEN });
    await expect(createOnnxEncoder({ modelDir: plain, pooling: 'mean', quantized: true })).rejects.toMatchObject({
      code: 'model_not_found',
      message: expect.stringContaining(path.join('onnx', 'model_quantized.onnx')),
    });
  });
});
