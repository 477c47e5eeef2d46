import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { createHashedNgramEncoder, dot, HASHED_NGRAM_DEFAULTS, murmur3 } from '../../../nlu/encoders/index.js';
import { describeEncoderConformance } from './encoder-conformance.js';

describeEncoderConformance({
  name: 'hashed n-grams',
  create: async () => createHashedNgramEncoder(),
  dimension: HASHED_NGRAM_DEFAULTS.dimension,
});

/** The bucket a word feature lands in, as documented in hashed-ngram-encoder.ts. */
const wordBucket = (word: string) => murmur3(`w:${word}`) % HASHED_NGRAM_DEFAULTS.dimension;

describe('murmur3', () => {
  it('matches the reference MurmurHash3_x86_32 (as sklearn.utils.murmurhash3_32, positive=True)', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('abc')).toBe(0xb3dd93fa);
    expect(murmur3('abcd')).toBe(0x43ed676a);
    expect(murmur3('hello')).toBe(613153351);
    expect(murmur3('Hello, world!')).toBe(0xc0363e43);
  });
});

describe('hashed n-gram encoder', () => {
  it('is deterministic across instances and calls', async () => {
    const texts = ['where is my order', '我的订单在哪里', 'Wo ist meine Bestellung?'];
    const first = await createHashedNgramEncoder().encodeSparse(texts);
    const second = await createHashedNgramEncoder().encodeSparse(texts);
    expect(second).toEqual(first);
    expect(createHashedNgramEncoder().id).toBe(createHashedNgramEncoder().id);
    expect(createHashedNgramEncoder({ seed: 1 }).id).not.toBe(createHashedNgramEncoder().id);
  });

  it('gives sparse vectors with ascending unique indices, unit length, equal to the dense ones', async () => {
    const encoder = createHashedNgramEncoder();
    const texts = ['I want to return the jacket, it is too small', ''];
    const [sparse, dense] = await Promise.all([encoder.encodeSparse(texts), encoder.encode(texts)]);
    sparse.forEach(({ indices, values }, t) => {
      expect(indices.length).toBe(values.length);
      for (let k = 1; k < indices.length; k++) expect(indices[k]!).toBeGreaterThan(indices[k - 1]!);
      expect(values.reduce((sum, v) => sum + v * v, 0)).toBeCloseTo(1, 5);
      const expected = new Float32Array(encoder.dimension);
      indices.forEach((index, k) => {
        expected[index] = values[k]!;
      });
      expect(dense[t]).toEqual(expected);
    });
    expect(sparse[0]!.indices.length).toBeLessThan(400);
  });

  it('puts texts sharing words and spellings closer', async () => {
    const [order, typo, weather] = await createHashedNgramEncoder().encode(['where is my order', 'wher is my ordr?', "what's the weather"]);
    expect(dot(order!, typo!)).toBeGreaterThan(dot(order!, weather!) + 0.2);
  });

  it('segments Chinese into words with jieba (the word 订单 is a feature of the sentence)', async () => {
    // Word features only, so that no character n-gram can land in the buckets checked.
    const encoder = createHashedNgramEncoder({ charWeight: 0 });
    const [sentence] = await encoder.encodeSparse(['我的订单在哪里']);
    const buckets = Array.from(sentence!.indices);
    for (const word of ['我', '的', '订单', '在', '哪里']) expect(buckets).toContain(wordBucket(word));
    expect(buckets).toContain(wordBucket('订单 在'));

    // Without segmentation the whole Han run is one "word": 订单 is not a feature.
    const [unsegmented] = await createHashedNgramEncoder({ language: 'en', charWeight: 0 }).encodeSparse(['我的订单在哪里']);
    expect(Array.from(unsegmented!.indices)).not.toContain(wordBucket('订单'));
  });

  it('uses character 1–3-grams for Chinese and makes related Chinese questions close', async () => {
    const encoder = createHashedNgramEncoder({ language: 'zh' });
    const [where, whereAgain, refund] = await encoder.encode(['我的订单在哪里', '订单在哪里？', '我想退款']);
    expect(dot(where!, whereAgain!)).toBeGreaterThan(dot(where!, refund!) + 0.2);
  });

  it('rejects invalid options', () => {
    expect(() => createHashedNgramEncoder({ charNgrams: [4, 2] })).toThrow(InvalidInputError);
    expect(() => createHashedNgramEncoder({ dimension: 0 })).toThrow(InvalidInputError);
  });
});
