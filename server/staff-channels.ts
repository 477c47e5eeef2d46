import express from 'express';
import { createSlackNotifier, createSlackRouter, SLACK_EVENTS_PATH, startSlackSocketMode } from '../adapters/slack/index.js';
import { createTeamsNotifier, createTeamsRouter } from '../adapters/teams/index.js';
import { ChannelDirectory, type Bot } from '../bot/index.js';
import type { Logger } from '../core/logger.js';
import type { Notifier } from '../core/table.js';
import type { Clock } from '../core/tools.js';
import type { Store } from '../store/index.js';
import type { Config } from './config.js';

/** What the staff channels need once the bot is ready. */
export interface StaffChannelsOptions {
  config: Config;
  bot: Bot;
  store: Store;
  logger: Logger;
  clock: Clock;
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
    notifiers.push(createTeamsNotifier({ directory, auth, logger }));
  }
  const token = config.SLACK_BOT_TOKEN;
  if (token) {
    const slack = { bot, directory, logger, botToken: token, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) };
    if (config.SLACK_APP_TOKEN) {
      const socket = await startSlackSocketMode({ ...slack, appToken: config.SLACK_APP_TOKEN });
      closers.push(() => socket.stop());
    } else if (config.SLACK_SIGNING_SECRET) {
      channels.slack = createSlackRouter({ ...slack, signingSecret: config.SLACK_SIGNING_SECRET });
    }
    if (config.SLACK_ALERT_CHANNEL) {
      notifiers.push(createSlackNotifier({ botToken: token, channel: config.SLACK_ALERT_CHANNEL, logger, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) }));
    }
  }
  return channels;
}
