import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type JobDefinitions } from '../../core/jobs.js';
import { BullMqJobQueue } from '../../jobs/bullmq.js';
import { pingJob } from '../../jobs/ping.js';
import { keysMatching, redisUrlForTests } from './redis.js';

const redisUrl = redisUrlForTests();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.skipIf(!redisUrl)('BullMQ job queue across processes', () => {
  const url = redisUrl!;
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A queue on a prefix only this test uses; obliterated after the test. */
  function open<const D extends JobDefinitions>(definitions: D, prefix: string): BullMqJobQueue<D> {
    const queue = new BullMqJobQueue({ redisUrl: url, definitions, prefix });
    cleanups.push(async () => {
      await queue.close({ drain: false, abortGraceMs: 500 });
      const janitor = new BullMqJobQueue({ redisUrl: url, definitions, prefix });
      await janitor.obliterate();
      await janitor.close();
    });
    return queue;
  }

  it('lets one instance add jobs and another process them', async () => {
    const prefix = `test-jobs-${randomBytes(6).toString('hex')}`;
    const seen: number[] = [];
    const schema = z.object({ n: z.number() });
    const producer = open([defineJob({ name: 'work', schema, async handler() { throw new Error('producers never run jobs'); } })], prefix);
    const consumer = open([defineJob({ name: 'work', schema, async handler(data) { seen.push(data.n); } })], prefix);
    await producer.add('work', { n: 1 });
    await producer.add('work', { n: 2 });
    await consumer.start();
    await waitFor(() => seen.length === 2, 'both jobs');
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('dead-letters at once a stored payload the worker\'s schema refuses', async () => {
    const prefix = `test-jobs-${randomBytes(6).toString('hex')}`;
    let runs = 0;
    const producer = open([defineJob({ name: 'v', schema: z.object({ n: z.number() }), async handler() {} })], prefix);
    // A newer worker that expects a field older producers do not send.
    const consumer = open([defineJob({ name: 'v', schema: z.object({ n: z.number(), id: z.string() }), attempts: 3, async handler() { runs += 1; } })], prefix);
    await producer.add('v', { n: 1 });
    await consumer.start();
    await waitFor(async () => (await consumer.deadLetters('v')).length === 1, 'the dead letter');
    expect(runs).toBe(0);
    expect((await consumer.deadLetters('v'))[0]).toMatchObject({ attempts: 1, error: expect.stringContaining('no longer matches its schema') });
  });

  it('hands a job aborted by shutdown back to the queue without spending an attempt', async () => {
    const prefix = `test-jobs-${randomBytes(6).toString('hex')}`;
    const schema = z.object({ n: z.number() });
    const first = open([defineJob({
      name: 'long', schema, attempts: 1,
      handler: (_data, ctx) => new Promise<void>((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))),
    })], prefix);
    await first.start();
    await first.add('long', { n: 1 }, { jobId: 'long-1' });
    await waitFor(async () => (await first.counts()).long.active === 1, 'the job to start');
    await first.close({ drain: true, timeoutMs: 100, abortGraceMs: 2_000 });

    const attempts: number[] = [];
    const second = open([defineJob({ name: 'long', schema, attempts: 1, async handler(_data, ctx) { attempts.push(ctx.attempt); } })], prefix);
    expect((await second.counts()).long).toMatchObject({ waiting: 1, failed: 0 });
    await second.start();
    await waitFor(() => attempts.length === 1, 'the second worker to run it');
    expect(attempts).toEqual([1]);
    expect(await second.deadLetters('long')).toEqual([]);
  });

  it('runs `npm run worker` (server/worker.ts): processes a ping and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counterpart-worker-'));
    // The worker uses the default prefix: if that queue is in use here, touch only the job added below.
    const { Queue } = await import('bullmq');
    const raw = new Queue('ping', { connection: { url }, prefix: 'counterpart' });
    const redis = new Redis(url);
    const pristine = (await keysMatching(redis, 'counterpart:ping:*')).length === 0;
    redis.disconnect();
    const producer = new BullMqJobQueue({ redisUrl: url, definitions: [pingJob({ logger: console })] });
    const jobId = `worker-test-${randomBytes(6).toString('hex')}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/worker.ts'], {
      env: { ...process.env, REDIS_URL: url, SQLITE_PATH: join(dir, 'test.db'), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(() => output.includes('worker started'), 'the worker to start', 30_000);
      await producer.add('ping', { note: 'from the test' }, { jobId });
      await waitFor(() => output.includes(jobId), 'the ping to run');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('worker shutting down');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      if (pristine) await raw.obliterate({ force: true });
      else await (await raw.getJob(jobId))?.remove();
      await raw.close();
      await producer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
