import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { Activity } from '../../core/activity.js';
import { ForbiddenError, UnauthorizedError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { TurnObserver, TurnRecord } from '../../core/observer.js';
import type { Authenticate } from '../auth.js';
import type { Broadcaster } from '../broadcast.js';
import { toErrorResponse } from '../errors.js';
import type { MonitorLogs, MonitorViewer } from './monitor-logs.js';

const HandshakeAuth = z.object({ token: z.string().min(1).max(1000), raw: z.boolean().optional() });

/** Viewers without raw access, and admins who asked for it. */
const ROOMS = { redacted: 'redacted', raw: 'raw' } as const;

/** One message of a turn as the live stream shows it. */
export interface LiveMessage {
  conversationId: string;
  activityId: string;
  channel: string;
  direction: 'in' | 'out';
  role: string;
  text: string;
  intent: string | null;
  confidence: number | null;
  /** `null` when sent; a `sentiment` event follows once the message has been scored. */
  sentiment: number | null;
  createdAt: string;
}

/** A score for a message already streamed. */
export interface SentimentUpdate {
  conversationId: string;
  activityId: string;
  score: number;
}

export interface MonitorSocketOptions {
  io: Server;
  logs: Pick<MonitorLogs, 'authorize' | 'redactText'>;
  authenticate: Authenticate;
  logger: Logger;
}

export interface MonitorStream {
  namespace: Namespace;
  /** Add to the bot's observers: every committed turn is streamed. */
  observer: TurnObserver;
  /** Streams a message's score when background scoring finishes. */
  publishSentiment(update: SentimentUpdate): void;
  /** Streams an alert a monitor rule raised (its title and detail carry no customer text). */
  publishAlert(alert: LiveAlert): void;
}

/** An alert as the live stream sends it. */
export interface LiveAlert {
  id: number;
  rule: string;
  severity: string;
  title: string;
  detail: string;
  raisedAt: string;
}

/**
 * The live stream of the monitor dashboard: socket.io namespace `/monitor`.
 *
 * @remarks Handshake: `auth.token`, a staff token whose role may read logs (monitor, manager,
 * admin); admins may add `auth.raw: true` for unredacted text. Server → client: `ready`
 * `{staffId, role, raw}` once joined; `message` ({@link LiveMessage}) for each turn's inbound
 * message and replies; `sentiment` `{conversationId, activityId, sentiment}` when a message is
 * scored later; `alert` ({@link LiveAlert}) when a monitor rule raises one.
 *
 * @example
 * const monitor = attachMonitor({ io, logs, authenticate, logger });
 * new Bot({ ..., observers: [monitor.observer] });
 */
export function attachMonitor(options: MonitorSocketOptions): MonitorStream {
  const namespace = options.io.of('/monitor');
  namespace.use((socket, next) => {
    handshake(socket, options).then(() => next(), (error: unknown) => {
      const { body } = toErrorResponse(error, options.logger);
      next(Object.assign(new Error(body.error.message), { data: body.error }));
    });
  });
  namespace.on('connection', (socket) => {
    const viewer = socket.data as MonitorViewer;
    void socket.join(viewer.raw ? ROOMS.raw : ROOMS.redacted);
    socket.emit('ready', viewer);
  });
  const observer: TurnObserver = {
    onTurn(record) {
      try {
        for (const message of liveMessages(record)) {
          namespace.to(ROOMS.raw).emit('message', message);
          namespace.to(ROOMS.redacted).emit('message', { ...message, text: options.logs.redactText(message.text) });
        }
      } catch (error) {
        options.logger.error({ err: error }, 'monitor stream failed');
      }
    },
  };
  return { namespace, observer, ...monitorPublishers(namespace) };
}

/**
 * The monitor stream's background events (scores, alerts) sent to `target`: the `/monitor`
 * namespace of this server, or of every replica through Redis from the job worker.
 */
export function monitorPublishers(target: Broadcaster): Pick<MonitorStream, 'publishSentiment' | 'publishAlert'> {
  return {
    publishSentiment: (update) => {
      target.emit('sentiment', { conversationId: update.conversationId, activityId: update.activityId, sentiment: update.score });
    },
    publishAlert: (alert) => {
      target.emit('alert', { id: alert.id, rule: alert.rule, severity: alert.severity, title: alert.title, detail: alert.detail, raisedAt: alert.raisedAt });
    },
  };
}

async function handshake(socket: Socket, options: MonitorSocketOptions): Promise<void> {
  const parsed = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) throw new UnauthorizedError('a staff token is required');
  const principal = options.authenticate(parsed.data.token);
  if (principal.kind !== 'staff') throw new ForbiddenError('the live stream is for staff');
  socket.data = await options.logs.authorize({ staffId: principal.staffId, raw: parsed.data.raw ?? false });
}

function live(activity: Activity, options: { direction: 'in' | 'out'; intent?: { name: string; confidence: number } }): LiveMessage {
  return {
    conversationId: activity.conversationId, activityId: activity.id, channel: activity.channel, direction: options.direction,
    role: activity.from.role, text: activity.text ?? '', intent: options.intent?.name ?? null,
    confidence: options.intent?.confidence ?? null, sentiment: null, createdAt: activity.timestamp,
  };
}

/** The turn's inbound message (with the NLU's top intent) and its replies, in order. */
export function liveMessages(record: TurnRecord): LiveMessage[] {
  return [
    live(record.inbound, { direction: 'in', intent: record.parse.intents[0] }),
    ...record.replies.filter((reply) => reply.type === 'message').map((reply) => live(reply, { direction: 'out' })),
  ];
}
