import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachMonitor, type LiveMessage, type MonitorStream } from '../../../adapters/monitor/index.js';
import type { Activity } from '../../../core/activity.js';
import { silentLogger } from '../../../core/logger.js';
import type { TurnRecord } from '../../../core/observer.js';
import { MonitorService } from '../../../monitor/logs/index.js';
import { openTestStore, type TestStore } from '../../helpers/store.js';
import { authenticate, closeServer, createServer, customerToken, listen, seedStaff, staffToken } from './setup.js';

const CONVERSATION = '00000000-0000-4000-8000-0000000000aa';
const INBOUND_TEXT = 'Order 100234 never came. Mail jo@example.com or ring 07700 900123';

function activity(options: { id: string; role: Activity['from']['role']; text: string; at: string }): Activity {
  return {
    id: options.id, type: 'message', channel: 'webchat', conversationId: CONVERSATION,
    from: { id: options.role === 'bot' ? 'bot' : 'customer:1', role: options.role }, text: options.text, timestamp: options.at,
  };
}

const RECORD: TurnRecord = {
  conversationId: CONVERSATION, channel: 'webchat', nluMs: 3, totalMs: 20,
  inbound: activity({ id: 'in-1', role: 'customer', text: INBOUND_TEXT, at: '2026-11-25T10:00:00.000Z' }),
  replies: [activity({ id: 'out-1', role: 'bot', text: 'Sorry! I have sent order 100234\'s details to jo@example.com.', at: '2026-11-25T10:00:01.000Z' })],
  parse: { text: INBOUND_TEXT, language: 'en', intents: [{ name: 'order_status', confidence: 0.875 }, { name: 'complaint', confidence: 0.1 }], entities: [] },
};

describe('monitor live stream over socket.io', () => {
  let store: TestStore;
  let http: HttpServer;
  let io: SocketServer;
  let base: string;
  let monitor: MonitorStream;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    await seedStaff(store.db);
    http = createServer();
    io = new SocketServer(http);
    monitor = attachMonitor({ io, logs: new MonitorService({ db: store.db, redactOrderNumbers: true }), authenticate, logger: silentLogger });
    base = await listen(http);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    io?.close();
    if (http) await closeServer(http).catch(() => undefined);
    await store?.cleanup();
  });

  function open(auth: Record<string, unknown>): Socket {
    const socket = connect(`${base}/monitor`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    return socket;
  }

  async function viewer(auth: Record<string, unknown>) {
    const socket = open(auth);
    const messages: LiveMessage[] = [];
    const sentiments: unknown[] = [];
    socket.on('message', (m: LiveMessage) => messages.push(m));
    socket.on('sentiment', (s: unknown) => sentiments.push(s));
    const ready = await new Promise<{ staffId: number; role: string; raw: boolean }>((resolve, reject) => {
      socket.once('ready', resolve);
      socket.once('connect_error', reject);
    });
    return { socket, ready, messages, sentiments };
  }

  async function refused(auth: Record<string, unknown>): Promise<{ code: string }> {
    const socket = open(auth);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (error: Error & { data?: { code: string } }) => resolve(error.data ?? { code: 'none' }));
      socket.once('ready', () => reject(new Error('connected')));
    });
  }

  it('refuses connections without a staff token of a role that reads logs', async () => {
    expect(await refused({})).toEqual(expect.objectContaining({ code: 'unauthorized' }));
    expect(await refused({ token: 'nonsense' })).toEqual(expect.objectContaining({ code: 'unauthorized' }));
    expect(await refused({ token: customerToken() })).toEqual(expect.objectContaining({ code: 'forbidden' }));
    expect(await refused({ token: staffToken('agent') })).toEqual(expect.objectContaining({ code: 'forbidden' }));
    expect(await refused({ token: staffToken('monitor'), raw: true })).toEqual(expect.objectContaining({ code: 'forbidden' }));
  });

  it('streams each turn\'s messages with scores, redacted for monitors and raw for admins who ask', async () => {
    const watcher = await viewer({ token: staffToken('monitor') });
    const admin = await viewer({ token: staffToken('admin'), raw: true });
    expect(watcher.ready).toEqual({ staffId: 1, role: 'monitor', raw: false });
    expect(admin.ready.raw).toBe(true);

    monitor.observer.onTurn(RECORD);
    await expect.poll(() => watcher.messages.length + admin.messages.length).toBe(4);

    expect(watcher.messages).toEqual([
      {
        conversationId: CONVERSATION, activityId: 'in-1', channel: 'webchat', direction: 'in', role: 'customer',
        text: 'Order [order] never came. Mail [email] or ring [phone]', intent: 'order_status', confidence: 0.875, sentiment: null,
        createdAt: '2026-11-25T10:00:00.000Z',
      },
      {
        conversationId: CONVERSATION, activityId: 'out-1', channel: 'webchat', direction: 'out', role: 'bot',
        text: 'Sorry! I have sent order [order]\'s details to [email].', intent: null, confidence: null, sentiment: null,
        createdAt: '2026-11-25T10:00:01.000Z',
      },
    ]);
    expect(admin.messages.map((m) => m.text)).toEqual([INBOUND_TEXT, RECORD.replies[0]!.text]);

    monitor.publishSentiment({ conversationId: CONVERSATION, activityId: 'in-1', score: -0.75 });
    await expect.poll(() => watcher.sentiments.length).toBe(1);
    expect(watcher.sentiments[0]).toEqual({ conversationId: CONVERSATION, activityId: 'in-1', sentiment: -0.75 });
    await expect.poll(() => admin.sentiments.length).toBe(1);
  });

  it('never throws from the observer', () => {
    expect(() => monitor.observer.onTurn({ ...RECORD, inbound: undefined as unknown as Activity })).not.toThrow();
  });
});
