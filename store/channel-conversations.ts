import type { Kysely, Selectable } from 'kysely';
import type { ChannelConversationsTable, Database } from './schema.js';

export type ChannelConversation = Selectable<ChannelConversationsTable>;

/** Our conversation for a platform conversation, if one was opened. */
export async function findChannelConversation(db: Kysely<Database>, options: { channel: string; externalId: string }): Promise<ChannelConversation | undefined> {
  return db.selectFrom('channel_conversations').selectAll()
    .where('channel', '=', options.channel).where('external_id', '=', options.externalId).executeTakeFirst();
}

/** Records (or refreshes) the link and the reference proactive messages need. */
export async function saveChannelConversation(
  db: Kysely<Database>,
  options: { channel: string; externalId: string; conversationId: string; reference: string; now: Date },
): Promise<void> {
  const at = options.now.toISOString();
  await db.insertInto('channel_conversations')
    .values({ channel: options.channel, external_id: options.externalId, conversation_id: options.conversationId, reference: options.reference, updated_at: at })
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doUpdateSet({ reference: options.reference, updated_at: at }))
    .execute();
}

/** Every stored conversation of a channel, newest first. */
export async function listChannelConversations(db: Kysely<Database>, channel: string): Promise<ChannelConversation[]> {
  return db.selectFrom('channel_conversations').selectAll().where('channel', '=', channel).orderBy('updated_at', 'desc').execute();
}
