import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { DATASET_READERS, loadBenchDataset, parseCsv } from '../../../bench/nlu/datasets/index.js';
import { THREE_INTENTS, banking77Csv, tempDir } from './fixtures.js';

const dir = tempDir('datasets');
afterAll(() => dir.cleanup());

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded line breaks, CRLF and a BOM', () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi""\nthere"\r\nplain,last';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['plain', 'last'],
    ]);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a\n"open', 'bad.csv')).toThrow(InvalidInputError);
  });
});

describe('banking77 reader', () => {
  const train = dir.write('banking77/train.csv', banking77Csv(THREE_INTENTS));
  const test = dir.write('banking77/test.csv', banking77Csv([['is my card here, yet?', 'card_arrival']]));

  it('splits a stratified, reproducible 10 % validation part off train', async () => {
    const side = await DATASET_READERS.banking77.readTrain(train);
    expect(side.train).toHaveLength(27);
    expect(side.valid).toHaveLength(3);
    expect(new Set(side.valid.map((e) => e.intent))).toEqual(new Set(['card_arrival', 'exchange_rate', 'top_up']));
    expect((await DATASET_READERS.banking77.readTrain(train)).valid).toEqual(side.valid);
    expect(side.train.find((e) => e.text.startsWith('top up "'))?.text).toBe('top up "fast"');
  });

  it('reads the test CSV', async () => {
    expect(await DATASET_READERS.banking77.readTest(test)).toEqual({ test: [{ text: 'is my card here, yet?', intent: 'card_arrival' }] });
  });

  it('names a missing column', async () => {
    const bad = dir.write('banking77/bad.csv', 'utterance,category\nhi,greet\n');
    await expect(DATASET_READERS.banking77.readTrain(bad)).rejects.toThrow('no column "text"');
  });
});

describe('bitext reader', () => {
  it('reads instruction and intent, with multi-line quoted responses in between', async () => {
    const header = 'context,role,instruction,intent,entity_type,entity_value,start_offset,end_offset,category,tags,response';
    const row = (instruction: string, intent: string) =>
      `customer support,virtual assistant,${instruction},${intent},,,,,ORDER,BL,"Sure.\n\n1. Log in, then ""Orders"".\n2. Done."`;
    const rows = [...Array.from({ length: 10 }, (_, i) => row(`cancel order ${i}`, 'cancel_order')), row('"track it, please"', 'track_order')];
    const file = dir.write('bitext/train.csv', `${header}\r\n${rows.join('\r\n')}\r\n`);
    const side = await DATASET_READERS.bitext.readTrain(file);
    expect(side.train.length + side.valid.length).toBe(11);
    expect(side.valid).toHaveLength(1);
    expect(side.train).toContainEqual({ text: 'track it, please', intent: 'track_order' });
  });
});

describe('clinc150 reader', () => {
  const trainFile = dir.write(
    'clinc/data_full_train_val.json',
    JSON.stringify({
      train: [['what is the weather', 'weather'], ['play a song', 'play_music']],
      val: [['weather today', 'weather']],
      oos_train: [['how tall is a giraffe', 'oos']],
      oos_val: [['who won the game', 'oos']],
    }),
  );

  it('reads train, validation and the out-of-scope parts', async () => {
    expect(await DATASET_READERS.clinc150.readTrain(trainFile)).toEqual({
      train: [{ text: 'what is the weather', intent: 'weather' }, { text: 'play a song', intent: 'play_music' }],
      valid: [{ text: 'weather today', intent: 'weather' }],
      oosTrain: ['how tall is a giraffe'],
      oosValid: ['who won the game'],
    });
  });

  it('reads test and oos_test from the test file', async () => {
    const testFile = dir.write('clinc/test.json', JSON.stringify({ test: [['rain tomorrow?', 'weather']], oos_test: [['bake bread', 'oos']] }));
    expect(await DATASET_READERS.clinc150.readTest(testFile)).toEqual({ test: [{ text: 'rain tomorrow?', intent: 'weather' }], oos: ['bake bread'] });
  });

  it('uses the validation parts as the test when no test path is given', async () => {
    const dataset = await loadBenchDataset({ dataset: 'clinc150', trainPath: trainFile });
    expect(dataset.testSplit).toBe('validation');
    expect(dataset.test).toEqual(dataset.valid);
    expect(dataset.testOos).toEqual(['who won the game']);
  });

  it('says where a file is malformed', async () => {
    const bad = dir.write('clinc/bad.json', JSON.stringify({ test: [['only text']], oos_test: [] }));
    await expect(DATASET_READERS.clinc150.readTest(bad)).rejects.toThrow(/bad\.json: at test\.0/);
  });
});

