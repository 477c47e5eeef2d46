import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ClientMessage, ClientReply } from './reconcile.js';
import type { ScriptCursor, ScriptStep } from './script.js';
import type { ErrorCounts } from './stats.js';

/** Timeouts and bounds of one simulated customer. */
export interface ClientLimits {
  /** Connect and receive `session`. @defaultValue 10 s */
  connectMs: number;
  /** Wait for the acknowledgement of one emit. @defaultValue 15 s */
  ackMs: number;
  /** Wait for the first reply after the acknowledgement. @defaultValue 30 s */
  replyMs: number;
  /** Give up on a message this long after it was first sent. @defaultValue 120 s */
  messageMs: number;
  /** Give up on a message after this many sends. @defaultValue 12 */
  maxAttempts: number;
}

export const DEFAULT_CLIENT_LIMITS: ClientLimits = { connectMs: 10_000, ackMs: 15_000, replyMs: 30_000, messageMs: 120_000, maxAttempts: 12 };

/** Server error codes after which the same message is sent again (on a fresh connection). */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'dependency_failed', 'unavailable', 'rate_limited', 'conflict', 'internal', 'internal_error', 'starting', 'timeout',
]);

type Ack = { ok: true; activityId: string; duplicate: boolean } | { ok: false; error: { code: string; message: string } };
interface Activity { id: string; text?: string; replyToId?: string; clientMessageId?: string; timestamp: string }
interface Session { conversationId: string; history: Activity[] }

/** One message a session sent, with the client's view of its fate. */
export interface SentMessage extends ClientMessage {
  text: string;
  /** When it was first sent (ms on the bench clock). */
  sentAt: number;
  /** When its first reply arrived. */
  answeredAt?: number;
  attempts: number;
  /** The error code the client gave up with. */
  failed?: string;
}

/** A failure the client handles by reconnecting and sending again. */
class Retry extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** What a session needs from the bench. */
export interface LoadSessionOptions {
  urls: readonly string[];
  /** The replica this session connects to first; reconnects go round-robin from there. */
  firstReplica: number;
  token?: string;
  script: ScriptCursor;
  errors: ErrorCounts;
  limits?: Partial<ClientLimits>;
  /** The bench clock (ms). */
  now: () => number;
}

/**
 * One simulated customer on the web-chat socket: sends its script closed-loop (the next message
 * when the previous one is answered) and keeps the exactly-once bookkeeping.
 *
 * @remarks Every message has its own clientMessageId. A missing ack, a retryable error or a lost
 * connection makes the session reconnect to the next replica with its conversationId and send the
 * same id again, bounded by attempts and time. Replies are kept once per activity id; a message is
 * answered when a reply names its activity (live, or in the `session` history after a reconnect).
 */
export class LoadSession {
  readonly messages: SentMessage[] = [];
  readonly conversationIds = new Set<string>();
  /** Unexpected answers to script steps with an expectation (a sanity count, not an error). */
  unexpectedReplies = 0;

  private readonly limits: ClientLimits;
  private readonly replies = new Map<string, ClientReply>();
  private readonly firstReplyAt = new Map<string, number>();
  private readonly textsByInbound = new Map<string, string[]>();
  private readonly storedIds = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private socket: Socket | undefined;
  /** Rejects when the current connection drops: every wait races it. */
  private lost: Promise<never> = Promise.reject(new Retry('client_disconnected'));
  private conversationId: string | undefined;
  private replica: number;
  /** Rejects when the run's stop signal aborts: every wait races it. */
  private halted: Promise<never> = new Promise(() => {});

  constructor(private readonly options: LoadSessionOptions) {
    this.limits = { ...DEFAULT_CLIENT_LIMITS, ...options.limits };
    this.replica = options.firstReplica;
    this.lost.catch(() => {});
  }

  /** Replies received, once each. */
  receivedReplies(): ClientReply[] {
    return [...this.replies.values()];
  }

  /**
   * Sends messages until `sending` aborts, then finishes the outstanding one unless `stop`
   * aborts first. At most `maxMessages` messages.
   */
  async run(options: { sending: AbortSignal; stop: AbortSignal; maxMessages?: number }): Promise<void> {
    const max = options.maxMessages ?? 1_000_000;
    this.halted = stopped(options.stop);
    this.halted.catch(() => {});
    try {
      for (let n = 0; n < max && !options.sending.aborted && !options.stop.aborted; n++) {
        const step = this.options.script.next();
        const message: SentMessage = { clientMessageId: randomUUID(), text: step.text, sentAt: this.options.now(), acked: false, attempts: 0 };
        this.messages.push(message);
        await this.deliver(message, options.stop);
        this.check(message, step);
      }
    } finally {
      this.disconnect();
    }
  }

  private async deliver(message: SentMessage, stop: AbortSignal): Promise<void> {
    const deadline = message.sentAt + this.limits.messageMs;
    for (let attempt = 0; attempt < this.limits.maxAttempts; attempt++) {
      if (stop.aborted || this.options.now() > deadline) break;
      if (attempt > 0) await sleep(Math.min(4_000, 200 * 2 ** (attempt - 1)) * (0.5 + Math.random()), stop);
      try {
        if (!this.socket?.connected) await this.connect();
        if (this.answered(message)) return;
        message.attempts += 1;
        const ack = await this.emit(message);
        if (!ack.ok) {
          if (RETRYABLE_CODES.has(ack.error.code)) throw new Retry(ack.error.code);
          this.options.errors.add(ack.error.code);
          message.failed = ack.error.code;
          return;
        }
        message.acked = true;
        message.activityId = ack.activityId;
        await this.waitForAnswer(message);
        return;
      } catch (error) {
        if (!(error instanceof Retry)) throw error;
        if (stop.aborted) break;
        this.options.errors.add(error.code);
        this.rotate();
      }
    }
    if (this.answered(message)) return;
    message.failed = stop.aborted ? 'client_stopped' : 'client_gave_up';
    this.options.errors.add(message.failed);
  }

