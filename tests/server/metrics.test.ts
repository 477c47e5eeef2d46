import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffEvents } from '../../bot/index.js';
import type { TurnRecord } from '../../core/observer.js';
import type { KnowledgeAnswer, KnowledgeBase } from '../../core/tools.js';
import { ServerMetrics, timedKnowledgeBase, type RetrievalOutcome } from '../../server/metrics.js';

/** The value of one sample in a text exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A turn as the bot reports it; only the fields the metrics read matter. */
function turn(options: { channel: TurnRecord['channel']; replies: number; nluMs: number; totalMs: number }): TurnRecord {
  return {
    conversationId: 'c1', channel: options.channel, inbound: {} as TurnRecord['inbound'],
    replies: Array.from({ length: options.replies }, () => ({}) as TurnRecord['inbound']),
    parse: {} as TurnRecord['parse'], nluMs: options.nluMs, totalMs: options.totalMs,
  };
}

const answer: KnowledgeAnswer = { text: 'Returns are free.', sources: [], chunkIds: [], related: [], score: 0.9 };

describe('ServerMetrics', () => {
  it('records turns by channel, NLU time and messages in and out', async () => {
    const metrics = new ServerMetrics();
    metrics.turnObserver.onTurn(turn({ channel: 'rest', replies: 2, nluMs: 4, totalMs: 120 }));
    metrics.turnObserver.onTurn(turn({ channel: 'webchat', replies: 0, nluMs: 2, totalMs: 30 }));
    const text = await metrics.registry.metrics();
    expect(sample(text, 'counterpart_turn_duration_seconds_count{channel="rest"}')).toBe(1);
    expect(sample(text, 'counterpart_turn_duration_seconds_sum{channel="rest"}')).toBeCloseTo(0.12);
    expect(sample(text, 'counterpart_turn_duration_seconds_bucket{le="0.25",channel="rest"}')).toBe(1);
    expect(sample(text, 'counterpart_turn_duration_seconds_count{channel="webchat"}')).toBe(1);
    expect(sample(text, 'counterpart_nlu_duration_seconds_count')).toBe(2);
    expect(sample(text, 'counterpart_nlu_duration_seconds_sum')).toBeCloseTo(0.006);
    expect(sample(text, 'counterpart_messages_total{channel="rest",direction="in"}')).toBe(1);
    expect(sample(text, 'counterpart_messages_total{channel="rest",direction="out"}')).toBe(2);
    expect(sample(text, 'counterpart_messages_total{channel="webchat",direction="in"}')).toBe(1);
    expect(sample(text, 'counterpart_messages_total{channel="webchat",direction="out"}')).toBeUndefined();
  });

  it('exports the process defaults under the counterpart_ prefix', async () => {
    const text = await new ServerMetrics().registry.metrics();
    expect(text).toMatch(/^counterpart_process_cpu_seconds_total /m);
    expect(text).toMatch(/^counterpart_nodejs_heap_size_used_bytes /m);
  });

  it('keeps separate counts per instance', async () => {
    const a = new ServerMetrics();
    const b = new ServerMetrics();
    a.recordJobFailure('alerts');
    a.recordJobFailure('alerts');
    b.recordJobFailure('alerts');
    expect(sample(await a.registry.metrics(), 'counterpart_job_failures_total{queue="alerts"}')).toBe(2);
    expect(sample(await b.registry.metrics(), 'counterpart_job_failures_total{queue="alerts"}')).toBe(1);
  });

  it('counts hand-offs opened, taken and closed, not the messages inside them', async () => {
    const metrics = new ServerMetrics();
    const events = new HandoffEvents();
    const stop = metrics.watchHandoffs(events);
    events.publish({ type: 'opened', handoffId: 1, conversationId: 'c1', reason: 'customer_asked' });
    events.publish({ type: 'customer_message', handoffId: 1, conversationId: 'c1', activity: {} as never });
    events.publish({ type: 'taken', handoffId: 1, conversationId: 'c1', agentStaffId: 4 });
    stop();
    events.publish({ type: 'opened', handoffId: 2, conversationId: 'c2', reason: 'low_confidence' });
    const text = await metrics.registry.metrics();
    expect(sample(text, 'counterpart_handoffs_total{event="opened"}')).toBe(1);
    expect(sample(text, 'counterpart_handoffs_total{event="taken"}')).toBe(1);
    expect(text).not.toMatch(/event="customer_message"/);
  });

  it('times knowledge-base answers by outcome', async () => {
    const metrics = new ServerMetrics();
    const replies: Array<KnowledgeAnswer | null | Error> = [answer, null, new Error('index missing')];
    const kb: KnowledgeBase = {
      answer: async () => {
        const next = replies.shift();
        if (next instanceof Error) throw next;
        return next ?? null;
      },
    };
    const timed = metrics.timeKnowledge(kb);
    expect(await timed.answer('returns?')).toEqual(answer);
    expect(await timed.answer('weather?')).toBeNull();
    await expect(timed.answer('anything')).rejects.toThrow('index missing');
    const text = await metrics.registry.metrics();
    for (const outcome of ['answered', 'no_answer', 'error']) {
      expect(sample(text, `counterpart_retrieval_duration_seconds_count{outcome="${outcome}"}`)).toBe(1);
    }
  });

  it('reads queue depths on each scrape and skips a source that fails', async () => {
    const warnings: unknown[] = [];
    const metrics = new ServerMetrics({ logger: { debug() {}, info() {}, error() {}, warn: (obj: object) => { warnings.push(obj); } } });
    let waiting = 3;
    const unregister = metrics.registerQueueGauges(async () => [
      { queue: 'alerts', waiting, active: 1, failed: 2, delayed: 0 },
      { queue: 'forecasts', waiting: 0, active: 0, failed: 0, delayed: 5 },
    ]);
    metrics.registerQueueGauges(async () => { throw new Error('redis down'); });
    let text = await metrics.registry.metrics();
    expect(sample(text, 'counterpart_job_queue_jobs{queue="alerts",state="waiting"}')).toBe(3);
    expect(sample(text, 'counterpart_job_queue_jobs{queue="alerts",state="failed"}')).toBe(2);
    expect(sample(text, 'counterpart_job_queue_jobs{queue="forecasts",state="delayed"}')).toBe(5);
    expect(warnings).toHaveLength(1);
    waiting = 7;
    expect(sample(await metrics.registry.metrics(), 'counterpart_job_queue_jobs{queue="alerts",state="waiting"}')).toBe(7);
    unregister();
    text = await metrics.registry.metrics();
    expect(text).not.toMatch(/counterpart_job_queue_jobs\{/);
  });
});

describe('timedKnowledgeBase', () => {
  it('reports seconds and outcome of each call', async () => {
    const seen: Array<[number, RetrievalOutcome]> = [];
    const kb = timedKnowledgeBase({ answer: async () => answer }, (seconds, outcome) => seen.push([seconds, outcome]));
    await kb.answer('q', { language: 'en' });
    expect(seen).toEqual([[expect.any(Number), 'answered']]);
    expect(seen[0]![0]).toBeGreaterThanOrEqual(0);
  });
});

describe('metrics handler', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => { await stop?.(); stop = undefined; });

  async function serve(token?: string): Promise<string> {
    const app = express();
    app.get('/metrics', new ServerMetrics().handler({ token }));
    const http = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => http.once('listening', () => resolve()));
    stop = () => new Promise((resolve) => http.close(() => resolve()));
    return `http://127.0.0.1:${(http.address() as AddressInfo).port}/metrics`;
  }

  it('serves the text exposition', async () => {
    const res = await fetch(await serve());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toMatch(/# TYPE counterpart_turn_duration_seconds histogram/);
  });

  it('requires the bearer token when one is configured', async () => {
    const url = await serve('scrape-token-0123456789');
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: 'Bearer scrape-token-0123456789' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/counterpart_messages_total/);
  });
});
