import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentimentModel, type SentimentExample } from '../../../monitor/index.js';
import { sentimentFixture } from './fixtures.js';

const languages = ['en', 'zh'] as const;

describe.each(languages)('SentimentModel (%s, n-gram features, fixture training set)', (language) => {
  const model = new SentimentModel(language);
  let holdout: SentimentExample[];
  let dir: string;

  beforeAll(async () => {
    await model.train(await sentimentFixture('train', language));
    holdout = await sentimentFixture('holdout', language);
    dir = await mkdtemp(path.join(tmpdir(), `sentiment-${language}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives every message a score in [-1, 1], a label and a confidence in [0, 1]', async () => {
    const results = await model.score([...holdout.map((e) => e.text), '', '12345', 'ok']);
    expect(results).toHaveLength(holdout.length + 3);
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(['negative', 'neutral', 'positive']).toContain(r.label);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('scores held-out clear negatives below clear positives', async () => {
    const results = await model.score(holdout.map((e) => e.text), { neutralBand: 0 });
    const scores = (label: string) => results.filter((_, i) => holdout[i]?.label === label).map((r) => r.score);
    const negatives = scores('negative');
    const positives = scores('positive');
    expect(Math.max(...negatives)).toBeLessThan(Math.min(...positives));
    const correct = results.filter((r, i) => r.label === holdout[i]?.label).length;
    expect(correct).toBe(holdout.length);
  });

  it('labels weak scores neutral inside the band', async () => {
    const [plain] = await model.score([holdout[0]?.text ?? ''], { neutralBand: 0 });
    const [banded] = await model.score([holdout[0]?.text ?? ''], { neutralBand: 1 });
    expect(plain?.label).toBe('positive');
    expect(banded).toMatchObject({ label: 'neutral', score: plain?.score });
  });

  it('scores identically after persist and load', async () => {
    const texts = [...holdout.map((e) => e.text), 'something else entirely', '还行吧'];
    await model.persist(dir);
    const loaded = await SentimentModel.load(dir);
    expect(loaded.language).toBe(language);
    expect(loaded.options.segmentation).toBe(model.options.segmentation);
    expect(await loaded.score(texts)).toEqual(await model.score(texts));
  });
});

describe('SentimentModel errors', () => {
  it('refuses to score before training', async () => {
    await expect(new SentimentModel('en').score(['hi'])).rejects.toMatchObject({ code: 'nlu_model_not_trained' });
  });

  it('refuses training data with a single label', async () => {
    const model = new SentimentModel('en');
    await expect(model.train([{ text: 'great', label: 'positive' }, { text: 'love it', label: 'positive' }])).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a folder without a sentiment model', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sentiment-empty-'));
    try {
      await expect(SentimentModel.load(dir)).rejects.toThrow(/sentiment\.json/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
