import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { StatsPeriod } from './period.js';

/** Inbound messages below this intent confidence count as unanswered (the bot's own threshold). */
export const UNANSWERED_BELOW_CONFIDENCE = 0.45;
/** Distinct lower-cased texts read before merging; the long tail beyond it is dropped. */
const MAX_GROUPS_READ = 2000;

/** A question customers asked that the bot could not place, with how often it came. */
export interface UnansweredQuestion {
  /** The most frequent wording. */
  text: string;
  count: number;
  /** When it was last asked, ISO-8601 UTC. */
  lastAskedAt: string;
  /** The conversation where it was last asked, for the conversation viewer. */
  conversationId: string;
}

/**
 * Folds letter case, width and punctuation, so `Do you sell gift cards??` and
 * `do you sell gift cards` count as one question.
 */
export function normaliseQuestion(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The most frequent inbound messages the NLU placed out of scope, gave no intent, or gave an
 * intent with confidence below {@link UNANSWERED_BELOW_CONFIDENCE}.
 *
 * @remarks The database groups by `lower(text)` (portable; ASCII letters); punctuation and
 * width are folded here, where Unicode classes are available in both engines' place.
 * @defaultValue limit 10
 */
export async function topUnanswered(db: Kysely<Database>, options: { period: StatsPeriod; limit?: number }): Promise<UnansweredQuestion[]> {
  const { period } = options;
  const rows = await unansweredMessages(db, period)
    .select((eb) => [
      eb.fn.min<string>('messages.text').as('text'),
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.max<string>('messages.created_at').as('last'),
    ])
    .groupBy((eb) => eb.fn('lower', [eb.ref('messages.text')]))
    .orderBy('count', 'desc')
    .limit(MAX_GROUPS_READ)
    .execute();
  const top = mergeQuestions(rows.map((row) => ({ text: row.text, count: Number(row.count), last: row.last })))
    .slice(0, options.limit ?? 10);
  // The conversation of the latest ask, so the viewer opens what the list's time refers to.
  return Promise.all(top.map(async (q) => {
    const latest = await unansweredMessages(db, period).select('messages.conversation_id')
      .where('messages.created_at', '=', q.lastAskedAt)
      .where((eb) => eb(eb.fn('lower', [eb.ref('messages.text')]), 'in', q.wordings.map((w) => w.toLowerCase())))
      .orderBy('messages.id', 'desc').limit(1).executeTakeFirstOrThrow();
    return { text: q.text, count: q.count, lastAskedAt: q.lastAskedAt, conversationId: latest.conversation_id };
  }));
}

function unansweredMessages(db: Kysely<Database>, period: StatsPeriod) {
  return db.selectFrom('messages')
    .where('messages.direction', '=', 'in')
    .where('messages.created_at', '>=', period.from)
    .where('messages.created_at', '<', period.to)
    .where((eb) => eb.or([
      eb('messages.intent', '=', 'out_of_scope'),
      eb('messages.intent', 'is', null),
      eb('messages.confidence', '<', UNANSWERED_BELOW_CONFIDENCE),
    ]));
}

interface Group { text: string; count: number; last: string }
interface Merged { text: string; count: number; lastAskedAt: string; wordings: string[] }

function mergeQuestions(groups: Group[]): Merged[] {
  const merged = new Map<string, { best: Group; count: number; last: string; wordings: string[] }>();
  for (const group of groups) {
    const key = normaliseQuestion(group.text);
    if (!key) continue;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { best: group, count: group.count, last: group.last, wordings: [group.text] });
      continue;
    }
    seen.count += group.count;
    seen.wordings.push(group.text);
    if (group.count > seen.best.count || (group.count === seen.best.count && group.text < seen.best.text)) seen.best = group;
    if (group.last > seen.last) seen.last = group.last;
  }
  return [...merged.values()]
    .map((m) => ({ text: m.best.text.trim(), count: m.count, lastAskedAt: m.last, wordings: m.wordings }))
    .sort((a, b) => b.count - a.count || (a.lastAskedAt < b.lastAskedAt ? 1 : a.lastAskedAt > b.lastAskedAt ? -1 : 0));
}
