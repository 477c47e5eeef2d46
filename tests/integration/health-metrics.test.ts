import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestServer, type TestServer } from '../helpers/server.js';

/** The value of one sample in a text exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health and metrics over HTTP', () => {
  let t: TestServer;
  const url = () => t.server.url;
  const scrape = async () => {
    const res = await fetch(`${url()}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const say = async (id: string, text: string) => {
    const res = await api(url(), `/conversations/${id}/messages`, { body: { text } });
    expect(res.status, res.text).toBe(201);
    return res.json.replies as Array<{ text: string }>;
  };
  const newConversation = async () => {
    const created = await api(url(), '/conversations', { body: {} });
    expect(created.status).toBe(201);
    return created.json.id as string;
  };

  beforeAll(async () => { t = await startTestServer('sqlite'); });
  afterAll(async () => { await t?.cleanup(); });

  it('answers /healthz at once', async () => {
    const started = performance.now();
    const res = await fetch(`${url()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('is ready with the database, models and accepting (not shutting down) checks listed', async () => {
    const res = await fetch(`${url()}/readyz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ready).toBe(true);
    expect(body.checks).toEqual([
      { name: 'database', ok: true, ms: expect.any(Number) },
      { name: 'models', ok: true, ms: expect.any(Number) },
      { name: 'accepting', ok: true, ms: expect.any(Number) },
    ]);
  });

  it('exports the process defaults under the counterpart_ prefix', async () => {
    const res = await fetch(`${url()}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^counterpart_process_resident_memory_bytes /m);
    expect(text).toMatch(/^# TYPE counterpart_retrieval_duration_seconds histogram$/m);
  });

  it('counts a REST turn: its duration, NLU time and messages in and out', async () => {
    const before = await scrape();
    const replies = await say(await newConversation(), 'hello');
    expect(replies.length).toBeGreaterThanOrEqual(1);
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(sample(after, 'counterpart_turn_duration_seconds_count{channel="rest"}')).toBeGreaterThanOrEqual(1);
    expect(delta('counterpart_turn_duration_seconds_count{channel="rest"}')).toBe(1);
    expect(sample(after, 'counterpart_turn_duration_seconds_sum{channel="rest"}')).toBeGreaterThan(0);
    expect(delta('counterpart_nlu_duration_seconds_count')).toBe(1);
    expect(delta('counterpart_messages_total{channel="rest",direction="in"}')).toBe(1);
    expect(delta('counterpart_messages_total{channel="rest",direction="out"}')).toBe(replies.length);
  });

  it('times knowledge-base answers', async () => {
    const before = await scrape();
    await say(await newConversation(), 'what is your returns policy?');
    const after = await scrape();
    const count = (text: string) => ['answered', 'no_answer', 'error']
      .reduce((sum, outcome) => sum + (sample(text, `counterpart_retrieval_duration_seconds_count{outcome="${outcome}"}`) ?? 0), 0);
    expect(count(after) - count(before)).toBeGreaterThanOrEqual(1);
  });

  it('counts a hand-off the customer asks for', async () => {
    const opened = 'counterpart_handoffs_total{event="opened"}';
    const before = sample(await scrape(), opened) ?? 0;
    const replies = await say(await newConversation(), 'I want to talk to a person');
    expect(replies.map((r) => r.text).join('\n')).toMatch(/colleague/i);
    expect(sample(await scrape(), opened)).toBe(before + 1);
  });

  it('reports not ready once the database is gone', async () => {
    await t.server.store.close();
    const res = await fetch(`${url()}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.ready).toBe(false);
    expect(body.checks).toContainEqual({ name: 'database', ok: false, ms: expect.any(Number), error: expect.any(String) });
    expect(body.checks).toContainEqual({ name: 'models', ok: true, ms: expect.any(Number) });
    expect((await fetch(`${url()}/healthz`)).status).toBe(200);
  });
});
