import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../core/cli.js';
import { checkLoadBenchSetup, parseLoadBenchArgs } from '../../bench/load/args.js';
import { reconcile, type ClientMessage, type ClientReply, type InboundRow, type OutboundRow } from '../../bench/load/reconcile.js';
import { toJsonLine } from '../../bench/load/report.js';
import type { LoadBenchResult } from '../../bench/load/run.js';
import { conversationScript, ScriptCursor } from '../../bench/load/script.js';
import { hostAndPort } from '../../bench/load/services.js';
import { ErrorCounts, percentile, summariseLatency, throughput } from '../../bench/load/stats.js';
import { checkClusterOptions } from '../../server/cluster.js';
import { formatLogLine } from '../../server/cluster-process.js';

describe('percentile', () => {
  it('picks by nearest rank, always one of the values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7, 3, 5], 50)).toBe(5);
    expect(percentile([42], 99)).toBe(42);
  });

  it('is NaN for no values and leaves the input unsorted', () => {
    expect(percentile([], 50)).toBeNaN();
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('summarises latencies', () => {
    expect(summariseLatency([10, 20, 30, 40])).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40 });
    expect(summariseLatency([]).count).toBe(0);
  });
});

describe('throughput', () => {
  it('counts only answers inside the send window', () => {
    expect(throughput([100, 1_000, 2_000, 2_001, 9_999], { start: 0, end: 2_000 })).toBe(1.5);
    expect(throughput([1], { start: 5, end: 5 })).toBe(0);
  });

  it('counts errors by code, most frequent first', () => {
    const errors = new ErrorCounts();
    for (const code of ['conflict', 'client_ack_timeout', 'conflict']) errors.add(code);
    expect(errors.total).toBe(3);
    expect(Object.entries(errors.toObject())).toEqual([['conflict', 2], ['client_ack_timeout', 1]]);
  });
});

/** A small world: message m1 answered by one turn of two replies. */
function world() {
  const messages: ClientMessage[] = [{ clientMessageId: 'm1', acked: true, activityId: 'a1' }];
  const inbound: InboundRow[] = [{ activityId: 'a1', clientMessageId: 'm1' }];
  const outbound: OutboundRow[] = [
    { activityId: 'r1', replyToId: 'a1', createdAt: 't1' },
    { activityId: 'r2', replyToId: 'a1', createdAt: 't1' },
  ];
  const replies: ClientReply[] = [{ id: 'r1', replyToId: 'a1', timestamp: 't1' }, { id: 'r2', replyToId: 'a1', timestamp: 't1' }];
  return { messages, inbound, outbound, replies };
}

