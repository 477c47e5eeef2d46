import type { CloudAdapter } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { Logger } from '../../core/logger.js';
import type { Notice, Notifier } from '../../core/table.js';
import type { ChannelDirectory } from '../../bot/index.js';
import { toTeamsMessage } from './outbound.js';
import { createTeamsCloudAdapter, proactiveIdentity, type TeamsAuth } from './sdk.js';

type ConversationReference = Parameters<CloudAdapter['continueConversation']>[1];

/**
 * The part of a stored conversation reference a proactive message needs.
 *
 * @remarks Stored references are ours, but they outlive SDK versions: one that no longer has
 * this shape is skipped and logged, not sent half-formed.
 */
const StoredReferenceSchema = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

/** Options of {@link createTeamsNotifier}. */
export interface TeamsNotifierOptions {
  directory: ChannelDirectory;
  /** The Teams app registration the messages are sent as; without `clientId`, anonymously (local Emulator only). */
  auth: TeamsAuth;
  logger: Logger;
}

/**
 * Proactive Teams messages: a notice goes to every Teams conversation the bot has talked in
 * (the references the channel directory stored), once per Teams conversation.
 *
 * @remarks Several staff users in one channel thread each have their own conversation with the
 * bot but share the thread, so the thread gets the notice once. A destination that fails is
 * logged and skipped; the result counts the ones that got it.
 *
 * @example
 * const teams = createTeamsNotifier({ directory, auth: { clientId, clientSecret, tenantId }, logger });
 * await teams.notify({ text: 'Stock alert: APP-1042 is below its reorder point at LDS.' });
 */
export function createTeamsNotifier(options: TeamsNotifierOptions): Notifier {
  const { directory, logger } = options;
  const adapter = createTeamsCloudAdapter(options.auth);
  const identity = proactiveIdentity(options.auth);
  return {
    channel: 'teams',
    async notify(notice: Notice, notifyOptions?: { signal?: AbortSignal }): Promise<number> {
      const signal = notifyOptions?.signal;
      const stored = await directory.references('teams');
      const seen = new Set<string>();
      let delivered = 0;
      for (const { conversationId, reference } of stored) {
        signal?.throwIfAborted();
        const parsed = StoredReferenceSchema.safeParse(reference);
        if (!parsed.success) {
          logger.warn({ conversationId }, 'teams conversation reference unusable; notice skipped');
          continue;
        }
        const destination = `${parsed.data.serviceUrl} ${parsed.data.conversation.id}`;
        if (seen.has(destination)) continue;
        seen.add(destination);
        try {
          await adapter.continueConversation(identity, parsed.data as unknown as ConversationReference, async (context) => {
            await context.sendActivity(toTeamsMessage(notice));
          });
          delivered++;
        } catch (error) {
          logger.warn({ err: error, conversationId }, 'teams notice not delivered');
        }
      }
      return delivered;
    },
  };
}
