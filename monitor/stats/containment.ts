import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StatsPeriod } from './period.js';
import { round } from './sentiment-series.js';

/** How many conversations the bot finished on its own. */
export interface Containment {
  /** Conversations with at least one inbound message in the period. */
  conversations: number;
  /** Of those, conversations that never had a hand-off requested before the period's end. */
  contained: number;
  /** Of those, conversations with a hand-off requested before the period's end. */
  handedOff: number;
  /** `contained / conversations`; `null` without conversations. */
  containmentRate: number | null;
  /** `handedOff / conversations`; `null` without conversations. */
  handoffRate: number | null;
}

/**
 * Containment and hand-off rates of the conversations customers (or staff) wrote in.
 *
 * @remarks Conversations opened without a message (a widget shown, never used) are not
 * counted: they say nothing about what the bot could finish. A hand-off counts when it was
 * requested before the period's end, even if before its start (the conversation was not
 * contained).
 */
export async function containment(db: Kysely<Database>, period: StatsPeriod): Promise<Containment> {
  const active = db.selectFrom('messages')
    .where('messages.direction', '=', 'in')
    .where('messages.created_at', '>=', period.from)
    .where('messages.created_at', '<', period.to);
  const [all, handed] = await Promise.all([
    active.select((eb) => eb.fn.count<number | string>('messages.conversation_id').distinct().as('n')).executeTakeFirstOrThrow(),
    active.select((eb) => eb.fn.count<number | string>('messages.conversation_id').distinct().as('n'))
      .where((eb) => eb.exists(eb.selectFrom('handoffs').select('handoffs.id')
        .whereRef('handoffs.conversation_id', '=', 'messages.conversation_id')
        .where('handoffs.requested_at', '<', period.to)))
      .executeTakeFirstOrThrow(),
  ]);
  const conversations = Number(all.n);
  const handedOff = Number(handed.n);
  const contained = conversations - handedOff;
  const rate = (n: number) => (conversations === 0 ? null : round(n / conversations));
  return { conversations, contained, handedOff, containmentRate: rate(contained), handoffRate: rate(handedOff) };
}
