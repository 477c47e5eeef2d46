import type { IncomingHttpHeaders } from 'node:http';
import { verifySlackRequest, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { DependencyError, InvalidInputError, UnauthorizedError } from '../../core/errors.js';
import { systemClock, type Clock } from '../../core/tools.js';
import { toErrorResponse } from '../errors.js';
import { createSlackApp } from './app.js';
import { checkEnvelope } from './envelope.js';
import type { SlackChannelOptions } from './options.js';

/** Where Slack sends events, slash commands and button presses (the app's Request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Options of {@link createSlackRouter}. */
export interface SlackRouterOptions extends SlackChannelOptions {
  /** Signing secret from the Slack app's Basic Information page. */
  signingSecret: string;
  /** @defaultValue the system clock */
  clock?: Clock;
  /**
   * Larger request bodies are refused with 400 before they are read in full.
   * @defaultValue 1 MiB
   */
  maxBodyBytes?: number;
  /**
   * Answer Slack's HTTP request only after the turn is done, as on serverless hosts that stop
   * work once the response is sent. Slack wants an answer within three seconds, so leave it off elsewhere.
   * @defaultValue false
   */
  processBeforeResponse?: boolean;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** How far a request's timestamp may be from our clock, either way (Slack's documented five minutes). */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** Event ids remembered to drop Slack's retries of a delivery this process already took. */
const RECENT_EVENTS = 1000;
const Body = z.record(z.string(), z.unknown());

/**
 * The Slack channel over HTTP: `POST /slack/events` checks Slack's v0 request signature (Bolt's
 * `verifySlackRequest`: HMAC-SHA256 of `v0:timestamp:body` with the signing secret, requests older
 * than five minutes refused), answers `url_verification` and `ssl_check`, and hands everything
 * else to a Bolt app whose listeners talk to the bot.
 *
 * @remarks Mount it where no body parser runs before it: the signature covers the raw bytes.
 * Unsigned, badly signed or stale requests get 401 and touch nothing; oversized or malformed
 * bodies get 400. Slack's retries of an event this process already took are answered 200 and
 * dropped; a retry reaching another replica is stopped by the bot's idempotency key (the message ts).
 * @example
 * app.use(createSlackRouter({ bot, directory, logger, signingSecret, botToken })); // POST /slack/events
 */
export function createSlackRouter(options: SlackRouterOptions): Router {
  const receiver = new RouterReceiver();
  createSlackApp({ ...options, receiver });
  const clock = options.clock ?? systemClock;
  const recent = new RecentIds(RECENT_EVENTS);
  const router = express.Router();
  router.post(SLACK_EVENTS_PATH, express.raw({ type: () => true, limit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }), async (req, res) => {
    try {
      const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      verify({ raw, headers: req.headers, signingSecret: options.signingSecret, now: clock.now() });
      const body = parseBody(raw, req.headers['content-type']);
      if (body.ssl_check) return void res.status(200).end();
      if (body.type === 'url_verification') return void res.json({ challenge: String(body.challenge ?? '') });
      // Before the event id is remembered: a malformed body is a 400, and would never succeed on retry.
      checkEnvelope(body);
      const eventId = typeof body.event_id === 'string' ? body.event_id : undefined;
      if (eventId && !recent.add(eventId)) return void res.status(200).end(); // a retry of a delivery already taken
      const taken = await dispatch({ receiver, body, req, res, processBeforeResponse: options.processBeforeResponse ?? false });
      if (!taken && eventId) recent.delete(eventId); // nothing acknowledged: let Slack's retry through
    } catch (error) {
      const { status, body } = toErrorResponse(error, options.logger);
      if (!res.headersSent) res.status(status).json(body);
    }
  });
  router.use(SLACK_EVENTS_PATH, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    // Only express.raw fails before the handler: too large, aborted, or an encoding it cannot read.
    if (res.headersSent) return next(error);
    const { status, body } = toErrorResponse(new InvalidInputError('the request body is too large or unreadable'), options.logger);
    res.status(status).json(body);
  });
  return router;
}

function verify(options: { raw: string; headers: IncomingHttpHeaders; signingSecret: string; now: Date }): void {
  const signature = options.headers['x-slack-signature'];
  const timestamp = Number(options.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isInteger(timestamp)) throw new UnauthorizedError('missing Slack signature');
  // Bolt refuses only timestamps over five minutes old: one far in the future stays "fresh", and a
  // captured request replayable, until then. Slack's documented check is symmetric (tests/fuzz/slack.test.ts).
  if (timestamp - options.now.getTime() / 1000 > MAX_CLOCK_SKEW_SECONDS) throw new UnauthorizedError('invalid or expired Slack signature');
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret, body: options.raw, nowMilliseconds: options.now.getTime(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
  } catch {
    throw new UnauthorizedError('invalid or expired Slack signature');
  }
}

/** Events arrive as JSON; slash commands as a form; button presses as a form with a JSON `payload`. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  try {
    if (contentType?.startsWith('application/json')) return Body.parse(JSON.parse(raw));
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      return typeof form.payload === 'string' ? Body.parse(JSON.parse(form.payload)) : form;
    }
  } catch {
    throw new InvalidInputError('the request body is not valid JSON or form data');
  }
  throw new InvalidInputError('expected a JSON or form-encoded body');
}

/**
 * Runs one request through Bolt. Slack gets its answer when a listener (or Bolt, for events)
 * acknowledges, or at the end with {@link SlackRouterOptions.processBeforeResponse}.
 * Resolves to whether the request was acknowledged.
 */
async function dispatch(options: {
  receiver: RouterReceiver; body: Record<string, unknown>; req: Request; res: Response; processBeforeResponse: boolean;
}): Promise<boolean> {
  const { res } = options;
  let acked = false;
  let stored: unknown;
  const answer = (response: unknown) => {
    if (res.headersSent) return;
    if (response === undefined || response === '') res.status(200).end();
    else if (typeof response === 'string') res.status(200).type('text/plain').send(response);
    else res.status(200).json(response);
  };
  const ack = async (response?: unknown) => {
    if (acked) return;
    acked = true;
    if (options.processBeforeResponse) stored = response;
    else answer(response);
  };
  const retry = options.req.headers['x-slack-retry-num'];
  const reason = options.req.headers['x-slack-retry-reason'];
  try {
    await options.receiver.dispatch({
      body: options.body, ack,
      ...(typeof retry === 'string' ? { retryNum: Number(retry) } : {}),
      ...(typeof reason === 'string' ? { retryReason: reason } : {}),
    });
    acked = true; // a request no listener wanted is still answered, or Slack would retry it
    answer(stored);
  } catch {
    // Bolt's error handler has logged it. Before an acknowledgement Slack gets a 500 and retries.
    if (acked) answer(stored);
    else if (!res.headersSent) res.status(500).end();
  }
  return acked;
}

/** A Bolt receiver that does not listen itself: the server's express app feeds it requests. */
class RouterReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  dispatch(event: ReceiverEvent): Promise<void> {
    if (!this.app) return Promise.reject(new DependencyError('the Slack receiver was used before Bolt initialised it'));
    return this.app.processEvent(event);
  }
}

/** Insertion-ordered set that forgets its oldest entries beyond `limit`. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly limit: number) {}

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }

  delete(id: string): void {
    this.ids.delete(id);
  }
}
