import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../core/errors.js';
import { SHOP_INTENTS, loadDemoTrainingData, loadTrainingDataFile, parseTrainingData, tokenizeEn } from '../../nlu/index.js';
import holdout from '../fixtures/nlu-holdout-en.json' with { type: 'json' };

const valid = { language: 'en', intents: { greet: ['hi', 'hello'], goodbye: ['bye'] } };

describe('parseTrainingData', () => {
  it('accepts valid data and trims examples', () => {
    expect(parseTrainingData({ ...valid, intents: { ...valid.intents, goodbye: [' bye '] } }).intents.goodbye).toEqual(['bye']);
  });

  it.each([
    ['an intent with no examples', { language: 'en', intents: { greet: ['hi'], goodbye: [] } }, 'intents.goodbye: intent has no examples'],
    ['a non-string example', { language: 'en', intents: { greet: ['hi', 42], goodbye: ['bye'] } }, 'intents.greet[1]: example must be a string, got number'],
    ['an empty example', { language: 'en', intents: { greet: ['hi', '  '], goodbye: ['bye'] } }, 'intents.greet[1]: example is empty'],
    ['examples that are not an array', { language: 'en', intents: { greet: 'hi', goodbye: ['bye'] } }, 'intents.greet: an intent must map to an array'],
    ['a badly named intent', { language: 'en', intents: { 'Order Status': ['hi'], goodbye: ['bye'] } }, 'intent names must be snake_case'],
    ['a missing language', { intents: valid.intents }, 'language: language must be a string'],
    ['missing intents', { language: 'en' }, 'intents: intents must be an object'],
    ['a single intent', { language: 'en', intents: { greet: ['hi'] } }, 'intents: needs at least two intents'],
    ['an unknown key', { ...valid, intent: {} }, 'Unrecognized key'],
    ['an example under two intents', { language: 'en', intents: { greet: ['hi'], goodbye: ['bye', 'Hi'] } }, 'intents.goodbye[1]: example "Hi" is also listed under "greet"'],
  ])('rejects %s with a clear message', (_, input, message) => {
    expect(() => parseTrainingData(input, 'test data')).toThrow(InvalidInputError);
    expect(() => parseTrainingData(input, 'test data')).toThrow(message);
  });

  it('names the source and lists every problem', () => {
    const input = { language: 'en', intents: { greet: [], goodbye: [1] } };
    expect(() => parseTrainingData(input, 'shop.json')).toThrow(
      'Invalid shop.json: intents.greet: intent has no examples; intents.goodbye[0]: example must be a string, got number',
    );
  });
});

describe('loadTrainingDataFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-nlu-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports missing files and invalid JSON with the path', async () => {
    await expect(loadTrainingDataFile(join(dir, 'missing.json'))).rejects.toThrow(/Cannot read training data .*missing\.json: ENOENT/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "language": "en", ');
    await expect(loadTrainingDataFile(broken)).rejects.toThrow(/broken\.json is not valid JSON/);
  });

  it('validates the content', async () => {
    const file = join(dir, 'empty-intent.json');
    writeFileSync(file, JSON.stringify({ language: 'en', intents: { greet: ['hi'], goodbye: [] } }));
    await expect(loadTrainingDataFile(file)).rejects.toThrow(/empty-intent\.json: intents\.goodbye: intent has no examples/);
  });
});

describe('demo shop training data (en)', () => {
  it('defines exactly the shop intents with at least 30 examples each', async () => {
    const data = await loadDemoTrainingData('en');
    expect(Object.keys(data.intents).sort()).toEqual([...SHOP_INTENTS].sort());
    for (const [intent, examples] of Object.entries(data.intents)) {
      expect(examples.length, intent).toBeGreaterThanOrEqual(30);
      expect(new Set(examples).size, `${intent} has duplicates`).toBe(examples.length);
    }
  });

  it('keeps the held-out sentences out of the training data', async () => {
    const data = await loadDemoTrainingData('en');
    const key = (text: string) => tokenizeEn(text).join(' ');
    const training = new Set(Object.values(data.intents).flat().map(key));
    const leaked = holdout.examples.filter((example) => training.has(key(example.text)));
    expect(leaked).toEqual([]);
    expect(holdout.examples.every((example) => (SHOP_INTENTS as readonly string[]).includes(example.intent))).toBe(true);
  });
});
