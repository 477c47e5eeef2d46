import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { CrfTagger, spansFromTags, toTaggedExamples, TrainingAbortedError, type TaggerAlgorithm } from '../../../nlu/entities/index.js';
import { ModelNotTrainedError } from '../../../nlu/errors.js';
import { loadTrainingFile, parseAnnotations, tokenizeChars, tokenizeWords, type TrainingSet } from '../../../nlu/training-format/index.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

/** Held-back sentences (not in the fixture), annotated the way the fixture is. */
const HELD_BACK_EN = [
  'how many [Alpine Fleece](product) do we have in [Bristol](warehouse)',
  'is the [Storm Shell Trousers](product) in stock in [Leeds](warehouse)',
  'add [2](quantity) [Merino Beanie](product) in [green](colour) to my basket',
  'has order [654321](order_id) shipped yet',
  'i want to return the [Summit Backpack](product) from order [100234](order_id)',
  'how much is the [Trail Runner Shoes](product) in [grey](colour)',
];

const HELD_BACK_ZH = ['[上海](warehouse)仓库还有[羽绒服](product)吗', '我想买[冲锋衣](product)', '订单[654321](order_id)发货了吗', '[广州](warehouse)还有多少[羊毛帽](product)'];

/** Gold spans of annotated sentences as `type:text`, and the tagger's spans the same way. */
function compare(tagger: CrfTagger, annotated: readonly string[]): { gold: string[][]; found: string[][] } {
  const tokenize = tagger.language === 'zh' ? tokenizeChars : tokenizeWords;
  const parsed = annotated.map(parseAnnotations);
  const tokens = parsed.map((p) => tokenize(p.text));
  const tags = tagger.tag(tokens.map((t) => t.map((token) => token.text)));
  return {
    gold: parsed.map((p) => p.entities.map((e) => `${e.type}:${p.text.slice(e.start, e.end)}`)),
    found: tags.map((sentence, i) =>
      spansFromTags(sentence).map((s) => {
        const t = tokens[i] ?? [];
        const text = parsed[i]?.text ?? '';
        return `${s.type}:${text.slice(t[s.start]?.start, t[s.end - 1]?.end)}`;
      }),
    ),
  };
}

describe.each<TaggerAlgorithm>(['crf', 'perceptron'])('CrfTagger (%s) on English shop sentences', (algorithm) => {
  let set: TrainingSet;
  let tagger: CrfTagger;

  beforeAll(async () => {
    set = await loadTrainingFile(fixture('shop-slots-en.yaml'));
    tagger = new CrfTagger({ language: 'en', lookups: set.lookups, algorithm });
    await tagger.train(toTaggedExamples(set.examples, 'en'));
  });

  it('tags the spans of held-back sentences', () => {
    const { gold, found } = compare(tagger, HELD_BACK_EN);
    expect(found).toEqual(gold);
  });

  it('gives identical tags after persist → JSON → load', () => {
    const sentences = HELD_BACK_EN.map((s) => tokenizeWords(parseAnnotations(s).text).map((t) => t.text));
    const loaded = CrfTagger.load(JSON.parse(JSON.stringify(tagger.persist())));
    expect(loaded.tag(sentences)).toEqual(tagger.tag(sentences));
    expect(loaded.labels).toEqual(tagger.labels);
  });

  it('is deterministic for a seed', async () => {
    const again = new CrfTagger({ language: 'en', lookups: set.lookups, algorithm });
    await again.train(toTaggedExamples(set.examples, 'en'));
    expect(again.persist()).toEqual(tagger.persist());
  });
});

describe('CrfTagger on Chinese, character by character', () => {
  it('tags held-back sentences, with jieba word-boundary features', async () => {
    const set = await loadTrainingFile(fixture('shop-slots-zh.yaml'));
    const tagger = new CrfTagger({ language: 'zh' });
    await tagger.train(toTaggedExamples(set.examples, 'zh'));
    const { gold, found } = compare(tagger, HELD_BACK_ZH);
    expect(found).toEqual(gold);
    expect(tagger.features(['羽', '绒', '服'])[0]).toEqual(expect.arrayContaining(['c=羽', 'cc+1=羽绒', 'j=B', 'jw=羽绒服']));
  });
});

describe('CrfTagger edges', () => {
  const examples = [
    { tokens: ['stock', 'in', 'Leeds'], tags: ['O', 'O', 'B-warehouse'] },
    { tokens: ['stock', 'in', 'Bristol'], tags: ['O', 'O', 'B-warehouse'] },
  ];

  it('refuses to tag or persist before training', () => {
    const tagger = new CrfTagger({ language: 'en' });
    expect(() => tagger.tag([['hi']])).toThrow(ModelNotTrainedError);
    expect(() => tagger.persist()).toThrow(ModelNotTrainedError);
  });

  it('stops when aborted and keeps its previous model', async () => {
    const tagger = new CrfTagger({ language: 'en' });
    await tagger.train(examples);
    const before = tagger.persist();
    const controller = new AbortController();
    controller.abort();
    await expect(tagger.train([...examples, { tokens: ['hi'], tags: ['O'] }], { signal: controller.signal })).rejects.toThrow(TrainingAbortedError);
    expect(tagger.persist()).toEqual(before);
  });

  it('reports progress per epoch and tags empty sentences as empty', async () => {
    const epochs: number[] = [];
    const tagger = new CrfTagger({ language: 'en', algorithm: 'perceptron' });
    await tagger.train(examples, { epochs: 3, onProgress: (p) => epochs.push(p.epoch) });
    expect(epochs).toEqual([1, 2, 3]);
    expect(tagger.tag([[], ['stock', 'in', 'Leeds']])).toEqual([[], ['O', 'O', 'B-warehouse']]);
  });

  it('rejects sentences without one tag per token', async () => {
    await expect(new CrfTagger({ language: 'en' }).train([{ tokens: ['a', 'b'], tags: ['O'] }])).rejects.toThrow('training example 0 has 2 tokens but 1 tags');
  });

  it('validates persisted models', async () => {
    const tagger = new CrfTagger({ language: 'en' });
    await tagger.train(examples);
    const persisted = tagger.persist();
    expect(() => CrfTagger.load({ ...persisted, kind: 'other' })).toThrow(InvalidInputError);
    expect(() => CrfTagger.load({ ...persisted, transitions: [1] })).toThrow('transitions and allowed must have labels² entries');
    expect(() => CrfTagger.load('nonsense')).toThrow(InvalidInputError);
  });
});
