import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken, signStaffToken } from '../../bot/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { echoesOf, expectHealthy, expectNoInternals, FUZZ_ENV, FUZZ_TIMEOUT_MS, headerValue, hostileJson, hostileText, SERVER_ERROR_CODES } from './invariants.js';

type Ack = { ok: true; activityId: string; duplicate: boolean } | { ok: false; error: { code: string; message: string } };
interface Session { conversationId: string; history: unknown[] }
/** What came back for one emit: its acknowledgement, an `error_message`, or nothing in time. */
type Outcome = { kind: 'ack'; ack: Ack } | { kind: 'error_message'; error: unknown } | { kind: 'silence' };

const run = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 45_000 });
/** How long an answer to one emit may take before the server counts as hanging. */
const ANSWER_MS = 10_000;
const CLIENT_MESSAGE_ID = /^[\x21-\x7E]{1,100}$/;

/**
 * Hostile input against the web chat's socket.io namespace `/chat` on the real server: random
 * handshakes, message payloads, event names and raw frames. Refusals carry a client error code
 * (never `internal`) and no internals; the connection and the server keep working.
 */
describe('web chat socket under fuzzing', () => {
  let t: TestServer;
  let base: string;
  let customers: number[] = [1];
  const open = new Set<Socket>();

  beforeAll(async () => {
    t = await startTestServer('sqlite', FUZZ_ENV);
    base = t.server.url;
    customers = (await t.server.store.db.selectFrom('customers').select('id').execute()).map((row) => row.id);
  });
  afterAll(async () => {
    for (const socket of open) socket.disconnect();
    await t?.cleanup();
  });
  afterEach(async () => {
    await expectHealthy(base);
    // A new visitor still gets an answer.
    const { socket } = await connect({});
    const reply = new Promise<{ text?: string }>((resolve) => socket.once('message', resolve));
    const ack = await emitWithOutcome(socket, ['message', { text: 'hello', clientMessageId: `live-${Date.now()}` }], { withAck: true });
    expect(ack).toMatchObject({ kind: 'ack', ack: { ok: true } });
    expect((await withTimeout(reply, 'a reply to hello')).text).toMatch(/\w/);
    close(socket);
  }, FUZZ_TIMEOUT_MS);

  function connect(auth: unknown): Promise<{ socket: Socket; session: Session }> {
    const socket = io(`${base}/chat`, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true, timeout: ANSWER_MS });
    open.add(socket);
    return withTimeout(new Promise((resolve, reject) => {
      const fail = (error: Error) => { stop(); close(socket); reject(error); };
      const onSession = (session: Session) => { stop(); resolve({ socket, session }); };
      const onConnectError = (error: Error) => fail(error);
      const onErrorMessage = (error: unknown) => fail(new Error(`error_message instead of a session: ${JSON.stringify(error)}`));
      // The parser closes a connection whose handshake is not an object, without a connect_error.
      const onDisconnect = (reason: string) => fail(new Error(`disconnected: ${reason}`));
      function stop() {
        socket.off('session', onSession).off('connect_error', onConnectError).off('error_message', onErrorMessage).off('disconnect', onDisconnect);
      }
      socket.on('session', onSession).on('connect_error', onConnectError).on('error_message', onErrorMessage).on('disconnect', onDisconnect);
    }), 'the handshake');
  }
  function close(socket: Socket): void {
    socket.disconnect();
    open.delete(socket);
  }

  /**
   * Emits `args` (the event name first) and waits for its ack, or, without one, for an
   * `error_message`; `silence` when neither comes within `silenceMs`.
   */
  function emitWithOutcome(socket: Socket, args: unknown[], options: { withAck: boolean; silenceMs?: number }): Promise<Outcome> {
    return new Promise((resolve) => {
      const onError = (error: unknown) => finish({ kind: 'error_message', error });
      const timer = setTimeout(() => finish({ kind: 'silence' }), options.silenceMs ?? ANSWER_MS);
      function finish(outcome: Outcome) {
        clearTimeout(timer);
        socket.off('error_message', onError);
        resolve(outcome);
      }
      // With an ack, the answer is the ack: an error_message then belongs to another emit.
      if (options.withAck) (socket.emit as (...a: unknown[]) => void)(...args, (ack: Ack) => finish({ kind: 'ack', ack }));
      else {
        socket.on('error_message', onError);
        (socket.emit as (...a: unknown[]) => void)(...args);
      }
    });
  }

  /** A refusal names a client error (4xx family) and a message without internals. */
  function expectClientRefusal(error: unknown, echoes: readonly string[] = []): void {
    expect(error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const { code, message } = error as { code: string; message: string };
    expect(SERVER_ERROR_CODES.has(code), `refused with a server-side code ${JSON.stringify(code)}: ${message}`).toBe(false);
    expect(code).toMatch(/^[a-z_]{2,40}$/);
    expectNoInternals(message, echoes);
  }

  /** The usual liveness check on one socket: still connected, and a valid message is acknowledged. */
  async function expectUsable(socket: Socket): Promise<void> {
    expect(socket.connected, 'the server dropped the connection').toBe(true);
    const outcome = await emitWithOutcome(socket, ['message', { text: 'thanks', clientMessageId: `ping-${Date.now()}-${Math.floor(performance.now() * 1000)}` }], { withAck: true });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ kind: 'ack', ack: { ok: true } });
  }

  const secret = () => t.config.CUSTOMER_TOKEN_SECRET;
  const token = fc.oneof(
    headerValue({ maxLength: 60 }),
    fc.tuple(fc.constantFrom('v1', 's1', 'x'), fc.integer().map(String), fc.integer().map(String), headerValue({ maxLength: 44 })).map((parts) => parts.join('.')),
    fc.tuple(fc.nat(), fc.integer({ min: -1000, max: 1000 })).map(([i, ttlSeconds]) => signCustomerToken({ customerId: customers[i % customers.length] ?? 1, secret: secret(), now: new Date(), ttlSeconds })),
    fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -1000, max: 1000 })).map(([staffId, ttlSeconds]) => signStaffToken({ staffId, secret: secret(), now: new Date(), ttlSeconds })),
    fc.string({ maxLength: 1200 }),
  );
  const conversationId = fc.oneof(fc.uuid(), fc.string({ maxLength: 120 }), fc.constantFrom('../..', '%00', 'null', ' '));
  const handshakeAuth = fc.oneof(
    fc.record({ token: fc.oneof(token, fc.jsonValue({ maxDepth: 1 })), conversationId: fc.oneof(conversationId, fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    hostileJson(),
  );

  it('answers random handshakes with a session or a client-error connect_error', async () => {
    await fc.assert(fc.asyncProperty(handshakeAuth, async (auth) => {
      let connected: { socket: Socket; session: Session } | undefined;
      try {
        connected = await connect(auth);
      } catch (error) {
        if (error instanceof HangError) throw error;
        const data = (error as { data?: unknown }).data;
        // The parser refuses a handshake that is not an object before any middleware runs.
        if (data === undefined && (auth === null || typeof auth !== 'object' || Array.isArray(auth))) return;
        expectClientRefusal(data, echoesOf(auth));
        return;
      }
      expect(connected.session).toMatchObject({ conversationId: expect.any(String), history: expect.any(Array) });
      close(connected.socket);
    }), run(100));
  }, FUZZ_TIMEOUT_MS);

  const text = fc.oneof(hostileText({ maxLength: 5000 }), fc.jsonValue({ maxDepth: 2 }));
  const clientMessageId = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 100 }) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.jsonValue({ maxDepth: 1 })) },
  );
  const payload = fc.oneof(
    { weight: 3, arbitrary: fc.record({ text, clientMessageId }) },
    { weight: 1, arbitrary: fc.record({ text, clientMessageId, extra: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: hostileJson() },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
  );

  it('acknowledges every message payload: ok for a valid shape, a client error otherwise, and stays usable', async () => {
    const { socket } = await connect({});
    // Every error_message on this socket, whichever emit it answers.
    const errors: unknown[] = [];
    socket.on('error_message', (error: unknown) => errors.push(error));
    try {
      await fc.assert(fc.asyncProperty(payload, fc.boolean(), async (sent, withAck) => {
        const before = errors.length;
        const wellShaped = isWellShaped(sent);
        if (withAck) {
          const outcome = await emitWithOutcome(socket, ['message', sent], { withAck: true });
          expect(outcome.kind, `no ack for ${JSON.stringify(sent)?.slice(0, 200)}`).toBe('ack');
          const { ack } = outcome as { kind: 'ack'; ack: Ack };
          if (!ack.ok) expectClientRefusal(ack.error, echoesOf(sent));
          else expect(ack).toMatchObject({ activityId: expect.any(String), duplicate: expect.any(Boolean) });
          if (!wellShaped) expect(ack.ok, 'a malformed payload was accepted').toBe(false);
        } else {
          (socket.emit as (...a: unknown[]) => void)('message', sent);
        }
        // Handlers start in arrival order and a malformed payload is refused before any await, so
        // its error_message arrives before the ack of the valid message sent next.
        await expectUsable(socket);
        if (!withAck && !wellShaped) expect(errors.length, `no error_message for ${JSON.stringify(sent)?.slice(0, 200)}`).toBeGreaterThan(before);
        for (const error of errors.slice(before)) expectClientRefusal(error, echoesOf(sent));
      }), run(80));
    } finally {
      close(socket);
    }
  }, FUZZ_TIMEOUT_MS);

  /** Names socket.io-client refuses to emit (reserved), and the one event the namespace listens to. */
  const notRandom = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener', 'message']);
  const eventName = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('session', 'typing', 'error_message', 'join', 'history', 'message ', 'MESSAGE', '__proto__', 'constructor', 'toString'))
    .filter((name) => !notRandom.has(name));

  it('ignores random event names and extra arguments, and stays usable', async () => {
    const { socket } = await connect({});
    try {
      await fc.assert(fc.asyncProperty(eventName, fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.boolean(), async (event, args, withAck) => {
        const outcome = await emitWithOutcome(socket, [event, ...args], { withAck, silenceMs: 50 });
        // Nothing listens to these: no ack, no error, and certainly no crash.
        expect(outcome.kind).toBe('silence');
        await expectUsable(socket);
      }), run(60));
    } finally {
      close(socket);
    }
  }, FUZZ_TIMEOUT_MS);

  /** Socket.io packets as the engine carries them (it adds the engine's own `4` message prefix). */
  const rawPacket = fc.oneof(
    fc.string({ maxLength: 200 }).map((s) => `2/chat,${s}`),
    fc.jsonValue({ maxDepth: 2 }).map((v) => `2/chat,${JSON.stringify(v)}`),
    fc.tuple(fc.nat({ max: 9999 }), fc.jsonValue({ maxDepth: 2 })).map(([id, v]) => `2/chat,${id}["message",${JSON.stringify(v)}]`),
    fc.tuple(fc.nat({ max: 9999 }), hostileText({ maxLength: 200 })).map(([id, text]) => `2/chat,${id}["message",${JSON.stringify({ text, clientMessageId: `raw-${id}` })}]`),
    fc.constantFrom('2/chat,["disconnect"]', '2/chat,["connect"]', '2/chat,["newListener","message"]', '5-/chat,["message",{"_placeholder":true,"num":0}]',
      '51-/chat,["message",{"_placeholder":true,"num":99}]', '3/chat,0[]', '3/chat,99999999999999999999[]', '1/chat,', '0/nope,', '0/chat,{"token":5}', '2', '9',
      '2/chat,[', '2/chat,{}', '2/chat,[null]', '2/chat,[1]', '2/chat,1e999["message"]', '2/chat,-1["message",{}]', '2["message",{"text":"hi","clientMessageId":"root"}]'),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  it('survives raw malformed frames: the bad connection may close, the server keeps serving', async () => {
    await fc.assert(fc.asyncProperty(rawPacket, async (frame) => {
      const { socket } = await connect({});
      const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
      const received = new Promise<string>((resolve) => socket.once('error_message', (e: unknown) => resolve(JSON.stringify(e))));
      socket.io.engine.send(frame);
      const settled = await Promise.race([disconnected.then(() => 'closed'), received, sleep(100).then(() => 'quiet')]);
      if (settled !== 'closed' && settled !== 'quiet') expectNoInternals(settled, [frame]);
      if (socket.connected) {
        // A packet the parser cannot finish (a binary event whose attachments never come) makes the
        // next one a protocol error: the server then closes that connection, which is fine.
        const ping = emitWithOutcome(socket, ['message', { text: 'thanks', clientMessageId: 'raw-ping' }], { withAck: true });
        const outcome = await Promise.race([ping, disconnected.then(() => ({ kind: 'closed' as const }))]);
        if (outcome.kind !== 'closed') expect(outcome).toMatchObject({ kind: 'ack', ack: { ok: true } });
      }
      close(socket);
    }), run(60));
  }, FUZZ_TIMEOUT_MS);

  // Found by the handshake property: `auth: {conversationId: ''}` used to bind the socket to
  // conversation '' (no session, every message refused).
  it('starts a fresh conversation for an empty conversationId', async () => {
    const { socket, session } = await connect({ conversationId: '' });
    close(socket);
    expect(session.conversationId).not.toBe('');
  }, FUZZ_TIMEOUT_MS);

  // Found while fuzzing the argument lists: socket.io hands the ack over as the LAST argument; the
  // handler used to read it from the second, so a bare or over-long emit was never acknowledged.
  it('acknowledges a message event with no payload or extra arguments', async () => {
    const { socket } = await connect({});
    try {
      const bare = await emitWithOutcome(socket, ['message'], { withAck: true, silenceMs: 2_000 });
      expect(bare).toMatchObject({ kind: 'ack', ack: { ok: false, error: { code: 'invalid_input' } } });
      const extra = await emitWithOutcome(socket, ['message', { text: 'hi', clientMessageId: 'multi-1' }, 'extra'], { withAck: true, silenceMs: 2_000 });
      expect(extra).toMatchObject({ kind: 'ack', ack: { ok: true } });
    } finally {
      close(socket);
    }
  }, FUZZ_TIMEOUT_MS);
});

/** The shape the namespace accepts: exactly `{text, clientMessageId}` with a printable ASCII id. */
function isWellShaped(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) return false;
  const keys = Object.keys(value);
  const { clientMessageId } = value as { clientMessageId?: unknown };
  return keys.every((k) => k === 'text' || k === 'clientMessageId') && 'text' in value
    && typeof clientMessageId === 'string' && CLIENT_MESSAGE_ID.test(clientMessageId);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

/** No answer in time: the server hangs. */
class HangError extends Error {}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, sleep(ANSWER_MS).then(() => { throw new HangError(`no answer to ${what} within ${ANSWER_MS} ms: the server hangs`); })]);
}
