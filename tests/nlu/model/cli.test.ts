import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../nlu/cli.ts', import.meta.url));
// The repository root, where `--import tsx` resolves (the npm script runs there too).
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Four intents of six examples, a few annotated entities, two out-of-scope examples. */
const SHOP_YAML = `version: 1
language: en
intents:
  order_status:
    - where is my order
    - where is order [100234](order_id)
    - has my parcel shipped yet
    - track order [100777](order_id) please
    - when will my order arrive
    - status of order [100555](order_id)
  cancel_order:
    - cancel my order
    - please cancel order [100234](order_id)
    - i want to cancel order [100999](order_id)
    - stop my order from shipping
    - cancel it please
    - cancel the order i placed
  stock_level:
    - how many jackets are in [Leeds](warehouse)
    - stock level in [Manchester](warehouse)
    - what stock do we have in [Leeds](warehouse)
    - how much inventory is left
    - stock count for [Manchester](warehouse) warehouse
    - check stock levels
  greet:
    - hi
    - hello
    - hey there
    - good morning
    - hello bot
    - hiya
out_of_scope:
  - tell me a joke
  - what's the weather like
lookups:
  warehouse:
    - value: LDS
      synonyms: [Leeds]
    - value: MAN
      synonyms: [Manchester]
`;

const BAD_YAML = `version: 1
language: en
intents:
  greet:
    - hello
    - see [you(person) soon
`;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way `npm run nlu` does and returns its exit code and output, failing or not. */
async function nlu(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'counterpart-nlu-cli-'));
const data = join(dir, 'shop.yaml');
const modelDir = join(dir, 'model');
let trained: Outcome;

beforeAll(async () => {
  writeFileSync(data, SHOP_YAML);
  trained = await nlu('train', '--data', data, '--out', modelDir, '--encoder', 'hashed');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run nlu -- train', () => {
  it('saves a model folder whose manifest lists the intents, and prints a summary', () => {
    expect(trained.stderr).toContain('[en] intents:');
    expect(trained.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(modelDir, 'manifest.json'), 'utf8')) as {
      languages: Array<{ intents: string[]; featureSet: { encoder: { id: string } | null } }>;
    };
    expect(manifest.languages[0]?.intents).toEqual(expect.arrayContaining(['order_status', 'cancel_order', 'stock_level', 'greet']));
    expect(manifest.languages[0]?.featureSet.encoder?.id).toMatch(/^hashed-ngram@1:d512:/);
    expect(trained.stdout).toMatch(/^en\s+24 \+ 2 oos\s+4\s/m);
    expect(trained.stdout).toContain(`model folder: ${modelDir}`);
  });

  it('exits with 1 and prints file:line:col and the reason for a malformed file', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, BAD_YAML);
    const outcome = await nlu('train', '--data', bad, '--out', join(dir, 'never'), '--encoder', 'none');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`${bad}:6:`);
    expect(outcome.stderr).toContain("unclosed '['");
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('npm run nlu -- eval', () => {
  it('prints the accuracy line and the tables', async () => {
    const outcome = await nlu('eval', '--model', modelDir, '--data', data);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^intent accuracy: \d\.\d{4} \(\d+\/26\)/m);
    expect(outcome.stdout).toContain('note: the model was trained on this data');
    expect(outcome.stdout).toMatch(/^intent\s+precision\s+recall\s+f1\s+support/m);
    expect(outcome.stdout).toMatch(/^entities \(exact type\+span\): micro precision/m);
  });

  it('prints one JSON object with --json', async () => {
    const outcome = await nlu('eval', '--model', modelDir, '--data', data, '--json');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as { trainingData: boolean; intents: { examples: number; perIntent: unknown[] }; entities: { gold: number } };
    expect(report.trainingData).toBe(true);
    expect(report.intents.examples).toBe(26);
    expect(report.intents.perIntent.length).toBeGreaterThanOrEqual(5);
    expect(report.entities.gold).toBe(9);
  });
});

describe('npm run nlu -- parse', () => {
  it('prints the parse result of a phrasing the model never saw', async () => {
    const outcome = await nlu('parse', '--model', modelDir, 'could', 'you', 'cancel', 'my', 'order', '100321');
    expect(outcome.code).toBe(0);
    const result = JSON.parse(outcome.stdout) as { language: string; intents: Array<{ name: string; confidence: number }>; entities: Array<{ type: string; value: string }> };
    expect(result.language).toBe('en');
    expect(result.intents[0]?.name).toBe('cancel_order');
    expect(result.intents.length).toBeLessThanOrEqual(5);
    for (const intent of result.intents) expect(Math.round(intent.confidence * 1e4) / 1e4).toBe(intent.confidence);
    expect(result.entities).toContainEqual(expect.objectContaining({ type: 'order_id', value: '100321' }));
  });

  it('exits with 1 and says how to train a model when the folder has none', async () => {
    const outcome = await nlu('parse', '--model', join(dir, 'missing'), 'hello');
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('No NLU model in');
    expect(outcome.stderr).toContain('npm run nlu -- train --data nlu/demo-data/en.yaml --data nlu/demo-data/zh.yaml --out data/nlu-model');
  });
});

describe('npm run nlu -- (bad command lines)', () => {
  it('exits with 2 and the usage for an unknown command', async () => {
    const outcome = await nlu('frobnicate');
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('Unknown command "frobnicate"');
    expect(outcome.stderr).toContain('Usage: npm run nlu -- train');
  });
});
