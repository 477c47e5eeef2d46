import express from 'express';
import type { Kysely } from 'kysely';
import {
  createSlackNotifier, createSlackRouter, HandoffThreadReferenceSchema, handoffThreadIds, SLACK_EVENTS_PATH, SlackHandoffs, startSlackSocketMode,
  type HandoffThreadStore,
} from '../adapters/slack/index.js';
import { createTeamsNotifier, createTeamsRouter } from '../adapters/teams/index.js';
import { ChannelDirectory, HandoffSummarySchema, type Bot, type HandoffDesk } from '../bot/index.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/table.js';
import type { Clock } from '../core/tools.js';
import { findChannelConversation, getHandoff, saveChannelConversation, type Database, type Store } from '../store/index.js';
import type { Config } from './config.js';

/** What the staff channels need once the bot is ready. */
export interface StaffChannelsOptions {
  config: Config;
  bot: Bot;
  store: Store;
  logger: Logger;
  clock: Clock;
  /** Where Slack hand-off threads take, answer and release hand-offs; without it Slack opens none. */
  desk?: HandoffDesk;
}

/** The configured staff channels: the routes to mount, notifiers for alerts, and what to close. */
export interface StaffChannels {
  /** `POST /api/messages` for Teams, when configured; mount on the `/api` router before the REST routes. */
  teams?: express.Router;
  /** `POST /slack/events` for Slack in HTTP mode, when configured; mount on the app before any body parser. */
  slack?: express.Router;
  notifiers: Notifier[];
  close(): Promise<void>;
}

export { SLACK_EVENTS_PATH };

/**
 * Starts the staff channels the configuration turns on.
 *
 * @remarks Teams: with `clientId` every request needs a valid Bot Framework JWT; with
 * `TEAMS_ANONYMOUS=true` and no `clientId` the endpoint takes unauthenticated requests for the
 * local Bot Framework Emulator (the SDK refuses that when `NODE_ENV=production`). Slack: HTTP mode
 * with `SLACK_BOT_TOKEN` and `SLACK_SIGNING_SECRET`, Socket Mode when `SLACK_APP_TOKEN` is set too.
 * Given the hand-off desk, Slack also opens a thread per hand-off in `SLACK_HANDOFF_CHANNEL`
 * (the alert channel when that is unset) where agents answer the customer.
 */
export async function startStaffChannels(options: StaffChannelsOptions): Promise<StaffChannels> {
  const { config, bot, store, logger, clock } = options;
  const directory = new ChannelDirectory(store.db, clock);
  const notifiers: Notifier[] = [];
  const closers: Array<() => Promise<void>> = [];
  const channels: StaffChannels = { notifiers, close: async () => { for (const close of closers) await close(); } };
  if (config.clientId || config.TEAMS_ANONYMOUS) {
    const auth = { clientId: config.clientId, clientSecret: config.clientSecret, tenantId: config.tenantId };
    channels.teams = createTeamsRouter({ bot, directory, logger, auth, path: '/messages' });
  }
  const token = config.SLACK_BOT_TOKEN;
  if (token) {
    const handoffChannel = handoffChannelOf(config);
    const handoffs = options.desk && handoffChannel && (config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET)
      ? new SlackHandoffs({ desk: options.desk, directory, channel: handoffChannel, threads: storedHandoffThreads(store.db, clock), logger })
      : undefined;
    const slack = { bot, directory, logger, botToken: token, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}), ...(handoffs ? { handoffs } : {}) };
    if (config.SLACK_APP_TOKEN) {
      const socket = await startSlackSocketMode({ ...slack, appToken: config.SLACK_APP_TOKEN });
      closers.push(() => socket.stop());
    } else if (config.SLACK_SIGNING_SECRET) {
      channels.slack = createSlackRouter({ ...slack, signingSecret: config.SLACK_SIGNING_SECRET });
    }
    if (handoffs) closers.push(() => handoffs.stop()); // after the receiver stops: the last posts still go out
  }
  notifiers.push(...createStaffNotifiers({ config, store, logger, clock }));
  return channels;
}

/**
 * Proactive senders for alerts: every stored Teams conversation (when Teams is configured) and
 * the Slack alert channel (when set). Needs no bot, so the worker process builds them too.
 */
export function createStaffNotifiers(options: { config: Config; store: Store; logger: Logger; clock: Clock }): Notifier[] {
  const { config, logger } = options;
  const notifiers: Notifier[] = [];
  if (config.clientId || config.TEAMS_ANONYMOUS) {
    const auth = { clientId: config.clientId, clientSecret: config.clientSecret, tenantId: config.tenantId };
    notifiers.push(createTeamsNotifier({ directory: new ChannelDirectory(options.store.db, options.clock), auth, logger }));
  }
  if (config.SLACK_BOT_TOKEN && config.SLACK_ALERT_CHANNEL) {
    notifiers.push(createSlackNotifier({
      botToken: config.SLACK_BOT_TOKEN, channel: config.SLACK_ALERT_CHANNEL, logger, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    }));
  }
  return notifiers;
}

/** `SLACK_HANDOFF_CHANNEL` where the configuration declares it, else the alert channel. */
function handoffChannelOf(config: Config): string | undefined {
  return config.SLACK_HANDOFF_CHANNEL ?? config.SLACK_ALERT_CHANNEL;
}

/**
 * Slack hand-off threads in `channel_conversations` (channel `slack`, the customer's conversation):
 * one row `handoff:<id>` and one `handoff-thread:<channel>:<ts>`, each with the reference
 * `{channel, thread_ts, handoffId}`, so every replica and a restarted process find a thread both ways.
 */
export function storedHandoffThreads(db: Kysely<Database>, clock: Clock): HandoffThreadStore {
  const read = async (externalId: string) => {
    const row = await findChannelConversation(db, { channel: 'slack', externalId });
    const reference = row ? HandoffThreadReferenceSchema.safeParse(JSON.parse(row.reference)) : undefined;
    if (!row || !reference?.success) return undefined;
    return { handoffId: reference.data.handoffId, conversationId: row.conversation_id, channel: reference.data.channel, threadTs: reference.data.thread_ts };
  };
  return {
    async save(thread) {
      const reference = JSON.stringify({ channel: thread.channel, thread_ts: thread.threadTs, handoffId: thread.handoffId });
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        for (const externalId of [handoffThreadIds.byHandoff(thread.handoffId), handoffThreadIds.byThread(thread)]) {
          await saveChannelConversation(trx, { channel: 'slack', externalId, conversationId: thread.conversationId, reference, now });
        }
      });
    },
    forHandoff: (handoffId) => read(handoffThreadIds.byHandoff(handoffId)),
    forThread: (thread) => read(handoffThreadIds.byThread(thread)),
    async summary(handoffId) {
      const { summary } = await getHandoff(db, handoffId);
      const parsed = summary ? HandoffSummarySchema.safeParse(JSON.parse(summary)) : undefined;
      return parsed?.success ? parsed.data : undefined;
    },
  };
}
