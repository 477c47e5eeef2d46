import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import type { TrainingExample } from '../../core/nlu.js';
import { ModelNotTrainedError, TfidfLogRegClassifier, intentExamples, loadDemoTrainingSet } from '../../nlu/index.js';

const holdoutSchema = z.array(z.object({ text: z.string().min(1), intent: z.string().min(1) })).min(100);
const readHoldout = (name: string) => holdoutSchema.parse(JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')));
const holdout = readHoldout('nlu-holdout-en-v2.json');
const holdoutZh = readHoldout('nlu-holdout-zh.json');
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

const MUST_PASS: ReadonlyArray<[string, string]> = [
  ["where's my stuff??", 'order_status'],
  ['cancel 100234 pls', 'cancel_order'],
  ['yes please', 'affirm'],
  ['no thanks', 'deny'],
  ['yep', 'affirm'],
  ["nope don't", 'deny'],
  ['can I return a worn jacket?', 'knowledge_question'],
  ['I want to return the shoes from my last order', 'start_return'],
  ["I'd like to log in", 'identify'],
  ['here is my order number 100234 and email jane@example.com', 'identify'],
  ['I want to talk to a person', 'human_handoff'],
];

let examples: TrainingExample[];
let classifier: TfidfLogRegClassifier;

beforeAll(async () => {
  examples = intentExamples(await loadDemoTrainingSet('en'));
  classifier = new TfidfLogRegClassifier();
  await classifier.train(examples);
});

const top = async (model: TfidfLogRegClassifier, texts: readonly string[]) =>
  (await model.classify(texts)).map((ranked) => ranked[0]?.name);

describe('TfidfLogRegClassifier on the demo shop data', () => {
  // Speed is measured in bench/, not asserted here.
  it('trains on every demo intent', () => {
    expect(examples.length).toBeGreaterThanOrEqual(450);
    expect([...classifier.labels].sort()).toEqual([...new Set(examples.map((e) => e.intent))].sort());
  });

  it('is tested on sentences that are not in its training data', () => {
    const training = new Set(examples.map((e) => normalise(e.text)));
    expect(holdout.filter((e) => training.has(normalise(e.text)))).toEqual([]);
  });

  it('gets at least 90 % of the held-out Chinese sentences right when trained on the Chinese data', async () => {
    const zh = new TfidfLogRegClassifier();
    const zhExamples = intentExamples(await loadDemoTrainingSet('zh'));
    const training = new Set(zhExamples.map((e) => normalise(e.text)));
    expect(holdoutZh.filter((e) => training.has(normalise(e.text)))).toEqual([]);
    await zh.train(zhExamples);
    const predicted = await top(zh, holdoutZh.map((e) => e.text));
    const misses = holdoutZh.flatMap((e, i) => (predicted[i] === e.intent ? [] : [`${e.text} → ${predicted[i]}`]));
    expect(1 - misses.length / holdoutZh.length, `misses: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('gets at least 90 % of the held-out sentences right', async () => {
    const predicted = await top(classifier, holdout.map((e) => e.text));
    const misses = holdout.flatMap((e, i) => (predicted[i] === e.intent ? [] : [`${e.text} → ${predicted[i]}`]));
    const accuracy = 1 - misses.length / holdout.length;
    expect(accuracy, `misses: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it.each(MUST_PASS)('classifies %j as %s', async (text, intent) => {
    expect(await top(classifier, [text])).toEqual([intent]);
  });

  it('ranks every intent with probabilities that sum to 1, best first', async () => {
    const [ranked] = await classifier.classify(['where is order 100234?']);
    expect(ranked?.map((p) => p.name).sort()).toEqual([...classifier.labels].sort());
    const confidences = ranked?.map((p) => p.confidence) ?? [];
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.reduce((sum, c) => sum + c, 0)).toBeCloseTo(1, 6);
  });

  it('classifies an empty batch and texts with no known features', async () => {
    expect(await classifier.classify([])).toEqual([]);
    const [ranked] = await classifier.classify(['']);
    expect(ranked).toHaveLength(classifier.labels.length);
  });
});

describe('TfidfLogRegClassifier persistence and determinism', () => {
  it('round-trips through JSON with identical predictions', async () => {
    const json: unknown = JSON.parse(JSON.stringify(classifier.persist()));
    const restored = TfidfLogRegClassifier.load(json);
    const texts = [...holdout.map((e) => e.text), ...MUST_PASS.map(([text]) => text)];
    expect(await restored.classify(texts)).toEqual(await classifier.classify(texts));
    expect(restored.persist()).toEqual(classifier.persist());
  });

  it('trains to the same model twice on the same data', async () => {
    const again = new TfidfLogRegClassifier();
    await again.train(examples);
    expect(again.persist()).toEqual(classifier.persist());
    const texts = holdout.map((e) => e.text);
    expect(await again.classify(texts)).toEqual(await classifier.classify(texts));
  });

  it('rejects persisted JSON that is malformed or inconsistent', () => {
    const persisted = classifier.persist();
    expect(() => TfidfLogRegClassifier.load({})).toThrow(InvalidInputError);
    expect(() => TfidfLogRegClassifier.load({ ...persisted, version: 99 })).toThrow(/version/);
    expect(() => TfidfLogRegClassifier.load({ ...persisted, bias: persisted.bias.slice(1) })).toThrow(/bias and labels/);
    expect(() => TfidfLogRegClassifier.load({ ...persisted, weights: 'AAAA' })).toThrow(/weights hold 3 bytes/);
  });
});

describe('TfidfLogRegClassifier misuse', () => {
  it('refuses to classify or persist before training', async () => {
    const untrained = new TfidfLogRegClassifier();
    await expect(untrained.classify(['hi'])).rejects.toBeInstanceOf(ModelNotTrainedError);
    expect(() => untrained.persist()).toThrow(ModelNotTrainedError);
  });

  it('rejects training data with fewer than two intents or empty texts', async () => {
    const model = new TfidfLogRegClassifier();
    await expect(model.train([])).rejects.toThrow(/no training examples/);
    await expect(model.train([{ text: 'hi', intent: 'greet' }])).rejects.toThrow(/at least two intents/);
    await expect(model.train([{ text: ' ', intent: 'greet' }, { text: 'bye', intent: 'goodbye' }])).rejects.toThrow(
      /0\.text: example text is empty/,
    );
  });

  it('stops training when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new TfidfLogRegClassifier().train(examples, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
