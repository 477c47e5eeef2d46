import type { Bot, ChannelDirectory } from '../../bot/index.js';
import type { Logger } from '../../core/logger.js';
import type { SlackHandoffs } from './handoffs.js';

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
  /**
   * Hand-offs worked in Slack threads: replies in their threads go to the customer, not to the
   * bot. The app connects it to its Web API client to post the threads.
   * @defaultValue none: hand-offs are worked in the agent console only
   */
  handoffs?: SlackHandoffs;
}
