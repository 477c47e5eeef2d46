import { createServer, type AddressInfo, type Socket } from 'node:net';
import express, { type RequestHandler } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReadiness, databaseCheck, flagCheck, readinessHandler, redisCheck, type ReadinessCheck } from '../../server/health.js';
import { openTestStore } from '../helpers/store.js';

const passing = (name: string): ReadinessCheck => ({ name, check: async () => {} });
const failing = (name: string, message: string): ReadinessCheck => ({ name, check: async () => { throw new Error(message); } });

/** Serves one handler on a free port; returns its URL and the function that stops it. */
async function serve(handler: RequestHandler): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = express();
  app.get('/readyz', handler);
  const http = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => http.once('listening', () => resolve()));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/readyz`, stop: () => new Promise((resolve) => http.close(() => resolve())) };
}

describe('checkReadiness', () => {
  it('is ready when every check passes, and lists each with its time', async () => {
    const readiness = await checkReadiness([passing('database'), passing('models')]);
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.map((c) => c.name)).toEqual(['database', 'models']);
    for (const check of readiness.checks) {
      expect(check).toEqual({ name: check.name, ok: true, ms: expect.any(Number) });
      expect(check.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('is not ready when one check fails, and says why', async () => {
    const readiness = await checkReadiness([passing('database'), failing('redis', 'connect ECONNREFUSED')]);
    expect(readiness.ready).toBe(false);
    expect(readiness.checks[0]).toMatchObject({ name: 'database', ok: true });
    expect(readiness.checks[1]).toMatchObject({ name: 'redis', ok: false, error: 'connect ECONNREFUSED' });
  });

  it('fails a check that does not answer in time and aborts it', async () => {
    let aborted = false;
    const hanging: ReadinessCheck = {
      name: 'slow',
      check: (signal) => new Promise(() => { signal.addEventListener('abort', () => { aborted = true; }); }),
    };
    const readiness = await checkReadiness([hanging, passing('database')], { timeoutMs: 30 });
    expect(readiness.ready).toBe(false);
    expect(readiness.checks[0]).toMatchObject({ name: 'slow', ok: false, error: 'no answer within 30 ms' });
    expect(aborted).toBe(true);
  });

  it('cuts long error texts', async () => {
    const readiness = await checkReadiness([failing('database', 'x'.repeat(1000))]);
    expect(readiness.checks[0]!.error!.length).toBeLessThanOrEqual(201);
  });

  it('follows a flag', async () => {
    let ready = false;
    const models = flagCheck('models', () => ready);
    expect((await checkReadiness([models])).checks[0]).toMatchObject({ ok: false, error: 'models not ready yet' });
    ready = true;
    expect((await checkReadiness([models])).ready).toBe(true);
  });
});

describe('databaseCheck', () => {
  it('passes on an open database and fails once it is closed', async () => {
    const store = await openTestStore('sqlite');
    try {
      const check = databaseCheck(store.db);
      expect((await checkReadiness([check])).ready).toBe(true);
      await store.close();
      const readiness = await checkReadiness([check]);
      expect(readiness.ready).toBe(false);
      expect(readiness.checks[0]).toMatchObject({ name: 'database', ok: false, error: expect.any(String) });
    } finally {
      await store.cleanup().catch(() => {});
    }
  });
});

/**
 * A stand-in Redis that speaks just enough RESP: PONG to PING, an empty INFO, OK to the rest.
 * Listens on `port` (0 picks one); `stop` drops every connection, as a crashed Redis would.
 */
async function fakeRedis(port = 0): Promise<{ port: number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let command = takeCommand(); command; command = takeCommand()) {
        const name = command[0]!.toLowerCase();
        socket.write(name === 'ping' ? '+PONG\r\n' : name === 'info' ? '$0\r\n\r\n' : '+OK\r\n');
      }
    });
    /** Removes one complete `*n $len arg…` array from the buffer. */
    function takeCommand(): string[] | undefined {
      const lines = buffer.split('\r\n');
      const count = Number(lines[0]?.slice(1));
      if (!lines[0]?.startsWith('*') || lines.length < 2 + count * 2) return undefined;
      const args = Array.from({ length: count }, (_, i) => lines[2 + i * 2]!);
      buffer = lines.slice(1 + count * 2).join('\r\n');
      return args;
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('redisCheck', () => {
  it('passes while Redis answers PING, fails while it is down, and recovers', async () => {
    let redis = await fakeRedis();
    const check = redisCheck(`redis://127.0.0.1:${redis.port}`);
    try {
      expect((await checkReadiness([check])).checks[0]).toMatchObject({ name: 'redis', ok: true });
      await redis.stop();
      expect((await checkReadiness([check])).ready).toBe(false);
      redis = await fakeRedis(redis.port);
      await expect.poll(async () => (await checkReadiness([check])).ready, { timeout: 10_000, interval: 200 }).toBe(true);
    } finally {
      await check.close();
      await redis.stop();
    }
  });

  it('fails fast when nothing listens at the configured URL', async () => {
    const redis = redisCheck('redis://127.0.0.1:1');
    try {
      const readiness = await checkReadiness([redis]);
      expect(readiness.ready).toBe(false);
      expect(readiness.checks[0]).toMatchObject({ name: 'redis', ok: false });
      expect(readiness.checks[0]!.ms).toBeLessThan(2_000);
      // The shared client is reused, still failing rather than queueing the PING.
      expect((await checkReadiness([redis])).ready).toBe(false);
    } finally {
      await redis.close();
    }
  });

  it('closes without ever having connected', async () => {
    await expect(redisCheck('redis://127.0.0.1:1').close()).resolves.toBeUndefined();
  });
});

describe('readinessHandler', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => { await stop?.(); stop = undefined; });

  it('answers 200 with the checks when ready', async () => {
    const server = await serve(readinessHandler({ checks: [passing('database'), passing('models')] }));
    stop = server.stop;
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ ready: true, checks: [{ name: 'database', ok: true }, { name: 'models', ok: true }] });
  });

  it('answers 503 when a check fails, and logs the change once', async () => {
    const warnings: unknown[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (obj: object) => { warnings.push(obj); } };
    const server = await serve(readinessHandler({ checks: [failing('database', 'driver has already been destroyed'), passing('models')], logger }));
    stop = server.stop;
    for (let i = 0; i < 2; i++) {
      const res = await fetch(server.url);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        ready: false,
        checks: [{ name: 'database', ok: false, error: 'driver has already been destroyed' }, { name: 'models', ok: true }],
      });
    }
    expect(warnings).toEqual([{ check: 'database', error: 'driver has already been destroyed' }]);
  });
});
