import type { Insertable, Kysely } from 'kysely';
import { createRandom } from '../../core/random.js';
import type { Database } from '../../store/schema.js';
import { planDemoHistory, type DemoCast } from './demo-history-plan.js';

/** Rows per insert statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 400;

/** @defaultValue seed 5, conversations 300 */
export interface DemoHistoryOptions {
  /** The history ends here (minus a few minutes); the last 14 days before it are filled. */
  now: Date;
  seed?: number;
  /** Conversations over the 14 days; a further 14% form the recent burst of complaints. */
  conversations?: number;
}

/** What {@link insertDemoHistory} wrote; all zero when the history was already there. */
export interface DemoHistorySummary {
  inserted: boolean;
  conversations: number;
  messages: number;
  handoffs: number;
  alerts: number;
}

/** Customers, staff who ask for reports, and the agent who takes hand-offs, as the store has them. */
async function castOf(db: Kysely<Database>): Promise<DemoCast> {
  const [customers, staff] = await Promise.all([
    db.selectFrom('customers').select('id').orderBy('id').limit(300).execute(),
    db.selectFrom('staff_users').select(['id', 'role']).orderBy('id').execute(),
  ]);
  return {
    customerIds: customers.map((c) => c.id),
    staffIds: staff.filter((s) => ['manager', 'inventory', 'logistics'].includes(s.role)).map((s) => s.id),
    agentId: staff.find((s) => s.role === 'agent')?.id ?? null,
  };
}

async function insertChunks<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  // The generic table type is too wide for Kysely's overloads; each caller passes its own table's rows.
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/**
 * Adds two weeks of past demo conversations — customers' and staff's messages with intents,
 * confidences and sentiment scores, the bot's answers, hand-offs to agents, questions the bot
 * could not place, a recent burst of complaints about late deliveries — and the alerts they
 * would have raised, so that the monitor dashboard has something to show on a fresh demo.
 *
 * @remarks Deterministic for a seed, `now` and the store's customers and staff. Runs once: a
 * second call with the same inputs finds its first conversation and writes nothing. Customer and staff ids are taken from the
 * store (none when it has no customers or staff), so it also runs on an unseeded store.
 *
 * @example
 * await seedDemoShop(db, { now });
 * await insertDemoHistory(db, { now });
 */
export async function insertDemoHistory(db: Kysely<Database>, options: DemoHistoryOptions): Promise<DemoHistorySummary> {
  const rows = planDemoHistory(createRandom(options.seed ?? 5), {
    now: options.now, cast: await castOf(db), conversations: options.conversations ?? 300,
  });
  const first = rows.conversations[0];
  const done = first && await db.selectFrom('conversations').select('id').where('id', '=', first.id).executeTakeFirst();
  if (!first || done) return { inserted: false, conversations: 0, messages: 0, handoffs: 0, alerts: 0 };
  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'conversations', rows.conversations);
    await insertChunks(trx, 'messages', rows.messages);
    await insertChunks(trx, 'handoffs', rows.handoffs);
    await insertChunks(trx, 'alerts', rows.alerts);
  });
  return { inserted: true, conversations: rows.conversations.length, messages: rows.messages.length, handoffs: rows.handoffs.length, alerts: rows.alerts.length };
}
