import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { Logger } from '../core/logger.js';

/** At most one "Redis is unreachable" log line per this many milliseconds and client. */
const LOG_EVERY_MS = 30_000;

/**
 * Joins this server's socket.io to every other replica's through Redis pub/sub
 * (`@socket.io/redis-adapter`): a reply emitted to a conversation's room on one replica reaches
 * that customer's sockets on all of them, so a customer may reconnect to any replica.
 *
 * @remarks Chosen over the Redis streams adapter: with our replies stored before they are sent
 * and replayed on reconnect, the streams adapter's connection-state recovery buys nothing, and
 * plain pub/sub costs one PUBLISH per broadcast. During a Redis outage ioredis queues publishes
 * and sends them once it reconnects; one it gives up on is logged (the customer sees that reply
 * in the history on the next connect), never left as an unhandled rejection.
 * @returns the function that disconnects both Redis clients.
 */
export function attachRedisAdapter(io: Server, options: { url: string; prefix: string; logger: Logger }): () => Promise<void> {
  const pub = new Redis(options.url, { lazyConnect: false });
  const sub = pub.duplicate();
  for (const [name, client] of [['publish', pub], ['subscribe', sub]] as const) {
    let lastLog = 0;
    client.on('error', (error: Error) => {
      if (Date.now() - lastLog < LOG_EVERY_MS) return;
      lastLog = Date.now();
      options.logger.warn({ err: error, client: name }, 'socket.io Redis connection failed; retrying');
    });
  }
  // The adapter fires publishes without awaiting them.
  const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
  (pub as unknown as { publish: typeof publish }).publish = (channel, message) => publish(channel, message).catch((error: unknown) => {
    options.logger.warn({ err: error }, 'socket.io broadcast to other replicas failed');
    return 0;
  });
  io.adapter(createAdapter(pub, sub, { key: `${options.prefix}:socket.io` }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
    pub.disconnect();
    sub.disconnect();
  };
}
