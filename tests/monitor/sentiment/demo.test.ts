import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../core/logger.js';
import { createHashedNgramEncoder } from '../../../nlu/index.js';
import { SentimentAnalyzer, SentimentDataError, type SentimentExample } from '../../../monitor/index.js';
import {
  demoSentimentSets,
  openSentiment,
  parseSentimentYaml,
  SENTIMENT_MANIFEST_FILE,
  trainDemoSentiment,
} from '../../../monitor/sentiment/demo.js';
import { sentimentFixture } from './fixtures.js';

const languages = ['en', 'zh'] as const;

async function accuracy(analyzer: SentimentAnalyzer, examples: readonly SentimentExample[]): Promise<number> {
  const results = await analyzer.score(examples.map((e) => e.text));
  return results.filter((r, i) => r.label === examples[i]?.label).length / examples.length;
}

describe('demo sentiment data', () => {
  it('has 250–300 messages per language, all three labels, and none of the test fixtures', async () => {
    const fixtures = new Set<string>();
    for (const language of languages) {
      for (const name of ['train', 'holdout'] as const) for (const e of await sentimentFixture(name, language)) fixtures.add(e.text);
    }
    for (const set of await demoSentimentSets()) {
      expect(set.examples.length).toBeGreaterThanOrEqual(250);
      expect(set.examples.length).toBeLessThanOrEqual(300);
      expect(new Set(set.examples.map((e) => e.label))).toEqual(new Set(['negative', 'neutral', 'positive']));
      expect(set.examples.filter((e) => fixtures.has(e.text))).toEqual([]);
      expect(new Set(set.examples.map((e) => e.text)).size).toBe(set.examples.length);
    }
  });

  it('reports malformed files with the file and what is wrong', () => {
    expect(() => parseSentimentYaml({ text: 'en:\n  positive: [great]\n', file: 'x.yaml' })).toThrow(/x\.yaml:1 en\.negative/);
    expect(() => parseSentimentYaml({ text: 'en:\n  positive: [a\n', file: 'y.yaml' })).toThrow(SentimentDataError);
    expect(() => parseSentimentYaml({ text: 'fr:\n  positive: [a]\n  negative: [b]\n', file: 'z.yaml' })).toThrow(/z\.yaml/);
  });
});

// Measured (default neutral band 0.2): held-out fixture 10/10 in both languages with either
// encoder; the training fixture, also unseen by the demo model, 48/48 per language without an
// encoder and 45/48 (en), 44/48 (zh) with hashed n-grams.
describe.each([
  { encoder: 'none', holdout: 0.9, unseen: 0.9 },
  { encoder: 'hashed', holdout: 0.9, unseen: 0.85 },
])('trainDemoSentiment (encoder $encoder)', ({ encoder, holdout, unseen }) => {
  let analyzer: SentimentAnalyzer;

  beforeAll(async () => {
    const hashed = createHashedNgramEncoder({ dimension: 512 });
    analyzer = await trainDemoSentiment(encoder === 'hashed' ? { encoderFor: async () => hashed } : {});
  });

  it.each(languages)('labels the held-out %s fixture', async (language) => {
    expect(await accuracy(analyzer, await sentimentFixture('holdout', language))).toBeGreaterThanOrEqual(holdout);
    expect(await accuracy(analyzer, await sentimentFixture('train', language))).toBeGreaterThanOrEqual(unseen);
  });

  it('keeps neutral questions inside the neutral band', async () => {
    const results = await analyzer.score(['do you ship to spain', '可以开发票吗']);
    expect(results.map((r) => r.label)).toEqual(['neutral', 'neutral']);
  });
});

describe('openSentiment', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  async function tempDir(): Promise<string> {
    const parent = await mkdtemp(path.join(tmpdir(), 'sentiment-open-'));
    dirs.push(parent);
    return path.join(parent, 'model');
  }

  function spyLogger() {
    const info = vi.fn<Logger['info']>();
    const logger: Logger = { debug() {}, info, warn() {}, error() {} };
    const events = () => info.mock.calls.map(([obj, msg]) => `${(obj as { language: string }).language} ${msg}`);
    return { logger, events };
  }

  it('trains and saves once, then loads the saved models', async () => {
    const dir = await tempDir();
    const first = spyLogger();
    const trained = await openSentiment({ dir, logger: first.logger });
    expect(first.events()).toEqual(['en sentiment model trained and saved', 'zh sentiment model trained and saved']);
    expect((await readdir(dir)).sort()).toEqual(['en', 'zh']);
    // Only the model folder is left in the parent: the staging folders were renamed away.
    expect(await readdir(path.dirname(dir))).toEqual(['model']);

    const second = spyLogger();
    const loaded = await openSentiment({ dir, logger: second.logger });
    expect(second.events()).toEqual(['en sentiment model loaded', 'zh sentiment model loaded']);
    const texts = ['the parcel arrived broken', '退款一直不到账，太差了', 'thanks, very happy'];
    expect(await loaded.score(texts)).toEqual(await trained.score(texts));
  });

  it('retrains a language whose demo data hash or encoder changed, and loads the rest', async () => {
    const dir = await tempDir();
    await openSentiment({ dir });
    const manifestFile = path.join(dir, 'en', SENTIMENT_MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    await writeFile(manifestFile, JSON.stringify({ ...manifest, data: { ...manifest.data, sha256: '0'.repeat(64) } }));

    const changedData = spyLogger();
    await openSentiment({ dir, logger: changedData.logger });
    expect(changedData.events()).toEqual(['en sentiment model trained and saved', 'zh sentiment model loaded']);
    expect(changedData.logger.info).toHaveBeenCalledWith(expect.objectContaining({ trainedBecause: 'the demo data changed' }), expect.any(String));

    const hashed = createHashedNgramEncoder({ dimension: 256 });
    const changedEncoder = spyLogger();
    await openSentiment({ dir, logger: changedEncoder.logger, encoderFor: async (language) => (language === 'zh' ? hashed : undefined) });
    expect(changedEncoder.events()).toEqual(['en sentiment model loaded', 'zh sentiment model trained and saved']);
  });

  it('loads a model trained on other data as it is, and retrains a corrupt demo model', async () => {
    const dir = await tempDir();
    await openSentiment({ dir });
    const enManifest = path.join(dir, 'en', SENTIMENT_MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(enManifest, 'utf8'));
    await writeFile(enManifest, JSON.stringify({ ...manifest, data: { ...manifest.data, source: 'sst2:/data/stsa.binary.train', sha256: '1'.repeat(64) } }));
    await writeFile(path.join(dir, 'zh', 'sentiment.json'), '{"truncated":');

    const opened = spyLogger();
    await openSentiment({ dir, logger: opened.logger });
    expect(opened.events()).toEqual(['en sentiment model loaded', 'zh sentiment model trained and saved']);
  });
});
