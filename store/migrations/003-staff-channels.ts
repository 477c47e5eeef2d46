import { sql, type Kysely } from 'kysely';
import { notNull, withId } from './helpers.js';

/**
 * Staff channels: which Teams/Slack user is which staff user, which platform conversation is
 * which of ours (with the reference proactive messages need), and hand-offs to human agents.
 * Staff roles move to agent / inventory / logistics / manager / admin.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.createTable('staff_identities')
    .addColumn('platform', 'text', notNull)
    .addColumn('external_id', 'text', notNull)
    .addColumn('staff_user_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', notNull)
    .addPrimaryKeyConstraint('staff_identities_pk', ['platform', 'external_id'])
    .execute();

  await db.schema.createTable('channel_conversations')
    .addColumn('channel', 'text', notNull)
    .addColumn('external_id', 'text', notNull)
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('reference', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addPrimaryKeyConstraint('channel_conversations_pk', ['channel', 'external_id'])
    .execute();

  await withId(db.schema.createTable('handoffs'), dialect)
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('reason', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('agent_staff_id', 'integer', (c) => c.references('staff_users.id'))
    .addColumn('requested_at', 'text', notNull)
    .addColumn('accepted_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('summary', 'text')
    .execute();
  await db.schema.createIndex('handoffs_conversation_idx').on('handoffs').columns(['conversation_id', 'status']).execute();
  await db.schema.createIndex('handoffs_status_idx').on('handoffs').columns(['status', 'requested_at']).execute();

  // Earlier roles: ops ran stock and deliveries, support answered customers, viewer only read.
  for (const [from, to] of [['ops', 'manager'], ['support', 'agent'], ['viewer', 'inventory']] as const) {
    await sql`update staff_users set role = ${to} where role = ${from}`.execute(db);
  }
}
