import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../core/jobs.js';
import { BullMqJobQueue } from '../../jobs/bullmq.js';
import { redisUrlForTests } from './redis.js';

const redisUrl = redisUrlForTests();

describe.skipIf(!redisUrl)('a job worker killed mid-job', () => {
  const prefix = `test-kill-${randomBytes(6).toString('hex')}`;
  const runs: number[] = [];
  const definitions = [defineJob({ name: 'slow', schema: z.object({ n: z.number() }), attempts: 3, async handler(data) { runs.push(data.n); } })];
  const survivor = new BullMqJobQueue({ redisUrl: redisUrl ?? '', prefix, definitions, lockDurationMs: 1_000 });
  afterAll(async () => {
    await survivor.obliterate();
    await survivor.close({ drain: false, abortGraceMs: 200 });
  });

  it('hands the job to another worker, which completes it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/slow-job-worker.ts', prefix], {
      env: { ...process.env, REDIS_URL: redisUrl }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const until = async (done: () => boolean | Promise<boolean>, what: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (!(await done())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await until(() => output.includes('ready'), 'the worker process', 30_000);
      await survivor.add('slow', { n: 7 }, { jobId: 'slow-7' });
      await until(() => output.includes('started 7 attempt 1'), 'the job to start in the child', 10_000);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      await survivor.start();
      await until(() => runs.length > 0, 'another worker to run the job', 15_000);
      expect(runs).toEqual([7]);
      await until(async () => (await survivor.counts()).slow.active === 0, 'the job to complete', 5_000);
      expect(await survivor.counts()).toMatchObject({ slow: { waiting: 0, active: 0, failed: 0 } });
      expect(await survivor.deadLetters('slow')).toEqual([]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
