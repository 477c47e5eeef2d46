import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { benchResultSchema } from '../../../bench/nlu/result.js';
import { THREE_INTENTS, banking77Csv, tempDir } from './fixtures.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../../bench/nlu/cli.ts', import.meta.url));
// The repository root, where `--import tsx` resolves (the npm script runs there too).
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = tempDir('cli');
afterAll(() => dir.cleanup());

describe('bench:nlu CLI', () => {
  it('measures ours and the node-nlp peer in child processes and ends with their JSON lines', async () => {
    const train = dir.write('banking77/train.csv', banking77Csv(THREE_INTENTS));
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', CLI, '--dataset', 'banking77', '--train', train, '--peer', 'node-nlp'],
      { cwd: ROOT, timeout: 60_000 },
    );
    const lines = stdout.trimEnd().split('\n');
    const [oursLine, peerLine] = lines.slice(-2).map((line) => benchResultSchema.parse(JSON.parse(line)));
    expect(oursLine).toMatchObject({ dataset: 'banking77', system: 'ours', split: 'validation', test_utterances: 3 });
    expect(peerLine).toMatchObject({ dataset: 'banking77', system: 'node-nlp', split: 'validation' });
    expect(stdout).toContain('These are VALIDATION numbers');
    expect(stdout).toMatch(/intent accuracy %\s+\|/);
    expect(stderr).toContain('--- node-nlp: training and measuring in a child process');
  }, 90_000);

  it('exits with 2 and the usage on a bad dataset name', async () => {
    await expect(run(process.execPath, ['--import', 'tsx', CLI, '--dataset', 'imdb'], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Usage: npm run bench:nlu'),
    });
  });
});
