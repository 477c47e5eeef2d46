import { App, LogLevel, webApi, type Authorize, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { registerListeners } from './listeners.js';
import type { SlackChannelOptions } from './options.js';

/** Web API calls are retried this often; a user waiting in Slack should not wait Bolt's default half hour. */
export const SLACK_RETRY_CONFIG = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 } as const;

/**
 * A Bolt app that hands Slack events, the slash command and quick-reply buttons to the bot,
 * fed by whichever receiver the entry point chose.
 *
 * @remarks The bot user's ids come from one `auth.test` on the first event (cached, retried after a
 * failure), so that Bolt's `ignoreSelf` works and the bot's own mention can be stripped. With
 * `handoffs`, hand-off threads are posted through this app's Web API client.
 */
export function createSlackApp(options: SlackChannelOptions & { receiver: Receiver }): App {
  const logger = toBoltLogger(options.logger);
  const clientOptions = {
    logger, retryConfig: SLACK_RETRY_CONFIG, ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const client = new webApi.WebClient(options.botToken, clientOptions);
  const app = new App({
    receiver: options.receiver,
    authorize: authorizeOnce(client, options.botToken),
    logger,
    convoStore: false,
    clientOptions,
  });
  app.error(async (error) => {
    options.logger.error({ err: error }, 'slack request failed');
    throw error; // the receiver answers 500 if nothing was acknowledged yet, so Slack retries
  });
  registerListeners(app, options);
  options.handoffs?.connect(client);
  return app;
}

function authorizeOnce(client: InstanceType<typeof webApi.WebClient>, botToken: string): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then((result) => ({ botId: result.bot_id, botUserId: result.user_id }));
    try {
      return { botToken, ...(await identity) };
    } catch (error) {
      identity = undefined;
      throw error;
    }
  };
}

/** Bolt and the Web API client log through ours; their variadic messages become one line. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...messages: unknown[]) => {
    const err = messages.find((m): m is Error => m instanceof Error);
    const msg = messages.filter((m) => !(m instanceof Error)).map(describe).join(' ');
    logger[method]({ component: 'slack', ...(err ? { err } : {}) }, msg);
  };
  return {
    debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'),
    setLevel: (next) => { level = next; },
    getLevel: () => level,
    setName: () => {},
  };
}

function describe(message: unknown): string {
  if (typeof message === 'string') return message;
  try {
    return JSON.stringify(message);
  } catch {
    return String(message); // circular objects
  }
}
