import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentimentAnalyzer, SentimentModel } from '../../../monitor/index.js';
import { sentimentFixture } from './fixtures.js';

describe('SentimentAnalyzer', () => {
  let analyzer: SentimentAnalyzer;
  let dir: string;

  beforeAll(async () => {
    const en = new SentimentModel('en');
    const zh = new SentimentModel('zh');
    await Promise.all([en.train(await sentimentFixture('train', 'en')), zh.train(await sentimentFixture('train', 'zh'))]);
    analyzer = new SentimentAnalyzer({ models: { en, zh } });
    dir = await mkdtemp(path.join(tmpdir(), 'sentiment-analyzer-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('routes each message to its language and keeps the input order', async () => {
    const texts = ['the parcel arrived broken and nobody answers', '快递很快，质量很好', 'great shop, fast shipping', '质量很差，用了两天就坏了', '100234'];
    // A model trained on 48 messages is not confident: labels by sign, without the neutral band.
    const results = await analyzer.score(texts, { neutralBand: 0 });
    expect(results.map((r) => r.language)).toEqual(['en', 'zh', 'en', 'zh', 'en']);
    expect(results.slice(0, 4).map((r) => r.label)).toEqual(['negative', 'positive', 'positive', 'negative']);
  });

  it('persists every language and loads them back with identical scores', async () => {
    const texts = ['very happy, everything works perfectly', '退款一直不到账，太差了'];
    await analyzer.persist(dir);
    const loaded = await SentimentAnalyzer.load(dir);
    expect(loaded.languages).toEqual(['en', 'zh']);
    expect(await loaded.score(texts)).toEqual(await analyzer.score(texts));
  });

  it('needs a model for the fallback language', () => {
    expect(() => new SentimentAnalyzer({ models: {}, fallback: 'zh' })).toThrow(/fallback/);
  });
});
