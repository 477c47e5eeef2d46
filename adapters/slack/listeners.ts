import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import type { Activity } from '../../core/activity.js';
import { toErrorResponse } from '../errors.js';
import type { SlackChannelOptions } from './options.js';
import { QUICK_REPLY_ACTION, toSlackMessage, type SlackMessage } from './blocks.js';
import { NOT_REGISTERED_TEXT } from './texts.js';

const DEFAULT_COMMAND = '/counterpart';

const Id = z.string().min(1).max(100);
const Absent = z.never().optional();
// Another bot's message (bot_id set) is never answered: two bots would answer each other for ever.
const MentionEvent = z.object({
  type: z.literal('app_mention'), user: Id, channel: Id, text: z.string(), ts: Id, thread_ts: Id.optional(), bot_id: Absent,
});
const DirectMessageEvent = z.object({
  type: z.literal('message'), channel_type: z.literal('im'), user: Id, channel: Id, text: z.string(), ts: Id,
  thread_ts: Id.optional(), subtype: Absent, bot_id: Absent,
});
/** A reply in a channel thread: in a hand-off's thread it is for the customer. */
const ThreadReplyEvent = z.object({
  type: z.literal('message'), channel_type: z.enum(['channel', 'group']), user: Id, channel: Id, text: z.string(), ts: Id,
  thread_ts: Id, subtype: Absent, bot_id: Absent,
});
const SlashCommand = z.object({ user_id: Id, channel_id: Id, text: z.string(), trigger_id: Id });

/** One user message from Slack, already in our terms. */
interface SlackTurn {
  userId: string;
  channel: string;
  /** Thread the dialogue lives in; absent for the slash command, which has none. */
  threadTs?: string;
  text: string;
  /** Stable across Slack's retries of the same delivery, so a retried turn runs once. */
  clientMessageId: string;
  /** Posts one reply where the user will see it. */
  say(message: SlackMessage): Promise<void>;
}

/** Routes Slack's events, the slash command and quick-reply buttons to {@link converse}. */
export function registerListeners(app: App, options: SlackChannelOptions): void {
  app.event('app_mention', async ({ event, client, context }) => {
    const parsed = MentionEvent.safeParse(event);
    if (!parsed.success) return;
    const e = parsed.data;
    // In a hand-off's thread the mention is a reply to the customer, taken from its `message` event.
    if (e.thread_ts && (await options.handoffs?.isHandoffThread({ channel: e.channel, threadTs: e.thread_ts }))) return;
    const threadTs = e.thread_ts ?? e.ts;
    await converse(options, {
      userId: e.user, channel: e.channel, threadTs, clientMessageId: e.ts,
      text: fromSlackText(e.text, context.botUserId),
      say: async (message) => { await client.chat.postMessage({ channel: e.channel, thread_ts: threadTs, ...message }); },
    });
  });

  app.event('message', async ({ event, client, context }) => {
    const reply = options.handoffs ? ThreadReplyEvent.safeParse(event) : undefined;
    if (reply?.success && reply.data.thread_ts !== reply.data.ts) {
      const r = reply.data;
      await options.handoffs?.handleReply({ channel: r.channel, threadTs: r.thread_ts, userId: r.user, text: fromSlackText(r.text, context.botUserId) }, client);
      return;
    }
    const parsed = DirectMessageEvent.safeParse(event);
    if (!parsed.success) return; // edits, joins, bot messages, channel chatter: not a question to us
    const e = parsed.data;
    const threadTs = e.thread_ts ?? e.ts;
    await converse(options, {
      userId: e.user, channel: e.channel, threadTs, clientMessageId: e.ts,
      text: fromSlackText(e.text, context.botUserId),
      say: async (message) => { await client.chat.postMessage({ channel: e.channel, thread_ts: threadTs, ...message }); },
    });
  });

  app.command(options.command ?? DEFAULT_COMMAND, async ({ command, ack, respond }) => {
    await ack(); // within Slack's three seconds; the answer follows through response_url
    const parsed = SlashCommand.safeParse(command);
    if (!parsed.success) return;
    const c = parsed.data;
    await converse(options, {
      userId: c.user_id, channel: c.channel_id, clientMessageId: c.trigger_id,
      text: fromSlackText(c.text, undefined), say: ephemeral(respond),
    });
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${QUICK_REPLY_ACTION}_\\d+$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const channel = body.channel?.id;
    if (!channel || !action.value) return;
    const message = body.message;
    // A button under an ephemeral slash-command answer has no message to thread on: answer the same way.
    const threadTs = message ? (message.thread_ts as string | undefined) ?? message.ts : undefined;
    await converse(options, {
      userId: body.user.id, channel, threadTs, clientMessageId: action.action_ts, text: action.value,
      say: threadTs
        ? async (reply) => { await client.chat.postMessage({ channel, thread_ts: threadTs, ...reply }); }
        : ephemeral(respond),
    });
  });
}

