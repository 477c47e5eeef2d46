import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { loadTrainingFile, parseTrainingFile, TrainingDataError, type TrainingDataIssue } from '../../../nlu/training-format/index.js';

const GOOD = `version: 1
language: en            # en | zh
intents:
  order_status:
    - where is my order
    - where's order [100234](order_id)?
    - has [#100234](order_id) shipped yet
  stock_level:
    - how many [Kinder Waterproof Jacket](product) do we have in [Leeds](warehouse:LDS)
out_of_scope:
  - what's the weather tomorrow
lookups:
  warehouse:
    - value: LDS
      synonyms: [Leeds, Leeds warehouse]
    - MAN
`;

/** Parses and returns the issues of the error it must throw. */
function issuesOf(text: string, fileName = 'shop.yaml'): TrainingDataIssue[] {
  try {
    parseTrainingFile(text, { fileName });
  } catch (error) {
    expect(error).toBeInstanceOf(TrainingDataError);
    expect((error as TrainingDataError).code).toBe('invalid_training_data');
    return [...(error as TrainingDataError).issues];
  }
  throw new InvalidInputError('expected parseTrainingFile to throw');
}

const minimal = (examples: string) => `language: en\nintents:\n  greet:\n${examples}`;

describe('parseTrainingFile: a good file', () => {
  const set = parseTrainingFile(GOOD, { fileName: 'shop.yaml' });

  it('returns clean texts with entity offsets into them', () => {
    expect(set.language).toBe('en');
    expect(set.examples.map((e) => e.text)).toEqual([
      'where is my order',
      "where's order 100234?",
      'has #100234 shipped yet',
      'how many Kinder Waterproof Jacket do we have in Leeds',
    ]);
    for (const example of set.examples) {
      for (const entity of example.entities) {
        expect(example.text.slice(entity.start, entity.end)).toBe(entity.type === 'warehouse' ? 'Leeds' : entity.value);
      }
    }
    expect(set.examples[3]?.entities).toEqual([
      { type: 'product', start: 9, end: 33, value: 'Kinder Waterproof Jacket' },
      { type: 'warehouse', start: 48, end: 53, value: 'LDS' },
    ]);
  });

  it('keeps intents, positions, out-of-scope examples and lookups', () => {
    expect(set.examples.map((e) => e.intent)).toEqual(['order_status', 'order_status', 'order_status', 'stock_level']);
    expect(set.examples[1]?.source).toEqual({ file: 'shop.yaml', line: 6, column: 7 });
    expect(set.outOfScope).toEqual([{ text: "what's the weather tomorrow", source: { file: 'shop.yaml', line: 11, column: 5 } }]);
    expect(set.lookups).toEqual([
      { type: 'warehouse', entries: [{ value: 'LDS', synonyms: ['Leeds', 'Leeds warehouse'] }, { value: 'MAN', synonyms: [] }] },
    ]);
  });

  it('reads the same structure from JSON', () => {
    const json = JSON.stringify(
      {
        version: 1,
        language: 'en',
        intents: { order_status: ['where is my order', "where's order [100234](order_id)?"] },
        lookups: { warehouse: [{ value: 'LDS', synonyms: ['Leeds'] }] },
      },
      null,
      2,
    );
    const fromJson = parseTrainingFile(json, { fileName: 'shop.json' });
    expect(fromJson.examples[1]).toMatchObject({ text: "where's order 100234?", entities: [{ type: 'order_id', start: 14, end: 20, value: '100234' }] });
    expect(fromJson.examples[1]?.source.line).toBe(7);
  });
});

