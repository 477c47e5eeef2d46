import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.js';
import { scoreSentimentJob, sentimentSweepJob } from '../../jobs/score-sentiment.js';
import { InProcessJobQueue } from '../../jobs/in-process.js';
import { DAY, insertBasics, insertMessages, NOW } from '../monitor/alerts/fixtures.js';
import { openTestStore, type TestStore } from '../helpers/store.js';

describe('sentiment sweep: no customer message stays unscored after its job was lost', () => {
  let store: TestStore | undefined;
  afterEach(async () => { await store?.cleanup(); });

  it('queues scoring for old-enough unscored messages of the last day, once each', async () => {
    store = await openTestStore('sqlite');
    await insertBasics(store.db);
    await insertMessages(store.db, { at: new Date(NOW.getTime() - 10 * 60_000).toISOString(), total: 2, negative: 0, unscored: 3 });
    await insertMessages(store.db, { at: new Date(NOW.getTime() - 10_000).toISOString(), total: 0, negative: 0, unscored: 1 }); // too fresh: its job may still run
    await insertMessages(store.db, { at: new Date(NOW.getTime() - 2 * DAY).toISOString(), total: 0, negative: 0, unscored: 1 }); // beyond the window
    const scored: string[] = [];
    const s = store;
    const queue: InProcessJobQueue<readonly [ReturnType<typeof scoreSentimentJob>, ReturnType<typeof sentimentSweepJob>]> = new InProcessJobQueue({
      logger: silentLogger,
      definitions: [
        scoreSentimentJob({ logger: silentLogger, store: s, score: async (texts) => texts.map(() => ({ score: -0.25 })), onScored: (m) => { scored.push(m.activityId); } }),
        sentimentSweepJob({
          logger: silentLogger, store: s, now: () => NOW,
          queueScoring: (activityId) => queue.add('score-sentiment', { activityId }, { jobId: `sentiment-${activityId}` }),
        }),
      ] as const,
    });
    await queue.start();
    await queue.add('sentiment-sweep', {});
    for (let i = 0; i < 100 && scored.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.add('sentiment-sweep', {}); // a second run finds nothing left to queue
    await new Promise((resolve) => setTimeout(resolve, 100));
    await queue.close({ drain: true, timeoutMs: 5_000 });
    expect(scored).toHaveLength(3);
    const rows = await s.db.selectFrom('messages').select(['activity_id', 'sentiment', 'created_at']).orderBy('created_at').execute();
    expect(rows.filter((r) => r.sentiment === -0.25).map((r) => r.activity_id).sort()).toEqual([...scored].sort());
    expect(rows.filter((r) => r.sentiment === null)).toHaveLength(2);
  });
});
