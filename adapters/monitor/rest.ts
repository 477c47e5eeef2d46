import { once } from 'node:events';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { ForbiddenError, UnauthorizedError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { parseInput } from '../../core/validation.js';
import { principalFromHeaders, type Authenticate } from '../auth.js';
import { noStackTraces } from '../http/index.js';
import type { MonitorLogs, MonitorViewer } from './monitor-logs.js';

const RawParam = z.enum(['true', 'false']).optional();

const EXPORTS = {
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present' },
} as const;

export interface MonitorRouterOptions {
  logs: MonitorLogs;
  authenticate: Authenticate;
  logger: Logger;
}

/** The staff user behind the request and what they may see; the query without `raw`. */
async function viewerOf(req: Request, options: MonitorRouterOptions): Promise<{ viewer: MonitorViewer; query: Record<string, unknown> }> {
  const principal = principalFromHeaders(req.headers, options.authenticate);
  if (!principal) throw new UnauthorizedError('send Authorization: Bearer <staff token>');
  if (principal.kind !== 'staff') throw new ForbiddenError('conversation logs are for staff');
  const { raw, ...query } = req.query as Record<string, unknown>;
  const wantsRaw = parseInput(RawParam, raw, 'raw') === 'true';
  return { viewer: await options.logs.authorize({ staffId: principal.staffId, raw: wantsRaw }), query };
}

/**
 * `/api/monitor`: conversation logs for the monitor role (and managers and admins).
 *
 * @remarks `GET /messages` and `GET /conversations` take the logs filter as query parameters
 * (`from`, `to`, `channel`, `direction`, `intent`, `sentiment`, `sentimentMin`, `sentimentMax`,
 * `handoff`, `customerId`, `conversationId`, `q`) and a page (`cursor`, `limit`, `order`), and
 * answer `{messages|conversations, nextCursor}`. `GET /conversations/:id/messages` pages one
 * conversation, oldest first. `GET /export/messages.ndjson` and `.csv` stream every matching
 * message. Personal data is redacted; admins may add `raw=true`. Staff token as
 * `Authorization: Bearer <token>`: none 401, a customer's or another role's 403.
 *
 * @example
 * root.use('/monitor', createMonitorRouter({ logs, authenticate, logger }));
 */
export function createMonitorRouter(options: MonitorRouterOptions): express.Router {
  const { logs } = options;
  const router = express.Router();
  router.get('/messages', async (req, res) => {
    const { viewer, query } = await viewerOf(req, options);
    const page = await logs.searchMessages({ query, viewer });
    res.json({ messages: page.items, nextCursor: page.nextCursor });
  });
  router.get('/conversations', async (req, res) => {
    const { viewer, query } = await viewerOf(req, options);
    const page = await logs.searchConversations({ query, viewer });
    res.json({ conversations: page.items, nextCursor: page.nextCursor });
  });
  router.get('/conversations/:id/messages', async (req, res) => {
    const { viewer, query } = await viewerOf(req, options);
    const page = await logs.conversationMessages({ conversationId: String(req.params.id), query, viewer });
    res.json({ messages: page.items, nextCursor: page.nextCursor });
  });
  for (const format of ['ndjson', 'csv'] as const) {
    router.get(`/export/messages.${format}`, async (req, res) => {
      const { viewer, query } = await viewerOf(req, options);
      const controller = new AbortController();
      res.on('close', () => controller.abort());
      const chunks = await logs.exportMessages({ query, format, viewer, signal: controller.signal });
      await streamExport(res, { chunks, format, signal: controller.signal, logger: options.logger });
    });
  }
  router.use(noStackTraces({ logger: options.logger }));
  return router;
}

/**
 * Writes chunks as they come, waiting for `drain` when the socket's buffer is full, and stops
 * reading the database once the client has gone.
 *
 * @remarks The first chunk is read before the status line, so a failing first query still
 * answers with a JSON error; a failure later can only cut the response short (the client sees
 * an incomplete chunked body, never a silently truncated "complete" file).
 */
async function streamExport(res: Response, options: { chunks: AsyncIterable<string>; format: 'ndjson' | 'csv'; signal: AbortSignal; logger: Logger }): Promise<void> {
  const iterator = options.chunks[Symbol.asyncIterator]();
  let started = false;
  try {
    for (let next = await iterator.next(); !next.done && !options.signal.aborted; next = await iterator.next()) {
      if (!started) {
        res.status(200).set({
          'content-type': EXPORTS[options.format].contentType,
          'content-disposition': `attachment; filename="messages.${options.format}"`,
          'cache-control': 'no-store',
        });
        started = true;
      }
      if (!res.write(next.value)) await once(res, 'drain', { signal: options.signal });
    }
    if (options.signal.aborted) return;
    if (!started) res.status(200).type(EXPORTS[options.format].contentType);
    res.end();
  } catch (error) {
    if (options.signal.aborted) return; // the client went away while we waited
    if (!started) throw error;
    options.logger.error({ err: error }, 'export failed after it started');
    res.destroy();
  } finally {
    await iterator.return?.();
  }
}
