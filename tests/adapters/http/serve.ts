import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Listens on an ephemeral loopback port; `close` drops keep-alive connections too. */
export async function serve(app: Express): Promise<Served> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve).once('error', reject); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2025, 0, 1)) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(seconds: number) { now += seconds * 1000; },
  };
}
