import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { ConflictError } from '../core/errors.js';
import type { Database } from './schema.js';

/** How long a turn waits for another replica's turn of the same conversation before retrying. */
const LOCK_WAIT = '10s';

/**
 * Takes the per-conversation lock for the rest of the transaction `trx`: two replicas never run
 * turns of one conversation at the same time, and a waiting turn reads the state the previous
 * one committed.
 *
 * @remarks PostgreSQL transaction-level advisory lock, not a Redis lock. The lock lives on the
 * same connection as the turn's writes: it is released exactly when they commit or roll back, and
 * when a replica dies its connection closes and the lock goes with its uncommitted writes. So no
 * holder can outlive its lock (the case Redis locks need expiry and fencing tokens for), and a
 * Redis outage never blocks chat. The optimistic version check on the conversation row stays as
 * a second guard. SQLite needs nothing: one process, and its transactions already run one at a time.
 * A wait longer than {@link LOCK_WAIT} becomes a retryable {@link ConflictError}.
 */
export async function lockConversation(trx: Kysely<Database>, conversationId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select set_config('lock_timeout', ${LOCK_WAIT}, true)`.execute(trx);
  try {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`conversation:${conversationId}`}, 0))`.execute(trx);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') throw new ConflictError('conversation is busy', { id: conversationId });
    throw error;
  }
}