describe('reconcile', () => {
  it('finds nothing wrong when every message was stored and answered once', () => {
    const r = reconcile(world());
    expect(r).toMatchObject({ sent: 1, acknowledged: 1, stored: 1, answered: 1, answeredSeenByClient: 1, duplicated: 0, lost: 0 });
  });

  it('counts a retried id once and an ack on any attempt', () => {
    const w = world();
    w.messages = [{ clientMessageId: 'm1', acked: false }, { clientMessageId: 'm1', acked: true, activityId: 'a1' }];
    expect(reconcile(w)).toMatchObject({ sent: 1, acknowledged: 1, stored: 1, lost: 0 });
  });

  it('adds acked-but-not-stored and stored-but-unanswered into lost', () => {
    const w = world();
    w.messages.push({ clientMessageId: 'm2', acked: true, activityId: 'a2' }, { clientMessageId: 'm3', acked: true, activityId: 'a3' });
    w.inbound.push({ activityId: 'a3', clientMessageId: 'm3' });
    const r = reconcile(w);
    expect(r).toMatchObject({ sent: 3, acknowledged: 3, stored: 2, answered: 1, lost: 2 });
    expect(r.details).toMatchObject({ ackedNotStored: 1, storedNotAnswered: 1 });
  });

  it('does not call a message the client gave up on lost, and knows a stored message whose ack went missing', () => {
    const w = world();
    w.messages.push({ clientMessageId: 'gave-up', acked: false }, { clientMessageId: 'ack-lost', acked: false });
    w.inbound.push({ activityId: 'a4', clientMessageId: 'ack-lost' });
    w.outbound.push({ activityId: 'r4', replyToId: 'a4', createdAt: 't4' });
    const r = reconcile(w);
    expect(r).toMatchObject({ sent: 3, acknowledged: 1, stored: 2, answered: 2, lost: 0, duplicated: 0 });
    expect(r.details).toMatchObject({ neverStored: 1, storedWithoutAck: 1 });
  });

  it('adds ids stored twice, duplicate turns and duplicate deliveries into duplicated', () => {
    const w = world();
    // m2 stored in two conversations; m3 answered by two turns; m4 delivered with a reply the database lacks.
    w.messages.push({ clientMessageId: 'm2', acked: true, activityId: 'b1' }, { clientMessageId: 'm3', acked: true, activityId: 'c1' },
      { clientMessageId: 'm4', acked: true, activityId: 'd1' });
    w.inbound.push({ activityId: 'b1', clientMessageId: 'm2' }, { activityId: 'b2', clientMessageId: 'm2' },
      { activityId: 'c1', clientMessageId: 'm3' }, { activityId: 'd1', clientMessageId: 'm4' });
    w.outbound.push({ activityId: 'rb1', replyToId: 'b1', createdAt: 't' }, { activityId: 'rb2', replyToId: 'b2', createdAt: 't' },
      { activityId: 'rc1', replyToId: 'c1', createdAt: 't1' }, { activityId: 'rc2', replyToId: 'c1', createdAt: 't2' },
      { activityId: 'rd1', replyToId: 'd1', createdAt: 't' });
    w.replies.push({ id: 'rd1', replyToId: 'd1', timestamp: 't' }, { id: 'ghost', replyToId: 'd1', timestamp: 't' });
    const r = reconcile(w);
    expect(r.details).toMatchObject({ duplicateClientIds: 1, duplicateTurns: 1, duplicateDeliveries: 1, phantomReplies: 1 });
    expect(r.duplicated).toBe(3);
    expect(r.stored).toBe(4);
  });

  it('sees a client given replies of two turns, and ignores the same reply received twice', () => {
    const w = world();
    w.replies.push({ id: 'r1', replyToId: 'a1', timestamp: 't1' });
    expect(reconcile(w).duplicated).toBe(0);
    w.outbound.push({ activityId: 'r3', replyToId: 'a1', createdAt: 't9' });
    w.replies.push({ id: 'r3', replyToId: 'a1', timestamp: 't9' });
    expect(reconcile(w).details).toMatchObject({ duplicateTurns: 1, duplicateDeliveries: 1 });
  });

  it('notes an acknowledgement naming an activity that was not stored', () => {
    const w = world();
    w.messages[0] = { clientMessageId: 'm1', acked: true, activityId: 'other' };
    expect(reconcile(w).details.ackIdMismatch).toBe(1);
  });
});

