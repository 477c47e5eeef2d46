import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Channel } from '../core/activity.js';
import type { StaffPlatform } from '../core/staff.js';
import {
  createConversation, findChannelConversation, findStaffByIdentity, listChannelConversations, saveChannelConversation,
  type Database, type StaffUser,
} from '../store/index.js';

/**
 * What staff channel adapters (Teams, Slack) need besides `handleMessage`: who a platform user
 * is, which of our conversations a platform conversation is, and where to send alerts later.
 *
 * @remarks Platform ids never reach the dialogue: the adapter resolves the staff user here and
 * then talks to the bot with a staff principal, like the REST channel does.
 */
export class ChannelDirectory {
  constructor(private readonly db: Kysely<Database>, private readonly clock: { now(): Date }) {}

  /** The registered staff user behind a Teams (Entra object id) or Slack (user id) identity. */
  staffFor(options: { platform: StaffPlatform; externalId: string }): Promise<StaffUser | undefined> {
    return findStaffByIdentity(this.db, options);
  }

  /**
   * Our conversation for one staff user in one platform conversation, created on first use.
   *
   * @remarks The external id should include the user (a Teams channel has many), so each staff
   * user keeps their own dialogue state. `reference` is stored as given, for proactive messages.
   */
  async open(options: { channel: Channel; externalId: string; staffId: number; reference: unknown }): Promise<{ conversationId: string }> {
    const now = this.clock.now();
    const reference = JSON.stringify(options.reference);
    const known = await findChannelConversation(this.db, { channel: options.channel, externalId: options.externalId });
    if (known) {
      await saveChannelConversation(this.db, { channel: options.channel, externalId: options.externalId, conversationId: known.conversation_id, reference, now });
      return { conversationId: known.conversation_id };
    }
    const conversationId = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await createConversation(trx, { id: conversationId, channel: options.channel, staffUserId: options.staffId, now });
      await saveChannelConversation(trx, { channel: options.channel, externalId: options.externalId, conversationId, reference, now });
    });
    return { conversationId };
  }

  /** Stored references of a channel's conversations (parsed JSON), newest first. */
  async references(channel: Channel): Promise<Array<{ conversationId: string; reference: unknown }>> {
    const rows = await listChannelConversations(this.db, channel);
    return rows.map((row) => ({ conversationId: row.conversation_id, reference: JSON.parse(row.reference) as unknown }));
  }
}
