import { SocketModeReceiver } from '@slack/bolt';
import { createSlackApp, toBoltLogger } from './app.js';
import type { SlackChannelOptions } from './options.js';

/** Options of {@link startSlackSocketMode}. */
export interface SlackSocketModeOptions extends SlackChannelOptions {
  /** App-level token (`xapp-…`) with the `connections:write` scope. */
  appToken: string;
}

/** A running Socket Mode connection. */
export interface SlackSocketMode {
  stop(): Promise<void>;
}

/**
 * The Slack channel over Socket Mode: Slack pushes events through a WebSocket the app opens, so
 * no public Request URL (and no signing secret) is needed. The listeners are the HTTP mode's.
 *
 * @remarks For hosts that Slack cannot reach (development machines, private networks).
 * @example
 * const socket = await startSlackSocketMode({ bot, directory, logger, botToken, appToken });
 * // on shutdown: await socket.stop();
 */
export async function startSlackSocketMode(options: SlackSocketModeOptions): Promise<SlackSocketMode> {
  const receiver = new SocketModeReceiver({ appToken: options.appToken, logger: toBoltLogger(options.logger) });
  const app = createSlackApp({ ...options, receiver });
  await app.start();
  return { stop: async () => { await app.stop(); } };
}
