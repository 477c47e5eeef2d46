import type { Bot, ChannelDirectory } from '../../bot/index.js';
import type { Logger } from '../../core/logger.js';

/** What every Slack entry point (HTTP events, Socket Mode) needs. */
export interface SlackChannelOptions {
  bot: Bot;
  directory: ChannelDirectory;
  logger: Logger;
  /** Bot user OAuth token (`xoxb-…`). */
  botToken: string;
  /**
   * Base URL of Slack's Web API, ending in `/`.
   * @defaultValue `https://slack.com/api/` (Bolt's default)
   */
  apiUrl?: string;
  /**
   * The slash command this app answers.
   * @defaultValue `/counterpart`
   */
  command?: string;
}
