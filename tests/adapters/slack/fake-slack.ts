import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the app made to the fake Slack: a Web API method, or a post to a `response_url`. */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
}

/** The channel id whose posts the fake refuses, as Slack does for a channel the bot is not in. */
export const UNKNOWN_CHANNEL = 'C_NOT_A_MEMBER';

/**
 * A local stand-in for Slack's Web API (`/api/<method>`) and for `response_url`s (`/respond/<id>`),
 * recording every call. The bot user is `UBOT`.
 */
export async function startFakeSlack(): Promise<{ apiUrl: string; respondUrl(id: string): string; calls: SlackCall[]; close(): Promise<void> }> {
  const calls: SlackCall[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { raw += chunk; });
    req.on('end', () => {
      const url = req.url ?? '';
      const args = parseArgs(raw, req.headers['content-type']);
      if (url.startsWith('/respond/')) {
        calls.push({ method: 'response_url', args: { ...args, url } });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
      calls.push({ method, args });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(method, args)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    respondUrl: (id) => `${base}/respond/${id}`,
    calls,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

let posted = 0;
/** A message ts like Slack's (`seconds.micro`), unique even for posts in the same millisecond. */
const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++posted).padStart(6, '0')}`;

function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
  if (method === 'auth.test') return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
  if (method === 'chat.postMessage' || method === 'chat.postEphemeral') {
    if (args.channel === UNKNOWN_CHANNEL) return { ok: false, error: 'not_in_channel' };
    return method === 'chat.postMessage' ? { ok: true, channel: args.channel, ts: nextTs() } : { ok: true, message_ts: nextTs() };
  }
  return { ok: false, error: 'unknown_method' };
}

/** The Web API client sends forms whose `blocks` is JSON; `response_url` posts are JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  if (typeof args.blocks === 'string') args.blocks = JSON.parse(args.blocks);
  return args;
}

/** Headers that sign `body` the way Slack does (v0 HMAC-SHA256 of `v0:timestamp:body`). */
export function signedHeaders(body: string, options: { secret: string; timestamp?: number }): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${signature}`, 'x-slack-request-timestamp': String(timestamp) };
}

let events = 0;

/** An Events API envelope around `event`, with a fresh event id unless one is given. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${events++}`): string {
  return JSON.stringify({
    token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId,
    event_time: Math.floor(Date.now() / 1000), event: { event_ts: event.ts, ...event },
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
}