describe('the load bench command line', () => {
  it('has defaults and refuses what cannot run', () => {
    expect(parseLoadBenchArgs([])).toEqual({ replicas: 1, sessions: 10, seconds: 30, chaos: false, basePort: 3101, keep: false });
    expect(parseLoadBenchArgs(['--replicas', '2', '--sessions', '20', '--seconds', '15', '--chaos', '--base-port', '4000']))
      .toMatchObject({ replicas: 2, sessions: 20, seconds: 15, chaos: true, basePort: 4000 });
    expect(() => parseLoadBenchArgs(['--sessions', '0'])).toThrow(CliUsageError);
    expect(() => parseLoadBenchArgs(['--bogus'])).toThrow(CliUsageError);
    const sqliteOnly = { tokenSecret: 'x'.repeat(16) };
    expect(() => checkLoadBenchSetup(parseLoadBenchArgs(['--replicas', '2']), sqliteOnly)).toThrow(/DATABASE_URL and REDIS_URL/);
    expect(() => checkLoadBenchSetup(parseLoadBenchArgs(['--chaos']), sqliteOnly)).toThrow(/--chaos/);
    expect(() => checkLoadBenchSetup(parseLoadBenchArgs([]), sqliteOnly)).not.toThrow();
  });

  it('prints every required field on the JSON line', () => {
    const result = {
      args: { replicas: 2, sessions: 20, seconds: 15, chaos: false, basePort: 3101, keep: false }, database: 'postgres', urls: [], windowS: 15,
      msgsPerS: 12.345, latency: { count: 3, p50: 10.4, p95: 20, p99: Number.NaN, max: 30 }, errors: { conflict: 1 }, errorTotal: 1,
      unexpectedReplies: 0, reconciliation: reconcile(world()), chaos: [], clusterLog: '/tmp/x.log',
    } satisfies LoadBenchResult;
    const json = JSON.parse(toJsonLine(result)) as Record<string, unknown>;
    for (const key of ['sessions', 'replicas', 'seconds', 'chaos', 'msgs_per_s', 'p50_ms', 'p95_ms', 'p99_ms', 'sent', 'acknowledged', 'stored', 'answered', 'duplicated', 'lost', 'errors']) {
      expect(json, key).toHaveProperty(key);
    }
    expect(json).toMatchObject({ msgs_per_s: 12.35, p50_ms: 10, p99_ms: null, errors: 1, sent: 1, answered: 1 });
  });
});

describe('conversation scripts', () => {
  const customer = { customerId: 7, orderId: 104321, email: 'sam@example.com' };

  it('identifies an anonymous customer once, then loops over the questions', () => {
    const cursor = new ScriptCursor(conversationScript(customer, 'anonymous'));
    const texts = Array.from({ length: 15 }, () => cursor.next().text);
    expect(texts.slice(0, 4)).toEqual(['hi', 'where is my order?', "it's order 104321", 'sam@example.com']);
    expect(texts.filter((t) => t === 'sam@example.com')).toHaveLength(1);
    expect(texts[9]).toBe('what is the status of my order?');
    cursor.restart();
    expect(cursor.next().text).toBe('hi');
  });

  it('names the order for a signed-in customer and always declines the cancellation', () => {
    const { steps } = conversationScript(customer, 'token');
    expect(steps.map((s) => s.text)).toContain('please cancel order 104321');
    expect(steps.at(-1)?.text).toBe('no');
  });
});

describe('cluster helpers', () => {
  it('refuses several replicas without PostgreSQL and Redis', () => {
    expect(() => checkClusterOptions({ replicas: 2, basePort: 3001, env: { DATABASE_URL: 'postgres://x' } })).toThrow(/REDIS_URL is not set/);
    expect(() => checkClusterOptions({ replicas: 2, basePort: 3001, env: {} })).toThrow(/DATABASE_URL and REDIS_URL are not set/);
    expect(() => checkClusterOptions({ replicas: 1, basePort: 3001, env: {} })).not.toThrow();
    expect(() => checkClusterOptions({ replicas: 2, basePort: 65535, env: { DATABASE_URL: 'a', REDIS_URL: 'b' } })).toThrow(/port/);
  });

  it('shortens pino lines and leaves other output alone', () => {
    expect(formatLogLine('{"level":40,"time":1,"pid":2,"hostname":"h","service":"counterpart","msg":"careful","check":"redis"}'))
      .toBe('WARN careful {"check":"redis"}');
    expect(formatLogLine('  Counterpart demo shop: http://127.0.0.1:3001')).toBe('  Counterpart demo shop: http://127.0.0.1:3001');
    expect(formatLogLine('{not json')).toBe('{not json');
  });

  it('reads host and port of service URLs', () => {
    expect(hostAndPort('redis://127.0.0.1:6380', 6379)).toEqual({ host: '127.0.0.1', port: 6380 });
    expect(hostAndPort('postgres://postgres@db.local/test', 5432)).toEqual({ host: 'db.local', port: 5432 });
    expect(hostAndPort('redis://[::1]:6379', 6379)).toEqual({ host: '::1', port: 6379 });
  });
});
