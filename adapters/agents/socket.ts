import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import { MAX_MESSAGE_BYTES } from '../../core/activity.js';
import { InvalidInputError, UnauthorizedError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { HandoffOutcomeSchema, type Agent, type HandoffDesk, type HandoffEvent } from '../../bot/index.js';
import type { Authenticate } from '../auth.js';
import { toErrorResponse } from '../errors.js';
import type { Broadcaster } from '../broadcast.js';
import { deliverToWebchat } from './deliver.js';

const HandshakeAuth = z.object({ token: z.string().min(1).max(1000) });
const HandoffId = z.number().int().positive();
const TakeEvent = z.object({ handoffId: HandoffId }).strict();
// Characters here; the byte limit is checked again where the text is stored.
const ReplyEvent = z.object({ handoffId: HandoffId, text: z.string().min(1).max(MAX_MESSAGE_BYTES) }).strict();
const ReleaseEvent = z.object({ handoffId: HandoffId, outcome: HandoffOutcomeSchema }).strict();

type Ack = (response: { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } }) => void;

/** Every connected agent is in this room. */
const AGENTS_ROOM = 'agents';

/** What the agent console channel needs; the server wires it. */
export interface AgentsOptions {
  io: Server;
  desk: HandoffDesk;
  authenticate: Authenticate;
  logger: Logger;
}

/**
 * The agent console's channel: socket.io namespace `/agents`, for staff users whose role may
 * work hand-offs (agent, manager, admin). Anyone else is refused at the handshake.
 *
 * @remarks Handshake: `auth.token`, a signed staff token. Server → agent: `agent` (who signed
 * in), `queue` (the open hand-offs, sent on connect and whenever one changes) and
 * `handoff_message` `{handoffId, activity}` (customer and agent messages as they happen, and
 * the bot's message when a hand-off closes).
 * Agent → server, each with an acknowledgement `{ok, ...}` or `{ok: false, error}`:
 * `history` `{handoffId}`, `take` `{handoffId}`, `reply` `{handoffId, text}`,
 * `release` `{handoffId, outcome}`. Agents' messages and the bot's "you're back" message reach
 * web chat customers through {@link deliverToWebchat}.
 *
 * @example
 * attachAgents({ io, desk, authenticate, logger });
 */
export function attachAgents(options: AgentsOptions): Namespace {
  const agents = options.io.of('/agents');
  agents.use((socket, next) => {
    handshake(socket, options).then(() => next(), (error: unknown) => {
      const { body } = toErrorResponse(error, options.logger);
      next(Object.assign(new Error(body.error.message), { data: body.error }));
    });
  });
  agents.on('connection', (socket) => {
    void socket.join(AGENTS_ROOM);
    socket.emit('agent', socket.data as Agent);
    void sendQueue(options, (queue) => socket.emit('queue', queue));
    on(socket, options, 'history', async (payload) => ({ history: await options.desk.history({ ...parse(TakeEvent, payload), staffId: agentOf(socket).id }) }));
    on(socket, options, 'take', async (payload) => {
      const { handoffId } = parse(TakeEvent, payload);
      await options.desk.take({ handoffId, staffId: agentOf(socket).id });
      return { history: await options.desk.history({ handoffId, staffId: agentOf(socket).id }) };
    });
    on(socket, options, 'reply', async (payload) => ({ activity: await options.desk.reply({ ...parse(ReplyEvent, payload), staffId: agentOf(socket).id }) }));
    on(socket, options, 'release', async (payload) => ({ summary: (await options.desk.release({ ...parse(ReleaseEvent, payload), staffId: agentOf(socket).id })).summary }));
  });
  options.desk.events.subscribe((event) => broadcastToAgents(agents, event, options));
  deliverToWebchat({ chat: options.io.of('/chat'), events: options.desk.events });
  return agents;
}

async function handshake(socket: Socket, options: AgentsOptions): Promise<void> {
  const parsed = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
  if (!parsed.success) throw new UnauthorizedError('a staff token is required');
  const principal = options.authenticate(parsed.data.token);
  if (principal.kind !== 'staff') throw new UnauthorizedError('a staff token is required');
  socket.data = await options.desk.requireAgent(principal.staffId);
}

const agentOf = (socket: Socket): Agent => socket.data as Agent;

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidInputError(`invalid event: ${issue?.path.join('.') || 'payload'} ${issue?.message ?? ''}`.trim());
}

/** Registers an event handler that answers through the acknowledgement, errors included. */
function on(socket: Socket, options: AgentsOptions, event: string, handler: (payload: unknown) => Promise<Record<string, unknown>>): void {
  socket.on(event, (payload: unknown, ack?: unknown) => {
    const reply: Ack = typeof ack === 'function' ? (ack as Ack) : (response) => { if (!response.ok) socket.emit('error_message', response.error); };
    handler(payload).then(
      (result) => reply({ ok: true, ...result }),
      (error: unknown) => reply({ ok: false, error: toErrorResponse(error, options.logger).body.error }),
    );
  });
}

async function sendQueue(options: { desk: Pick<HandoffDesk, 'queue'>; logger: Logger }, emit: (queue: unknown) => void): Promise<void> {
  try {
    emit(await options.desk.queue());
  } catch (error) {
    options.logger.error({ err: error }, 'could not send the hand-off queue');
  }
}

/**
 * Shows one hand-off event in every agent console: the message, and the queue as it is now.
 * The worker calls it too (through Redis) for hand-offs a background score opened.
 */
export function broadcastToAgents(agents: Broadcaster, event: HandoffEvent, options: { desk: Pick<HandoffDesk, 'queue'>; logger: Logger }): void {
  if (event.type === 'customer_message' || event.type === 'agent_message' || event.type === 'closed') {
    agents.to(AGENTS_ROOM).emit('handoff_message', { handoffId: event.handoffId, activity: event.activity });
  }
  // Every change moves something in the queue: a new entry, an owner, a last message, a removal.
  void sendQueue(options, (queue) => agents.to(AGENTS_ROOM).emit('queue', queue));
}
