import { io, type Socket } from 'socket.io-client';
import type { Activity } from '../../core/activity.js';

export type Ack = { ok: true; activityId: string; duplicate: boolean } | { ok: false; error: { code: string; message: string } };

export interface ChatClient {
  socket: Socket;
  conversationId: string;
  history: Activity[];
  /** Every `message` Activity received on this socket, in arrival order. */
  received: Activity[];
  /** Sends one message and resolves with its acknowledgement. */
  send(text: string, clientMessageId: string): Promise<Ack>;
  /** Resolves with the first reply to `activityId` received (or already received) on this socket. */
  replyTo(activityId: string, timeoutMs?: number): Promise<Activity>;
  close(): void;
}

/** A web chat customer on namespace `/chat` of `baseUrl` (websocket only, no automatic reconnect). */
export async function connectChat(baseUrl: string, auth: { token?: string; conversationId?: string } = {}): Promise<ChatClient> {
  const socket = io(`${baseUrl}/chat`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const received: Activity[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (activity: Activity) => {
    received.push(activity);
    waiters.forEach((wake) => wake());
  });
  const session = await new Promise<{ conversationId: string; history: Activity[] }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no session within 10 s')), 10_000);
    socket.once('session', (s) => { clearTimeout(timer); resolve(s); });
    socket.once('connect_error', (e) => { clearTimeout(timer); reject(e); });
  });
  return {
    socket,
    conversationId: session.conversationId,
    history: session.history,
    received,
    send: (text, clientMessageId) => new Promise<Ack>((resolve, reject) => {
      socket.timeout(15_000).emit('message', { text, clientMessageId }, (error: Error | null, ack: Ack) => (error ? reject(error) : resolve(ack)));
    }),
    replyTo: (activityId, timeoutMs = 10_000) => new Promise<Activity>((resolve, reject) => {
      const check = () => {
        const found = received.find((a) => a.replyToId === activityId);
        if (!found) return false;
        waiters.delete(wake);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const wake = () => { check(); };
      const timer = setTimeout(() => { waiters.delete(wake); reject(new Error(`no reply to ${activityId} within ${timeoutMs} ms`)); }, timeoutMs);
      if (!check()) waiters.add(wake);
    }),
    close: () => { socket.disconnect(); },
  };
}
