import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StatsPeriod } from './period.js';

/** Inbound messages of one intent or channel. */
export interface VolumeRow {
  /** The intent or channel; `null` for messages the NLU gave no intent. */
  key: string | null;
  count: number;
}

/** Customers' (and staff's) inbound messages in the period, by intent and by channel, largest first. */
export interface Volume {
  byIntent: VolumeRow[];
  byChannel: VolumeRow[];
  /** Inbound messages in the period. */
  inbound: number;
  /** Bot and agent messages in the period. */
  outbound: number;
}

function inPeriod(db: Kysely<Database>, period: StatsPeriod) {
  return db.selectFrom('messages')
    .where('messages.created_at', '>=', period.from)
    .where('messages.created_at', '<', period.to);
}

/**
 * Message volume by intent and by channel.
 *
 * @remarks Ordered here, not in SQL: the engines place `null` keys differently. Ties go by key,
 * `null` last.
 */
export async function messageVolume(db: Kysely<Database>, period: StatsPeriod): Promise<Volume> {
  const inbound = inPeriod(db, period).where('messages.direction', '=', 'in');
  const [byIntent, byChannel, directions] = await Promise.all([
    inbound.select((eb) => ['messages.intent as key', eb.fn.countAll<number | string>().as('count')])
      .groupBy('messages.intent').execute(),
    inbound.select((eb) => ['messages.channel as key', eb.fn.countAll<number | string>().as('count')])
      .groupBy('messages.channel').execute(),
    inPeriod(db, period).select((eb) => ['messages.direction', eb.fn.countAll<number | string>().as('count')])
      .groupBy('messages.direction').execute(),
  ]);
  const total = (direction: 'in' | 'out') => Number(directions.find((row) => row.direction === direction)?.count ?? 0);
  const rows = (list: { key: string | null; count: number | string }[]) => list.map((row) => ({ key: row.key, count: Number(row.count) })).sort(byCount);
  return { byIntent: rows(byIntent), byChannel: rows(byChannel), inbound: total('in'), outbound: total('out') };
}

function byCount(a: VolumeRow, b: VolumeRow): number {
  if (a.count !== b.count) return b.count - a.count;
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