describe.each(['snips', 'atis'] as const)('%s reader', (name) => {
  const root = `${name}-data`;
  const writeSplit = (split: string, lines: { in: string[]; out: string[]; label: string[] }) => {
    dir.write(`${root}/${split}/seq.in`, `${lines.in.join('\n')}\n`);
    dir.write(`${root}/${split}/seq.out`, `${lines.out.join('\n')}\n`);
    dir.write(`${root}/${split}/label`, `${lines.label.join('\n')}\n`);
  };
  writeSplit('train', { in: ['play abba on spotify ', 'book a table'], out: ['O B-artist O B-service ', 'O O O'], label: ['PlayMusic', 'BookRestaurant'] });
  writeSplit('valid', { in: ['play queen'], out: ['O B-artist'], label: ['PlayMusic'] });
  writeSplit('test', { in: ['book a table for two'], out: ['O O O O B-party_size'], label: ['BookRestaurant'] });

  it('reads train with the sibling valid folder, tokens and tags aligned', async () => {
    const side = await DATASET_READERS[name].readTrain(`${dir.path}/${root}/train`);
    expect(side.train[0]).toEqual({
      text: 'play abba on spotify',
      tokens: ['play', 'abba', 'on', 'spotify'],
      tags: ['O', 'B-artist', 'O', 'B-service'],
      intent: 'PlayMusic',
    });
    expect(side.valid).toEqual([{ text: 'play queen', tokens: ['play', 'queen'], tags: ['O', 'B-artist'], intent: 'PlayMusic' }]);
  });

  it('reads a test folder with the valid folder layout', async () => {
    const side = await DATASET_READERS[name].readTest(`${dir.path}/${root}/test/`);
    expect(side.test[0]?.tags).toEqual(['O', 'O', 'O', 'O', 'B-party_size']);
  });

  it('rejects a line whose tag count differs from its word count, naming the line', async () => {
    writeSplit('broken', { in: ['a b', 'c d'], out: ['O O', 'O'], label: ['x', 'y'] });
    await expect(DATASET_READERS[name].readTest(`${dir.path}/${root}/broken`)).rejects.toThrow('line 2 has 2 words but 1 tags');
  });
});

describe('cais reader', () => {
  const conll = (utterances: ReadonlyArray<ReadonlyArray<readonly [string, string]>>) =>
    utterances.map((u) => u.map(([c, t]) => `${c} ${t}`).join('\n')).join('\n\n');
  dir.write('cais/train/ch.train', conll([[['放', 'O'], ['周', 'B-singer'], [' ', 'I-singer'], ['杰', 'E-singer']], [['天', 'O'], ['气', 'O']]]));
  dir.write('cais/train/ch.train.intent', 'PlayMusic\nWeather\n');
  dir.write('cais/valid/ch.valid', `${conll([[['听', 'O'], ['歌', 'O']]])}\n`);
  dir.write('cais/valid/ch.valid.intent', 'PlayMusic\n');
  dir.write('cais/test/ch.test', conll([[['S', 'S-song']]]));
  dir.write('cais/test/ch.test.intent', 'PlayMusic');

  it('reads characters (a space included) and BIOES tags, with the sibling valid folder', async () => {
    const side = await DATASET_READERS.cais.readTrain(`${dir.path}/cais/train`);
    expect(side.train).toEqual([
      { text: '放周 杰', tokens: ['放', '周', ' ', '杰'], tags: ['O', 'B-singer', 'I-singer', 'E-singer'], intent: 'PlayMusic' },
      { text: '天气', tokens: ['天', '气'], tags: ['O', 'O'], intent: 'Weather' },
    ]);
    expect(side.valid).toHaveLength(1);
  });

  it('derives the file names of a test folder from its name', async () => {
    expect((await DATASET_READERS.cais.readTest(`${dir.path}/cais/test`)).test).toEqual([
      { text: 'S', tokens: ['S'], tags: ['S-song'], intent: 'PlayMusic' },
    ]);
  });

  it('finds the files of a folder named otherwise by its .intent file', async () => {
    dir.write('cais/held-out/ch.test', conll([[['好', 'O']]]));
    dir.write('cais/held-out/ch.test.intent', 'Chat\n');
    expect((await DATASET_READERS.cais.readTest(`${dir.path}/cais/held-out`)).test[0]?.intent).toBe('Chat');
  });

  it('rejects a count mismatch between utterances and intents', async () => {
    dir.write('cais/bad/ch.bad', conll([[['好', 'O']]]));
    dir.write('cais/bad/ch.bad.intent', 'Chat\nChat\n');
    await expect(DATASET_READERS.cais.readTest(`${dir.path}/cais/bad`)).rejects.toThrow('1 utterances but 2 intent lines');
  });
});

describe('loadBenchDataset', () => {
  it('rejects an unknown dataset', async () => {
    await expect(loadBenchDataset({ dataset: 'nope', trainPath: 'x' })).rejects.toThrow(InvalidInputError);
  });

  it('marks a given test path as the test split', async () => {
    const train = dir.write('load/train.csv', banking77Csv(THREE_INTENTS));
    const test = dir.write('load/test.csv', banking77Csv([['fx rate', 'exchange_rate']]));
    const dataset = await loadBenchDataset({ dataset: 'banking77', trainPath: train, testPath: test });
    expect(dataset).toMatchObject({ name: 'banking77', language: 'en', testSplit: 'test', hasSlots: false, hasOos: false });
    expect(dataset.test).toHaveLength(1);
  });
});