describe('parseTrainingFile: malformed files', () => {
  it.each([
    ['a YAML syntax error', 'language: en\nintents:\n  greet: [hi\n  bye: x\n', 4, 3, 'YAML syntax error: Flow sequence'],
    ['an unquoted example starting with [', minimal('    - [Leeds](warehouse) stock\n'), 4, 14, 'must be quoted'],
    ['an intent with no examples', 'language: en\nintents:\n  greet:\n', 3, 3, 'intent "greet" has no examples'],
    ['an empty example list', 'language: en\nintents:\n  greet: []\n', 3, 10, 'intent "greet" has no examples'],
    ['a non-string example', minimal('    - hi\n    - 42\n'), 5, 7, 'intent "greet", example 2 must be a string, got number 42'],
    ['an unclosed [', minimal('    - where is [order\n'), 4, 16, "unclosed '['"],
    ['[text] without (type)', minimal('    - has [#100234] shipped\n'), 4, 11, '[#100234] has no entity type'],
    ['an empty entity', minimal('    - has [ ](order_id) shipped\n'), 4, 11, 'empty entity'],
    ['an unknown top-level key', `${minimal('    - hi\n')}colour: red\n`, 5, 1, 'unknown top-level key "colour"'],
    ['a wrong language', 'language: fr\nintents:\n  greet:\n    - hi\n', 1, 11, 'language must be one of en, zh, got string "fr"'],
    ['a missing language', 'intents:\n  greet:\n    - hi\n', 1, 1, 'language is missing'],
    ['a wrong version', `version: 2\n${minimal('    - hi\n')}`, 1, 10, 'version must be 1'],
    ['a bad intent name', 'language: en\nintents:\n  Order Status:\n    - hi\n', 3, 3, 'intent name "Order Status" must be snake_case'],
    ['a bad entity type', minimal('    - cancel [x](bad type) now\n'), 4, 18, 'invalid entity type "bad type"'],
    ['a duplicate key', 'language: en\nintents:\n  greet:\n    - hi\n  greet:\n    - hello\n', 5, 3, 'duplicate key "greet"'],
  ])('reports %s with its line and column', (_, text, line, column, reason) => {
    const issues = issuesOf(text);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'shop.yaml', line, column });
    expect(issues[0]?.reason).toContain(reason);
  });

  it('reports a duplicate example across intents with both lines', () => {
    const text = 'language: en\nintents:\n  greet:\n    - hi there\n  bye:\n    - Hi  there\n';
    expect(issuesOf(text)).toEqual([
      { file: 'shop.yaml', line: 6, column: 7, reason: 'duplicate example "Hi  there": listed under intent "greet" (line 4) and intent "bye" (line 6)' },
    ]);
  });

  it('collects every problem, sorted, into one message of file:line:col reason lines', () => {
    const text = [
      'version: 2',
      'language: fr',
      'colour: red',
      'intents:',
      '  order_status:',
      '    - where is my order',
      '    - 42',
      "    - where's order [100234(order_id)?",
      '  empty:',
      'out_of_scope:',
      '  - where is my order',
      '',
    ].join('\n');
    let error: TrainingDataError | undefined;
    try {
      parseTrainingFile(text, { fileName: 'bad.yaml' });
    } catch (caught) {
      error = caught as TrainingDataError;
    }
    expect(error?.issues.map((i) => `${i.line}:${i.column}`)).toEqual(['1:10', '2:11', '3:1', '7:7', '8:21', '9:3', '11:5']);
    expect(error?.message).toContain('Invalid training data (7 problems):\nbad.yaml:1:10 version must be 1, got number 2\nbad.yaml:2:11 language');
    expect(error?.message).toContain('bad.yaml:11:5 duplicate example "where is my order": listed under intent "order_status" (line 6) and out_of_scope (line 11)');
  });

  it('names line and column in JSON files too', () => {
    const json = '{\n  "language": "en",\n  "intents": {\n    "greet": ["hi [there]"],\n    "bye": []\n  }\n}';
    expect(issuesOf(json, 'shop.json').map((i) => [i.line, i.column, i.reason])).toEqual([
      [4, 19, 'intent "greet": [there] has no entity type: write [there](entity_type), or \\[ for a literal bracket'],
      [5, 12, 'intent "bye" has no examples'],
    ]);
  });

  it.each([
    ['a trailing comma', '{\n  "language": "en",\n  "intents": {"greet": ["hi",]}\n}', 3, 29, 'trailing comma'],
    ['a missing colon', '{\n  "language" "en"\n}', 2, 14, "Expected ':' after property name"],
  ])('reports JSON syntax errors (%s) with their position', (_, json, line, column, reason) => {
    const [issue] = issuesOf(json, 'shop.json');
    expect(issue).toMatchObject({ line, column });
    expect(issue?.reason).toContain(reason);
  });
});

describe('loadTrainingFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'training-format-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads YAML and JSON files by extension', async () => {
    writeFileSync(join(dir, 'shop.yaml'), GOOD);
    writeFileSync(join(dir, 'shop.json'), JSON.stringify({ language: 'zh', intents: { greet: ['你好'] } }));
    expect((await loadTrainingFile(join(dir, 'shop.yaml'))).examples).toHaveLength(4);
    expect((await loadTrainingFile(join(dir, 'shop.json'))).language).toBe('zh');
  });

  it('names the file in issues and says when it cannot be read', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'language: en\nintents:\n  greet:\n');
    await expect(loadTrainingFile(join(dir, 'bad.yaml'))).rejects.toThrow(`${join(dir, 'bad.yaml')}:3:3 intent "greet" has no examples`);
    await expect(loadTrainingFile(join(dir, 'missing.yaml'))).rejects.toThrow(InvalidInputError);
  });
});