function ephemeral(respond: RespondFn | undefined): SlackTurn['say'] {
  return async (message) => { await respond?.({ response_type: 'ephemeral', ...message }); };
}

/**
 * One turn: who the Slack user is, which of our conversations this thread is, the bot's answer.
 *
 * @remarks Unregistered users get {@link NOT_REGISTERED_TEXT} and nothing is stored. A message Slack
 * delivers again (a retry) comes back from the bot as a duplicate and is not answered twice.
 */
async function converse(options: SlackChannelOptions, turn: SlackTurn): Promise<void> {
  const { bot, directory, logger } = options;
  try {
    const staff = await directory.staffFor({ platform: 'slack', externalId: turn.userId });
    if (!staff) {
      await turn.say({ text: NOT_REGISTERED_TEXT });
      return;
    }
    const { conversationId } = await directory.open({
      channel: 'slack', externalId: externalIdOf(turn), staffId: staff.id,
      reference: { channel: turn.channel, threadTs: turn.threadTs ?? null, userId: turn.userId },
    });
    const principal = { kind: 'staff', staffId: staff.id } as const;
    let replies: Array<Pick<Activity, 'text' | 'tables' | 'quickReplies'>>;
    if (turn.text.trim().length === 0) {
      replies = [await bot.welcome({ conversationId, principal })]; // a bare mention: say what we can do
    } else {
      const result = await bot.handleMessage({ conversationId, channel: 'slack', text: turn.text, clientMessageId: turn.clientMessageId, principal });
      if (result.duplicate) return;
      replies = result.replies;
    }
    for (const reply of replies) await turn.say(toSlackMessage(reply));
  } catch (error) {
    const { body } = toErrorResponse(error, logger);
    await turn.say({ text: body.error.message }).catch((sayError: unknown) => {
      logger.error({ err: sayError, cause: error }, 'could not answer on Slack');
    });
  }
}

/** Channel, thread and user: each staff member keeps their own dialogue in a shared thread. */
function externalIdOf(turn: Pick<SlackTurn, 'channel' | 'threadTs' | 'userId'>): string {
  return `${turn.channel}:${turn.threadTs ?? '-'}:${turn.userId}`;
}

/**
 * Slack's message markup as plain text: the bot's own mention removed, other mentions and links
 * reduced to what they show, and `&amp;`, `&lt;`, `&gt;` decoded.
 *
 * @example fromSlackText('<@UBOT> mail <mailto:a@b.co|a@b.co> &amp; more', 'UBOT'); // 'mail a@b.co & more'
 */
export function fromSlackText(text: string, botUserId: string | undefined): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text
    .replace(own, ' ')
    .replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_match, target: string, label: string | undefined) => {
      if (label) return target.startsWith('#') ? `#${label}` : label;
      return target.replace(/^mailto:/, '').replace(/^!/, '@');
    })
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
