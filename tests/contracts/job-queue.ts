import { expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { isCounterpartError } from '../../core/errors.js';
import { defineJob, UnrecoverableJobError, type JobDefinitions, type JobQueue } from '../../core/jobs.js';

/** Makes a fresh queue that only the calling test uses; `cleanup` closes it and deletes what it stored. */
export type JobQueueFactory = <const D extends JobDefinitions>(definitions: D) => Promise<{ queue: JobQueue<D>; cleanup(): Promise<void> }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const item = z.object({ n: z.number().int(), tag: z.string().default('none') });

/**
 * The behaviour every {@link JobQueue} implementation must show. Each test builds its own queue
 * through `factory` (its own Redis prefix on BullMQ) and cleans it up when it ends.
 */
export function jobQueueContract(factory: JobQueueFactory): void {
  async function open<const D extends JobDefinitions>(definitions: D): Promise<JobQueue<D>> {
    const { queue, cleanup } = await factory(definitions);
    onTestFinished(cleanup);
    return queue;
  }

  it('runs a job with its parsed payload, id and attempt number', async () => {
    const runs: Array<{ data: unknown; jobId: string; attempt: number }> = [];
    const queue = await open([defineJob({ name: 'echo', schema: item, async handler(data, ctx) { runs.push({ data, jobId: ctx.jobId, attempt: ctx.attempt }); } })]);
    await queue.start();
    const { jobId } = await queue.add('echo', { n: 1 });
    await waitFor(() => runs.length === 1, 'the job');
    expect(runs[0]).toEqual({ data: { n: 1, tag: 'none' }, jobId, attempt: 1 });
  });

  it('rejects a bad payload, an unknown job and a bad job id when adding', async () => {
    const queue = await open([defineJob({ name: 'echo', schema: item, async handler() {} })]);
    const refusals = [
      queue.add('echo', { n: 'one' } as never),
      queue.add('nope' as 'echo', { n: 1 }),
      queue.add('echo', { n: 1 }, { jobId: 'has:colon' }),
      queue.add('echo', { n: 1 }, { jobId: '42' }),
      queue.repeat('echo', { n: 1.5 }, { everyMs: 1000, key: 'k' }),
    ];
    for (const refusal of refusals) {
      const error = await refusal.then(() => undefined, (e: unknown) => e);
      expect(isCounterpartError(error) && error.code).toBe('invalid_input');
    }
    expect((await queue.counts()).echo).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('runs a job once when the same job id is added twice, before and after it ran', async () => {
    let runs = 0;
    const queue = await open([defineJob({ name: 'once', schema: item, async handler() { runs += 1; } })]);
    expect(await queue.add('once', { n: 1 }, { jobId: 'order-42' })).toEqual({ jobId: 'order-42' });
    expect(await queue.add('once', { n: 2 }, { jobId: 'order-42' })).toEqual({ jobId: 'order-42' });
    await queue.start();
    await waitFor(() => runs === 1, 'the job');
    await queue.add('once', { n: 3 }, { jobId: 'order-42' });
    await sleep(300);
    expect(runs).toBe(1);
  });

  it('retries a failing job with back-off, then dead-letters it with its error', async () => {
    const startedAt: number[] = [];
    const queue = await open([defineJob({
      name: 'flaky', schema: item, attempts: 3, backoff: { type: 'exponential', delayMs: 100 },
      async handler(_data, ctx) {
        startedAt.push(Date.now());
        throw new Error(`boom on attempt ${ctx.attempt}`);
      },
    })]);
    await queue.start();
    const { jobId } = await queue.add('flaky', { n: 7 });
    await waitFor(async () => (await queue.deadLetters('flaky')).length === 1, 'the dead letter');
    expect(startedAt).toHaveLength(3);
    // Exponential: about 100 ms before the first retry, 200 ms before the second.
    expect(startedAt[1]! - startedAt[0]!).toBeGreaterThanOrEqual(90);
    expect(startedAt[2]! - startedAt[1]!).toBeGreaterThanOrEqual(190);
    const [letter] = await queue.deadLetters('flaky');
    expect(letter).toMatchObject({ jobId, name: 'flaky', data: { n: 7 }, error: 'boom on attempt 3', attempts: 3 });
    expect(letter!.failedAt).toBeInstanceOf(Date);
    expect((await queue.counts()).flaky).toMatchObject({ failed: 1, delayed: 0, active: 0 });
  });

  it('dead-letters at once on UnrecoverableJobError', async () => {
    let runs = 0;
    const queue = await open([defineJob({
      name: 'doomed', schema: item, attempts: 5, backoff: { type: 'fixed', delayMs: 50 },
      async handler() {
        runs += 1;
        throw new UnrecoverableJobError('order 7 no longer exists');
      },
    })]);
    await queue.start();
    await queue.add('doomed', { n: 7 });
    await waitFor(async () => (await queue.deadLetters('doomed')).length === 1, 'the dead letter');
    await sleep(200);
    expect(runs).toBe(1);
    expect((await queue.deadLetters('doomed'))[0]).toMatchObject({ error: 'order 7 no longer exists', attempts: 1 });
  });

  it('runs a repeatable job more than once, until the schedule is removed', async () => {
    const seen: unknown[] = [];
    const queue = await open([defineJob({ name: 'tick', schema: item, async handler(data) { seen.push(data); } })]);
    await queue.start();
    await queue.repeat('tick', { n: 1 }, { everyMs: 150, key: 'rule-1' });
    await waitFor(() => seen.length >= 2, 'two runs', 5_000);
    expect(seen[0]).toEqual({ n: 1, tag: 'none' });
    expect(await queue.unrepeat('tick', 'rule-1')).toBe(true);
    expect(await queue.unrepeat('tick', 'rule-1')).toBe(false);
    await sleep(200);
    const after = seen.length;
    await sleep(500);
    expect(seen.length).toBe(after);
  });

  it('runs a delayed job no earlier than its delay', async () => {
    let ranAt = 0;
    const queue = await open([defineJob({ name: 'later', schema: item, async handler() { ranAt = Date.now(); } })]);
    await queue.start();
    const addedAt = Date.now();
    await queue.add('later', { n: 1 }, { delayMs: 300 });
    expect((await queue.counts()).later.delayed).toBe(1);
    await waitFor(() => ranAt > 0, 'the delayed job');
    expect(ranAt - addedAt).toBeGreaterThanOrEqual(290);
  });

  it('counts waiting, delayed and failed jobs', async () => {
    const queue = await open([defineJob({
      name: 'count', schema: item, attempts: 1,
      async handler(data) { if (data.n < 0) throw new Error('negative'); },
    })]);
    await queue.add('count', { n: 1 });
    await queue.add('count', { n: -1 });
    await queue.add('count', { n: 2 }, { delayMs: 60_000 });
    expect((await queue.counts()).count).toEqual({ waiting: 2, active: 0, delayed: 1, failed: 0 });
    await queue.start();
    await waitFor(async () => (await queue.counts()).count.failed === 1, 'the failure');
    await waitFor(async () => (await queue.counts()).count.waiting === 0, 'the queue to drain');
    expect((await queue.counts()).count).toEqual({ waiting: 0, active: 0, delayed: 1, failed: 1 });
  });

  it('closes gracefully: stops taking jobs and waits for the running one to finish', async () => {
    const events: string[] = [];
    const queue = await open([defineJob({
      name: 'slow', schema: item,
      async handler(data) {
        events.push(`start ${data.n}`);
        await sleep(400);
        events.push(`end ${data.n}`);
      },
    })]);
    await queue.start({ concurrency: 1 });
    await queue.add('slow', { n: 1 });
    await waitFor(() => events.length === 1, 'the job to start');
    await queue.add('slow', { n: 2 });
    await queue.close({ drain: true, timeoutMs: 5_000 });
    expect(events).toEqual(['start 1', 'end 1']);
    await expect(queue.add('slow', { n: 3 })).rejects.toMatchObject({ code: 'dependency_failed' });
  });

  it('aborts a running job through its signal when the shutdown timeout passes', async () => {
    let aborted = false;
    const queue = await open([defineJob({
      name: 'stuck', schema: item,
      handler: (_data, ctx) => new Promise<void>((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => { aborted = true; reject(ctx.signal.reason); });
      }),
    })]);
    await queue.start();
    await queue.add('stuck', { n: 1 });
    await waitFor(async () => (await queue.counts()).stuck.active === 1, 'the job to start');
    const started = Date.now();
    await queue.close({ drain: true, timeoutMs: 200, abortGraceMs: 2_000 });
    expect(aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
}
