import { afterEach, describe, expect, it } from 'vitest';
import { InProcessJobQueue } from '../../jobs/in-process.js';
import { kbReindexJob, nluRetrainJob } from '../../jobs/maintenance.js';

/** The maintenance jobs run where their index or model lives, and say so clearly anywhere else. */
describe('maintenance jobs', () => {
  let queue: InProcessJobQueue<readonly [ReturnType<typeof kbReindexJob>, ReturnType<typeof nluRetrainJob>]> | undefined;
  afterEach(async () => { await queue?.close({ drain: false, abortGraceMs: 100 }); });

  it('re-indexes and retrains through the tasks the web server gives them', async () => {
    const done: string[] = [];
    queue = new InProcessJobQueue({
      definitions: [kbReindexJob(async () => { done.push('kb'); }), nluRetrainJob(async () => { done.push('nlu'); })] as const,
    });
    await queue.start();
    await queue.add('kb-reindex', { reason: 'policies changed' });
    await queue.add('nlu-retrain', {});
    await expect.poll(() => [...done].sort(), { timeout: 5_000 }).toEqual(['kb', 'nlu']);
  });

  it('dead-letters at once, with the reason, in a process that has nothing to rebuild', async () => {
    queue = new InProcessJobQueue({ definitions: [kbReindexJob(undefined), nluRetrainJob(undefined)] as const });
    await queue.start();
    await queue.add('nlu-retrain', {});
    await expect.poll(async () => (await queue!.deadLetters('nlu-retrain')).length, { timeout: 5_000 }).toBe(1);
    const [letter] = await queue.deadLetters('nlu-retrain');
    expect(letter?.attempts).toBe(1);
    expect(letter?.error).toMatch(/runs in a web server process/);
  });
});
