import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_MODEL_DIR, parseCliArgs } from '../../../nlu/model/cli-args.js';
import { encodersForManifest, parseHashedNgramId } from '../../../nlu/model/encoder-pool.js';
import { createHashedNgramEncoder } from '../../../nlu/encoders/index.js';
import { InvalidInputError } from '../../../core/errors.js';
import type { NluManifest } from '../../../nlu/model/index.js';

describe('parseCliArgs', () => {
  it('reads train with repeated --data and the default encoder', () => {
    expect(parseCliArgs(['train', '--data', 'en.yaml', '--data', 'zh.yaml', '--out', 'm'])).toEqual({
      command: 'train',
      data: ['en.yaml', 'zh.yaml'],
      out: 'm',
      encoder: 'use-lite',
    });
  });

  it('joins the words of parse into one text and defaults the model folder', () => {
    expect(parseCliArgs(['parse', 'where', 'is', 'order', '100234'])).toEqual({ command: 'parse', model: DEFAULT_MODEL_DIR, text: 'where is order 100234' });
  });

  it.each([
    [[]],
    [['nope']],
    [['train', '--out', 'm']],
    [['train', '--data', 'x', '--out', 'm', '--encoder', 'bert']],
    [['eval', '--model', 'm']],
    [['eval', '--model', 'm', '--data', 'x', '--verbose']],
    [['parse']],
  ])('rejects %j as a usage error', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });
});

describe('parseHashedNgramId', () => {
  it('rebuilds an encoder with the same id, whatever its settings', () => {
    for (const options of [{ dimension: 512 }, { dimension: 64, charNgrams: [3, 5] as [number, number], charWeight: 0.5, seed: 7, language: 'zh' }]) {
      const { id } = createHashedNgramEncoder(options);
      const rebuilt = parseHashedNgramId(id);
      expect(rebuilt).toBeDefined();
      expect(createHashedNgramEncoder(rebuilt).id).toBe(id);
    }
  });

  it('returns undefined for other ids', () => {
    expect(parseHashedNgramId('use-lite@0.2.0')).toBeUndefined();
  });
});

describe('encodersForManifest', () => {
  const manifestWith = (encoder: { id: string; dimension: number } | null) =>
    ({ languages: [{ language: 'en', featureSet: { encoder } }] }) as unknown as NluManifest;

  it('gives a language the hashed encoder its manifest names', async () => {
    const { id } = createHashedNgramEncoder({ dimension: 256 });
    const pool = encodersForManifest(manifestWith({ id, dimension: 256 }));
    expect((await pool.encoderFor('en'))?.id).toBe(id);
    expect(await pool.encoderFor('zh')).toBeUndefined();
    await pool.dispose();
  });

  it('refuses an encoder it cannot rebuild', () => {
    expect(() => encodersForManifest(manifestWith({ id: 'onnx@some-model', dimension: 384 }))).toThrow(InvalidInputError);
  });
});
