import type { IncomingMessage } from 'node:http';
import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import { ClientMessageIdSchema, type Activity, type Principal } from '../../core/activity.js';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Bot } from '../../bot/index.js';
import type { Authenticate } from '../auth.js';
import { toErrorResponse } from '../errors.js';

const HandshakeAuth = z.object({
  token: z.string().max(1000).optional(),
  conversationId: z.string().max(100).optional(),
});

const MessageEvent = z.object({ text: z.unknown(), clientMessageId: ClientMessageIdSchema }).strict();

type Ack = (response: { ok: true; activityId: string; duplicate: boolean } | { ok: false; error: { code: string; message: string } }) => void;

interface SocketData {
  conversationId: string;
  principal?: Principal;
}

export interface WebchatOptions {
  io: Server;
  bot: Bot;
  authenticate: Authenticate;
  logger: Logger;
  /**
   * False while the server shuts down: a message then is not run here; its connection closes
   * unacknowledged, and the client re-sends it (same id) to the replica it reconnects to.
   * @defaultValue always true
   */
  accepting?: () => boolean;
  /** Throws `RateLimitedError` when this message goes over a limit (per IP, user, conversation). @defaultValue no limits */
  checkLimits?: (message: { ip: string; principal?: Principal; conversationId: string }) => Promise<void>;
  /**
   * The client's address for per-IP limits, from the handshake's HTTP request (the server applies
   * its `trust proxy` rule, as for REST). @defaultValue the socket's peer address
   */
  clientIp?: (request: IncomingMessage) => string;
}

const room = (conversationId: string) => `conversation:${conversationId}`;

/**
 * The web widget's channel: socket.io namespace `/chat`.
 *
 * @remarks Client → server: `message` `{text, clientMessageId}` with an acknowledgement.
 * Server → client: `session` `{conversationId, history}` on connect, `typing`, and `message`
 * (an Activity). Replies go to the conversation's room, so every open tab sees them. A resend
 * with the same clientMessageId gets the stored replies again instead of a second answer.
 */
export function attachWebchat(options: WebchatOptions): Namespace {
  const chat = options.io.of('/chat');
  chat.use((socket, next) => {
    handshake(socket, options).then(() => next(), (error: unknown) => {
      const { body } = toErrorResponse(error, options.logger);
      next(Object.assign(new Error(body.error.message), { data: body.error }));
    });
  });
  chat.on('connection', (socket) => {
    const data = socket.data as SocketData;
    void socket.join(room(data.conversationId));
    options.bot.history({ conversationId: data.conversationId, principal: data.principal })
      .then((history) => socket.emit('session', { conversationId: data.conversationId, history }))
      .catch((error: unknown) => socket.emit('error_message', toErrorResponse(error, options.logger).body.error));
    // socket.io passes the acknowledgement last, whatever came before it (no payload, extra arguments).
    socket.on('message', (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : undefined;
      void onMessage({ socket, payload: args[0], ack, options });
    });
  });
  return chat;
}

async function handshake(socket: Socket, options: WebchatOptions): Promise<void> {
  const parsed = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) throw new InvalidInputError('invalid handshake');
  const principal = parsed.data.token ? options.authenticate(parsed.data.token) : undefined;
  let conversationId = parsed.data.conversationId;
  if (conversationId) {
    try {
      await options.bot.openConversation({ conversationId, principal });
    } catch (error) {
      // An unknown or foreign stored id (for example after the shop reset its data) starts afresh.
      if (!(error instanceof NotFoundError) && !(error as { code?: string }).code?.match(/forbidden/)) throw error;
      conversationId = undefined;
    }
  }
  // An empty id (a widget with nothing stored) starts a conversation like a missing one.
  if (!conversationId) conversationId = (await options.bot.startConversation({ channel: 'webchat', principal })).id;
  const data: SocketData = { conversationId, principal };
  socket.data = data;
}

async function onMessage(args: { socket: Socket; payload: unknown; ack?: Ack; options: WebchatOptions }): Promise<void> {
  const { socket, options } = args;
  const data = socket.data as SocketData;
  const reply = args.ack ?? ((response: Parameters<Ack>[0]) => { if (!response.ok) socket.emit('error_message', response.error); });
  if (options.accepting && !options.accepting()) {
    socket.conn.close();
    return;
  }
  try {
    const parsed = MessageEvent.safeParse(args.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidInputError(`invalid message: ${issue?.path.join('.') || 'payload'} ${issue?.message ?? ''}`.trim());
    }
    await options.checkLimits?.({ ip: options.clientIp?.(socket.request) ?? socket.handshake.address, principal: data.principal, conversationId: data.conversationId });
    socket.to(room(data.conversationId)).emit('typing', { conversationId: data.conversationId });
    socket.emit('typing', { conversationId: data.conversationId });
    const result = await options.bot.handleMessage({
      conversationId: data.conversationId, channel: 'webchat', text: parsed.data.text as string,
      clientMessageId: parsed.data.clientMessageId, principal: data.principal, origin: socket.handshake.address,
    });
    reply({ ok: true, activityId: result.inbound.id, duplicate: result.duplicate });
    // A duplicate usually means the client missed the first answer: send it to that client only.
    const target = result.duplicate ? socket : socket.nsp.to(room(data.conversationId));
    result.replies.forEach((activity: Activity) => target.emit('message', activity));
  } catch (error) {
    reply({ ok: false, error: toErrorResponse(error, options.logger).body.error });
  }
}
