import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Encoder } from '../../../core/encoder.js';
import { InvalidInputError } from '../../../core/errors.js';
import type { TrainingExample } from '../../../core/nlu.js';
import { loadDemoTrainingSet } from '../../../nlu/demo.js';
import { intentExamples } from '../../../nlu/model/index.js';
import { createHashedNgramEncoder } from '../../../nlu/encoders/index.js';
import { ModelNotTrainedError } from '../../../nlu/errors.js';
import { HybridIntentClassifier } from '../../../nlu/hybrid/index.js';

const holdoutSchema = z.array(z.object({ text: z.string().min(1), intent: z.string().min(1) })).min(100);
const readHoldout = (name: string) => holdoutSchema.parse(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));
const holdout = readHoldout('nlu-holdout-en-v2.json');
const holdoutZh = readHoldout('nlu-holdout-zh.json');
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

const MUST_PASS: ReadonlyArray<[string, string]> = [
  ["where's my stuff??", 'order_status'],
  ['cancel 100234 pls', 'cancel_order'],
  ['yes please', 'affirm'],
  ['no thanks', 'deny'],
  ['can I return a worn jacket?', 'knowledge_question'],
  ['I want to return the shoes from my last order', 'start_return'],
  ['I want to talk to a person', 'human_handoff'],
  ["what's low in Leeds?", 'low_stock'],
];

// Off-topic for a clothes shop; none of these are in the demo data.
const OFF_TOPIC = ['what is the capital of peru', 'play some jazz music', 'how many legs does a spider have', 'tell me the square root of 144'];

let examples: TrainingExample[];
let encoder: Encoder;
let classifier: HybridIntentClassifier;

const top = async (model: HybridIntentClassifier, texts: readonly string[]) => (await model.classify(texts)).map((ranked) => ranked[0]?.name);

beforeAll(async () => {
  examples = intentExamples(await loadDemoTrainingSet('en'));
  // The hashed n-gram encoder stands in for USE-lite: same Encoder port, no model to load.
  encoder = await createHashedNgramEncoder({ dimension: 512 });
  classifier = new HybridIntentClassifier({}, encoder);
  await classifier.train(examples);
});

describe('HybridIntentClassifier on the demo shop data', () => {
  it('is tested on sentences that are not in its training data', () => {
    const training = new Set(examples.map((e) => normalise(e.text)));
    expect(holdout.filter((e) => training.has(normalise(e.text)))).toEqual([]);
  });

  it('gets at least 90 % of the held-out English sentences right', async () => {
    const predicted = await top(classifier, holdout.map((e) => e.text));
    const misses = holdout.flatMap((e, i) => (predicted[i] === e.intent ? [] : [`${e.text} → ${predicted[i]}`]));
    expect(1 - misses.length / holdout.length, `misses: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('gets at least 90 % of the held-out Chinese sentences right without an encoder', async () => {
    const zhExamples = intentExamples(await loadDemoTrainingSet('zh'));
    const zh = new HybridIntentClassifier();
    await zh.train(zhExamples);
    const predicted = await top(zh, holdoutZh.map((e) => e.text));
    const misses = holdoutZh.flatMap((e, i) => (predicted[i] === e.intent ? [] : [`${e.text} → ${predicted[i]}`]));
    expect(1 - misses.length / holdoutZh.length, `misses: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it.each(MUST_PASS)('classifies %j as %s', async (text, intent) => {
    expect(await top(classifier, [text])).toEqual([intent]);
  });

  it('rejects off-topic questions as out of scope, with confidences that still sum to at most 1', async () => {
    const ranked = await classifier.classify(OFF_TOPIC);
    expect(ranked.map((r) => r[0]?.name)).toEqual(OFF_TOPIC.map(() => 'out_of_scope'));
    for (const r of ranked) expect(r.reduce((sum, p) => sum + p.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('reports what training measured on the held-back tenth', () => {
    const report = classifier.trainingReport;
    expect(report.examples).toBe(examples.length);
    expect(report.validationExamples).toBeGreaterThan(examples.length / 20);
    // A sanity floor, not a target: on one random tenth with hashed features it swings by a few
    // points (4-fold cross-validation on this data: 0.72); the held-out files above test generalisation.
    expect(report.validationAccuracy).toBeGreaterThanOrEqual(0.65);
    expect(report.bestEpoch).toBeGreaterThanOrEqual(1);
  });

  it('ranks in-scope intents with calibrated probabilities, best first', async () => {
    const [ranked] = await classifier.classify(['where is order 100234?']);
    const confidences = ranked?.map((p) => p.confidence) ?? [];
    expect(ranked?.[0]?.name).toBe('order_status');
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.reduce((sum, c) => sum + c, 0)).toBeCloseTo(1, 6);
  });
});

describe('HybridIntentClassifier persistence', () => {
  it('round-trips through JSON with identical predictions', async () => {
    const restored = HybridIntentClassifier.load(JSON.parse(JSON.stringify(classifier.persist())), encoder);
    const texts = [...holdout.map((e) => e.text), ...OFF_TOPIC];
    expect(await restored.classify(texts)).toEqual(await classifier.classify(texts));
  });

  it('trains to the same model twice on the same data', async () => {
    const again = new HybridIntentClassifier({}, encoder);
    await again.train(examples);
    expect(again.persist()).toEqual(classifier.persist());
  });

  it('refuses to load with a different encoder or none, and rejects inconsistent JSON', async () => {
    const persisted = classifier.persist();
    const other = await createHashedNgramEncoder({ dimension: 256 });
    expect(() => HybridIntentClassifier.load(persisted)).toThrow(/trained with encoder .* got no encoder/);
    expect(() => HybridIntentClassifier.load(persisted, other)).toThrow(/\(256\)/);
    expect(() => HybridIntentClassifier.load({ ...persisted, bias: persisted.bias.slice(1) }, encoder)).toThrow(/bias and labels/);
    expect(() => HybridIntentClassifier.load({ ...persisted, version: 9 }, encoder)).toThrow(InvalidInputError);
  });
});

describe('HybridIntentClassifier misuse', () => {
  it('refuses to classify before training', async () => {
    await expect(new HybridIntentClassifier().classify(['hi'])).rejects.toBeInstanceOf(ModelNotTrainedError);
  });

  it('rejects training data with fewer than two intents or empty texts', async () => {
    const model = new HybridIntentClassifier();
    await expect(model.train([])).rejects.toThrow(/no training examples/);
    await expect(model.train([{ text: 'hi', intent: 'greet' }])).rejects.toThrow(/at least two intents/);
    await expect(model.train([{ text: ' ', intent: 'greet' }, { text: 'bye', intent: 'goodbye' }])).rejects.toThrow(/example text is empty/);
  });

  it('stops training when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new HybridIntentClassifier({}, encoder).train(examples, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