  private answered(message: SentMessage): boolean {
    message.activityId ??= this.storedIds.get(message.clientMessageId);
    const at = message.activityId === undefined ? undefined : this.firstReplyAt.get(message.activityId);
    if (at !== undefined) message.answeredAt ??= at;
    return at !== undefined;
  }

  private emit(message: SentMessage): Promise<Ack> {
    const socket = this.socket as Socket;
    const ack = new Promise<Ack>((resolve, reject) => {
      socket.timeout(this.limits.ackMs).emit('message', { text: message.text, clientMessageId: message.clientMessageId }, (error: Error | null, response: Ack) => {
        // socket.io calls back with an error on a timeout, and at once when the connection drops.
        if (error) reject(new Retry(/disconnected/i.test(error.message) ? 'client_disconnected' : 'client_ack_timeout'));
        else resolve(response);
      });
    });
    return Promise.race([ack, this.lost, this.halted]);
  }

  private async waitForAnswer(message: SentMessage): Promise<void> {
    let wake: () => void = () => {};
    const listener = () => wake();
    this.listeners.add(listener);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Retry('client_reply_timeout')), this.limits.replyMs);
    });
    try {
      while (!this.answered(message)) {
        const changed = new Promise<void>((resolve) => { wake = resolve; });
        await Promise.race([changed, timeout, this.lost, this.halted]);
      }
    } finally {
      clearTimeout(timer);
      this.listeners.delete(listener);
      timeout.catch(() => {});
    }
  }

  private async connect(): Promise<void> {
    this.disconnect();
    const url = this.options.urls[this.replica % this.options.urls.length] as string;
    const auth: Record<string, string> = {};
    if (this.options.token) auth.token = this.options.token;
    if (this.conversationId) auth.conversationId = this.conversationId;
    const socket = io(`${url}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: this.limits.connectMs, auth });
    socket.on('message', (activity: Activity) => this.receive(activity));
    let timer: NodeJS.Timeout | undefined;
    try {
      const session = await new Promise<Session>((resolve, reject) => {
        timer = setTimeout(() => reject(new Retry('client_connect_timeout')), this.limits.connectMs);
        socket.once('session', resolve);
        // Server codes are prefixed with the phase, so a report tells handshake failures from message failures.
        socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
          reject(new Retry(error.data?.code ? `connect:${error.data.code}` : 'client_connect_failed'));
        });
        socket.once('error_message', (error: { code?: string }) => reject(new Retry(`session:${error.code ?? 'unknown'}`)));
        socket.once('disconnect', () => reject(new Retry('client_disconnected')));
      });
      this.socket = socket;
      this.lost = new Promise<never>((_resolve, reject) => {
        socket.once('disconnect', () => reject(new Retry('client_disconnected')));
        if (!socket.connected) reject(new Retry('client_disconnected'));
      });
      this.lost.catch(() => {});
      this.adopt(session);
    } catch (error) {
      socket.removeAllListeners();
      socket.disconnect();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private adopt(session: Session): void {
    if (this.conversationId !== undefined && session.conversationId !== this.conversationId) {
      // The server did not know the conversation and started a new one: a fresh conversation identifies again.
      this.options.errors.add('client_conversation_replaced');
      this.options.script.restart();
    }
    this.conversationId = session.conversationId;
    this.conversationIds.add(session.conversationId);
    for (const activity of session.history) {
      if (activity.clientMessageId) this.storedIds.set(activity.clientMessageId, activity.id);
      this.receive(activity);
    }
  }

  private receive(activity: Activity): void {
    if (!activity.replyToId || this.replies.has(activity.id)) return;
    this.replies.set(activity.id, { id: activity.id, replyToId: activity.replyToId, timestamp: activity.timestamp });
    if (!this.firstReplyAt.has(activity.replyToId)) this.firstReplyAt.set(activity.replyToId, this.options.now());
    const texts = this.textsByInbound.get(activity.replyToId);
    if (texts) texts.push(activity.text ?? ''); else this.textsByInbound.set(activity.replyToId, [activity.text ?? '']);
    for (const listener of this.listeners) listener();
  }

  private check(message: SentMessage, step: ScriptStep): void {
    if (message.activityId === undefined) return;
    const texts = this.textsByInbound.get(message.activityId);
    this.textsByInbound.delete(message.activityId);
    if (step.expect && texts && !step.expect.test(texts.join('\n'))) this.unexpectedReplies += 1;
  }

  private rotate(): void {
    this.disconnect();
    this.replica += 1;
  }

  private disconnect(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    socket.removeAllListeners();
    socket.disconnect();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Rejects with a {@link Retry} once `signal` aborts (the deliver loop then stops instead of retrying). */
function stopped(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) return reject(new Retry('client_stopped'));
    signal.addEventListener('abort', () => reject(new Retry('client_stopped')), { once: true });
  });
}
