import type { webApi } from '@slack/bolt';
import { AGENT_ROLES, type ChannelDirectory, type HandoffDesk, type HandoffEvent } from '../../bot/index.js';
import { DependencyError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { toErrorResponse } from '../errors.js';
import { escapeMrkdwn } from './blocks.js';
import type { HandoffThread, HandoffThreadStore } from './handoff-threads.js';
import {
  agentMessageText, alreadyTakenText, CLOSED_TEXT, closedText, customerMessageText, NOT_AN_AGENT_TEXT, NOT_REGISTERED_TEXT,
  openedText, releaseCommand, takenText,
} from './texts.js';

type WebClient = InstanceType<typeof webApi.WebClient>;

/** Options of {@link SlackHandoffs}. */
export interface SlackHandoffsOptions {
  desk: HandoffDesk;
  directory: ChannelDirectory;
  /** Id of the channel (`C…`) hand-off threads are opened in; the bot must be a member. */
  channel: string;
  threads: HandoffThreadStore;
  logger: Logger;
}

/** A reply in a Slack thread, already in our terms. */
export interface SlackThreadReply {
  channel: string;
  threadTs: string;
  userId: string;
  /** Plain text (Slack markup already read, the bot's mention removed). */
  text: string;
}

/**
 * Hand-offs worked in Slack: each new hand-off opens a thread in the hand-off channel, the
 * customer's messages and the outcome follow in it, and agents' replies in the thread reach
 * the customer through the {@link HandoffDesk}.
 *
 * @remarks The first reply of an agent, manager or admin takes the hand-off; `release` hands
 * the conversation back to the bot and `resolved` closes it as settled, with a summary in the
 * thread. Anyone else is told privately and nothing reaches the customer. Threads are found
 * through the {@link HandoffThreadStore}, so a replica that did not open one still serves
 * replies in it; the posts that follow events come from the replica whose events they are.
 * @example
 * const handoffs = new SlackHandoffs({ desk, directory, channel: 'C0HANDOFFS', threads, logger });
 * app.use(createSlackRouter({ bot, directory, logger, signingSecret, botToken, handoffs }));
 * // on shutdown: await handoffs.stop();
 */
export class SlackHandoffs {
  private client: WebClient | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Each hand-off's posts go out in the order of its events. */
  private readonly pending = new Map<number, Promise<void>>();
  /** Agents' Slack replies in flight, by hand-off: their `agent_message` is in the thread already. */
  private readonly fromSlack = new Map<number, number>();

  constructor(private readonly options: SlackHandoffsOptions) {}

  /** Starts posting hand-off events with this client; the Slack app calls it once it has one. */
  connect(client: WebClient): void {
    if (this.unsubscribe) return;
    this.client = client;
    this.unsubscribe = this.options.desk.events.subscribe((event) => this.enqueue(event));
  }

  /** Stops posting, after the posts already under way. */
  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.idle();
  }

  /** Resolves once every post under way is done. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }

  /** Whether this Slack thread is a hand-off's (its messages are not questions to the bot). */
  async isHandoffThread(thread: { channel: string; threadTs: string }): Promise<boolean> {
    return (await this.options.threads.forThread(thread)) !== undefined;
  }

  /**
   * Handles a reply in a hand-off thread: takes the hand-off, answers the customer, or ends it.
   * @returns false when the thread is not a hand-off's, and nothing was done.
   */
  async handleReply(reply: SlackThreadReply, client: WebClient): Promise<boolean> {
    const thread = await this.options.threads.forThread(reply);
    if (!thread) return false;
    const say = async (text: string) => { await client.chat.postMessage({ channel: reply.channel, thread_ts: reply.threadTs, text, unfurl_links: false }); };
    try {
      const staff = await this.options.directory.staffFor({ platform: 'slack', externalId: reply.userId });
      if (!staff || !AGENT_ROLES.includes(staff.role)) {
        await client.chat.postEphemeral({ channel: reply.channel, thread_ts: reply.threadTs, user: reply.userId, text: staff ? NOT_AN_AGENT_TEXT : NOT_REGISTERED_TEXT });
        return true;
      }
      const outcome = releaseCommand(reply.text);
      // The summary follows from the `closed` event, like a release in the agent console.
      if (outcome) await this.options.desk.release({ handoffId: thread.handoffId, staffId: staff.id, outcome });
      else await this.answer({ handoffId: thread.handoffId, staffId: staff.id, text: reply.text, say });
    } catch (error) {
      const { body } = toErrorResponse(error, this.options.logger);
      await say(escapeMrkdwn(body.error.message)).catch((sayError: unknown) => {
        this.options.logger.error({ err: sayError, cause: error }, 'could not answer in the Slack hand-off thread');
      });
    }
    return true;
  }

  /** Sends an agent's thread reply to the customer, taking the hand-off first if nobody has. */
  private async answer(options: { handoffId: number; staffId: number; text: string; say(text: string): Promise<void> }): Promise<void> {
    const { desk } = this.options;
    const { handoffId, staffId } = options;
    if (options.text.trim().length === 0) return; // a bare mention of the bot
    const entry = (await desk.queue()).find((q) => q.id === handoffId);
    if (!entry) return options.say(CLOSED_TEXT);
    if (entry.agent && entry.agent.id !== staffId) return options.say(alreadyTakenText(entry.agent.name));
    if (entry.status === 'queued') await desk.take({ handoffId, staffId });
    this.fromSlack.set(handoffId, (this.fromSlack.get(handoffId) ?? 0) + 1);
    try {
      await desk.reply({ handoffId, staffId, text: options.text });
    } finally {
      const left = (this.fromSlack.get(handoffId) ?? 1) - 1;
      if (left > 0) this.fromSlack.set(handoffId, left);
      else this.fromSlack.delete(handoffId);
    }
  }

  private enqueue(event: HandoffEvent): void {
    if (event.type === 'agent_message' && this.fromSlack.has(event.handoffId)) return; // the agent wrote it in the thread
    const id = event.handoffId;
    const next = (this.pending.get(id) ?? Promise.resolve())
      .then(() => this.post(event))
      .catch((error: unknown) => { this.options.logger.error({ err: error, handoffId: id, event: event.type }, 'could not post the hand-off to Slack'); });
    this.pending.set(id, next);
    void next.finally(() => { if (this.pending.get(id) === next) this.pending.delete(id); });
  }

  private async post(event: HandoffEvent): Promise<void> {
    if (event.type === 'opened') return this.open(event);
    const thread = await this.options.threads.forHandoff(event.handoffId);
    if (!thread) return; // opened before Slack was connected, by another replica, or its post failed
    const text = await this.describe(event);
    if (text) await this.say(thread, text);
  }

  private async open(event: Extract<HandoffEvent, { type: 'opened' }>): Promise<void> {
    const { desk, threads, channel } = this.options;
    if (await threads.forHandoff(event.handoffId)) return;
    const entry = (await desk.queue()).find((q) => q.id === event.handoffId);
    const posted = await this.connected().chat.postMessage({ channel, text: openedText(event, entry), unfurl_links: false, unfurl_media: false });
    if (!posted.ts) throw new DependencyError('Slack did not say where the hand-off message was posted');
    // Slack answers with the channel's id even when it was configured by name; replies carry the id.
    await threads.save({ handoffId: event.handoffId, conversationId: event.conversationId, channel: posted.channel ?? channel, threadTs: posted.ts });
  }

  private async describe(event: Exclude<HandoffEvent, { type: 'opened' }>): Promise<string | undefined> {
    switch (event.type) {
      case 'customer_message':
        return event.activity.text ? customerMessageText(event.activity.text) : undefined;
      case 'taken':
        return takenText(await this.options.desk.requireAgent(event.agentStaffId).then((a) => a.name, () => `Staff user #${event.agentStaffId}`));
      case 'agent_message':
        return event.activity.text ? agentMessageText(event.activity.from.name ?? 'An agent', event.activity.text) : undefined;
      case 'closed':
        return closedText(event.outcome, await this.options.threads.summary(event.handoffId));
    }
  }

  private async say(thread: HandoffThread, text: string): Promise<void> {
    await this.connected().chat.postMessage({ channel: thread.channel, thread_ts: thread.threadTs, text, unfurl_links: false, unfurl_media: false });
  }

  private connected(): WebClient {
    if (!this.client) throw new DependencyError('the Slack hand-off bridge was used before it was connected');
    return this.client;
  }
}
