import { describe, expect, it } from 'vitest';
import type { BenchDataset } from '../../../bench/nlu/datasets/index.js';
import { measureSystem } from '../../../bench/nlu/measure.js';
import { benchResultSchema } from '../../../bench/nlu/result.js';
import type { BenchInput, BenchParse, BenchSystem, BenchTrainData } from '../../../bench/nlu/system.js';

/** Answers from a lookup table learnt in training; records what it was asked. */
class LookupSystem implements BenchSystem {
  readonly name = 'lookup';
  readonly parsed: string[] = [];
  trainedOn: BenchTrainData | undefined;
  private table = new Map<string, string>();

  constructor(readonly tagsSlots: boolean) {}

  async train(data: BenchTrainData): Promise<void> {
    this.trainedOn = data;
    this.table = new Map(data.train.map((e) => [e.text.split(' ')[0] ?? '', e.intent]));
  }

  async parse(input: BenchInput): Promise<BenchParse> {
    this.parsed.push(input.text);
    const intent = this.table.get(input.text.split(' ')[0] ?? '') ?? null;
    return this.tagsSlots ? { intent, tags: (input.tokens ?? []).map((t) => (t === 'paris' ? 'B-city' : 'O')) } : { intent };
  }

  async parseBatch(inputs: readonly BenchInput[]): Promise<BenchParse[]> {
    return Promise.all(inputs.map((input) => this.parse(input)));
  }
}

const example = (text: string, intent: string, tags?: string[]) =>
  tags === undefined ? { text, intent } : { text, intent, tokens: text.split(' '), tags };

function dataset(overrides: Partial<BenchDataset>): BenchDataset {
  return {
    name: 'banking77',
    language: 'en',
    hasSlots: false,
    hasOos: false,
    testSplit: 'test',
    train: [example('fly to rome', 'flight'), example('weather in rome', 'weather')],
    valid: [example('weather now', 'weather')],
    test: [example('fly to paris', 'flight'), example('weather in paris', 'weather'), example('hello there', 'greet')],
    ...overrides,
  };
}

describe('measureSystem', () => {
  it('gives the JSON fields, parsing each test utterance once while timed', async () => {
    const system = new LookupSystem(false);
    const result = await measureSystem({ system, dataset: dataset({}), timing: { warmup: 2, batchSize: 2 } });
    expect(benchResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ dataset: 'banking77', system: 'lookup', intent_accuracy: 66.67, split: 'test', test_utterances: 3 });
    expect(result).not.toHaveProperty('slot_f1');
    expect(result).not.toHaveProperty('oos_recall');
    // Warm-up uses training texts; then the 3 test texts once each; then the agreement check re-parses the single sample.
    const testTexts = ['fly to paris', 'weather in paris', 'hello there'];
    const timed = system.parsed.filter((t) => testTexts.includes(t));
    expect(timed.length).toBe(3 + 1);
    expect(new Set(timed)).toEqual(new Set(testTexts));
  });

  it('never hands test data to training', async () => {
    const system = new LookupSystem(false);
    await measureSystem({ system, dataset: dataset({}) });
    const seen = JSON.stringify(system.trainedOn);
    expect(seen).not.toContain('paris');
  });

  it('scores out-of-scope items as null intents (CLINC150)', async () => {
    const result = await measureSystem({
      system: new LookupSystem(false),
      dataset: dataset({ name: 'clinc150', hasOos: true, testOos: ['bake bread', 'fly a kite'], oosValid: ['sing'] }),
    });
    // "fly a kite" is taken for a flight: 3 of 5 right overall.
    expect(result).toMatchObject({ intent_accuracy: 60, in_scope_accuracy: 66.67, oos_recall: 50 });
  });

  it('reports slot F1 for a tagger and null without one', async () => {
    const slots = dataset({
      name: 'snips',
      hasSlots: true,
      train: [example('fly to rome', 'flight', ['O', 'O', 'B-city'])],
      test: [example('fly to paris', 'flight', ['O', 'O', 'B-city']), example('fly to new york', 'flight', ['O', 'O', 'B-city', 'I-city'])],
    });
    expect((await measureSystem({ system: new LookupSystem(true), dataset: slots })).slot_f1).toBeCloseTo(66.67);
    expect((await measureSystem({ system: new LookupSystem(false), dataset: slots })).slot_f1).toBeNull();
  });
});
