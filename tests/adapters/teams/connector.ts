import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the fake Bot Connector received. */
export interface RecordedActivity {
  conversationId: string;
  /** The activity replied to, when posted to `/activities/:replyTo`. */
  replyToId?: string;
  authorization?: string;
  body: Record<string, unknown> & { text?: string; attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
}

/** A local stand-in for the Bot Connector service a Teams activity's `serviceUrl` points at. */
export interface FakeConnector {
  /** Base URL to use as `serviceUrl`. */
  url: string;
  records: RecordedActivity[];
  /** What it received for one Teams conversation. */
  to(conversationId: string): RecordedActivity[];
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** Starts the fake connector on an ephemeral port; it records every POSTed activity and answers with an id. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const records: RecordedActivity[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = ACTIVITIES.exec(new URL(req.url ?? '/', 'http://connector').pathname);
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      records.push({
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedActivity['body'],
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${records.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    records,
    to: (conversationId) => records.filter((r) => r.conversationId === conversationId),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
