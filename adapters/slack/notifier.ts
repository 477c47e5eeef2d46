import { webApi } from '@slack/bolt';
import { DependencyError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Notice, Notifier } from '../../core/table.js';
import { SLACK_RETRY_CONFIG, toBoltLogger } from './app.js';
import { toSlackMessage } from './blocks.js';

/** Options of {@link createSlackNotifier}. */
export interface SlackNotifierOptions {
  /** Bot user OAuth token (`xoxb-…`) with `chat:write`; the bot must be a member of the channel. */
  botToken: string;
  /** Id of the channel alerts go to (`C…`). */
  channel: string;
  /**
   * Base URL of Slack's Web API, ending in `/`.
   * @defaultValue `https://slack.com/api/`
   */
  apiUrl?: string;
  logger: Logger;
}

/**
 * The {@link Notifier} for Slack: posts each notice to the configured alert channel, tables drawn
 * as in conversations.
 *
 * @remarks A post that still fails after the Web API client's retries throws a retryable
 * {@link DependencyError}, so the job that sent the alert can try again later.
 * @example
 * const notifier = createSlackNotifier({ botToken, channel: 'C0ALERTS', logger });
 * await notifier.notify({ text: 'Leeds is low on 3 SKUs' }); // 1
 */
export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const client = new webApi.WebClient(options.botToken, {
    logger: toBoltLogger(options.logger), retryConfig: SLACK_RETRY_CONFIG,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
  return {
    channel: 'slack',
    async notify(notice: Notice, notifyOptions?: { signal?: AbortSignal }): Promise<number> {
      notifyOptions?.signal?.throwIfAborted();
      try {
        await client.chat.postMessage({ channel: options.channel, unfurl_links: false, ...toSlackMessage(notice) });
      } catch (error) {
        throw new DependencyError(`posting to Slack channel ${options.channel} failed`, error);
      }
      return 1;
    },
  };
}
