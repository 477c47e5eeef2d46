import type { Kysely } from 'kysely';
import { notNull, withId } from './helpers.js';

/**
 * The monitor: alerts raised by the rules (deduplicated by key within a cool-down) and the
 * background jobs' record of what was scored.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await withId(db.schema.createTable('alerts'), dialect)
    .addColumn('rule', 'text', notNull)
    /** What the alert is about, for deduplication: `negative_sentiment`, `order:100234`, `stock:LDS:APP-1042`. */
    .addColumn('key', 'text', notNull)
    .addColumn('severity', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('detail', 'text', notNull)
    /** JSON of the numbers behind the alert. */
    .addColumn('data', 'text', notNull)
    .addColumn('raised_at', 'text', notNull)
    .addColumn('delivered_to', 'text')
    .execute();
  await db.schema.createIndex('alerts_key_idx').on('alerts').columns(['rule', 'key', 'raised_at']).execute();
  await db.schema.createIndex('alerts_time_idx').on('alerts').column('raised_at').execute();
  // The monitor's searches page by (created_at, id) over every message and conversation.
  await db.schema.createIndex('messages_time_idx').on('messages').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('conversations_time_idx').on('conversations').columns(['created_at', 'id']).execute();
}
