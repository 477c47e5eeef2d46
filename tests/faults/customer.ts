import { connectChat, type ChatClient } from '../helpers/chat-client.js';

const TEXTS = ['hello', 'what is your return policy', 'do you ship abroad', 'how long does delivery take', 'thanks'];
const RETRYABLE = new Set(['dependency_failed', 'conflict', 'rate_limited', 'shutting_down', 'internal']);

/**
 * A web chat customer that keeps sending, and on a refusal it may retry or a lost connection,
 * reconnects and re-sends the same message id with back-off: what the widget does.
 */
export class RetryingCustomer {
  client!: ChatClient;
  readonly sent: string[] = [];
  readonly acked = new Map<string, string>();
  readonly errors: string[] = [];
  private next = 0;

  constructor(readonly name: string, private readonly url: () => string) {}

  async connect(conversationId?: string): Promise<void> {
    this.client = await connectChat(this.url(), conversationId ? { conversationId } : {});
  }

  /** Sends messages one after another until `until()` says stop; each is retried until acknowledged (bounded). */
  async run(until: () => boolean): Promise<void> {
    for (let i = 0; i < 500 && !until(); i++) await this.deliver(`${this.name}-${this.next++}`);
  }

  /** Sends one message until it is acknowledged: at most 40 tries over about a minute. */
  async deliver(id: string, text = TEXTS[this.sent.length % TEXTS.length]!): Promise<void> {
    if (!this.sent.includes(id)) this.sent.push(id);
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        if (!this.client.socket.connected) await this.connect(this.client.conversationId);
        const ack = await this.client.send(text, id);
        if (ack.ok) { this.acked.set(id, ack.activityId); return; }
        this.errors.push(ack.error.code);
        if (!RETRYABLE.has(ack.error.code)) throw new Error(`refused for good: ${ack.error.code}`);
      } catch (error) {
        if ((error as Error).message.startsWith('refused for good')) throw error;
        this.errors.push('no_ack');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
    }
    throw new Error(`${id} was never acknowledged; errors: ${this.errors.join(', ')}`);
  }
}
