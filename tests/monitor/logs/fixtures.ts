import type { Kysely } from 'kysely';
import type { Database, NewMessage } from '../../../store/schema.js';

/** Four conversations: c1 had a closed hand-off, c2 an active one, c3 none, c4 a queued one. */
export const CONVERSATIONS = {
  c1: { id: '00000000-0000-4000-8000-000000000001', channel: 'webchat', customer: 1, created: '2026-11-01T10:00:00.000Z', handoff: 'closed' },
  c2: { id: '00000000-0000-4000-8000-000000000002', channel: 'rest', customer: 2, created: '2026-11-02T10:00:00.000Z', handoff: 'active' },
  c3: { id: '00000000-0000-4000-8000-000000000003', channel: 'slack', customer: null, created: '2026-11-03T10:00:00.000Z', handoff: null },
  c4: { id: '00000000-0000-4000-8000-000000000004', channel: 'teams', customer: 1, created: '2026-11-04T10:00:00.000Z', handoff: 'queued' },
} as const;
type Key = keyof typeof CONVERSATIONS;

export interface FixtureMessage {
  key: string;
  conv: Key;
  direction: 'in' | 'out';
  role: string;
  text: string;
  intent: string | null;
  confidence: number | null;
  sentiment: number | null;
  at: string;
  entities?: Array<{ type: string; value: string; text: string; start: number; end: number; extractor: string }>;
}

const ent = (text: string, type: string, value: string) => ({ type, value, text: value, start: text.indexOf(value), end: text.indexOf(value) + value.length, extractor: 'rules' });
const M1 = 'Where is my order 100234? Email me at jo.bloggs@example.com';

/** Inserted in this order, so ids follow `key` numbering; m10 and m11 share a timestamp. */
export const MESSAGES: FixtureMessage[] = [
  { key: 'm1', conv: 'c1', direction: 'in', role: 'customer', text: M1, intent: 'order_status', confidence: 0.875, sentiment: -0.625, at: '2026-11-01T10:00:01.000Z',
    entities: [ent(M1, 'order_id', '100234'), ent(M1, 'email', 'jo.bloggs@example.com')] },
  { key: 'm2', conv: 'c1', direction: 'out', role: 'bot', text: 'Order 100234 is on its way.', intent: null, confidence: null, sentiment: null, at: '2026-11-01T10:00:02.000Z' },
  { key: 'm3', conv: 'c1', direction: 'in', role: 'customer', text: 'Call me on 07700 900123 please', intent: 'contact', confidence: 0.75, sentiment: 0.125, at: '2026-11-01T10:05:00.000Z' },
  { key: 'm4', conv: 'c2', direction: 'in', role: 'customer', text: 'I live at 221B Baker Street, London NW1 6XE', intent: 'change_address', confidence: 0.5, sentiment: 0, at: '2026-11-02T10:00:01.000Z' },
  { key: 'm5', conv: 'c2', direction: 'out', role: 'bot', text: '100% sure: use code SAVE_10', intent: null, confidence: null, sentiment: null, at: '2026-11-02T10:00:02.000Z' },
  { key: 'm6', conv: 'c2', direction: 'in', role: 'customer', text: 'Thanks,\n"great" service!', intent: 'thanks', confidence: 0.9375, sentiment: 0.8125, at: '2026-11-02T10:01:00.000Z' },
  { key: 'm7', conv: 'c3', direction: 'in', role: 'staff', text: 'stock of SKU-123 in LDN', intent: 'stock_level', confidence: 0.625, sentiment: null, at: '2026-11-03T10:00:01.000Z' },
  { key: 'm8', conv: 'c3', direction: 'out', role: 'bot', text: 'SKU-123: 40 units (SAVEX10 applies)', intent: null, confidence: null, sentiment: null, at: '2026-11-03T10:00:02.000Z' },
  { key: 'm9', conv: 'c4', direction: 'in', role: 'customer', text: 'Terrible, +44 20 7946 0958 never answers', intent: 'complaint', confidence: 0.8125, sentiment: -0.875, at: '2026-11-04T10:00:01.000Z' },
  { key: 'm10', conv: 'c4', direction: 'out', role: 'bot', text: 'Sorry! Passing you to a person.', intent: null, confidence: null, sentiment: null, at: '2026-11-04T10:00:02.000Z' },
  { key: 'm11', conv: 'c4', direction: 'in', role: 'customer', text: 'ok', intent: null, confidence: null, sentiment: 0.25, at: '2026-11-04T10:00:02.000Z' },
  { key: 'm12', conv: 'c3', direction: 'in', role: 'staff', text: '=HYPERLINK("http://x.test","meh")', intent: 'chitchat', confidence: 0.25, sentiment: -0.25, at: '2026-11-03T10:00:03.000Z' },
];

/** Messages' `activity_id` is `a-<key>`. */
export const activityId = (key: string) => `a-${key}`;

export function fixtureRow(m: FixtureMessage): NewMessage {
  const c = CONVERSATIONS[m.conv];
  return {
    activity_id: activityId(m.key), conversation_id: c.id, direction: m.direction, channel: c.channel,
    user_id: m.role === 'bot' ? 'bot' : `${m.role}:1`, role: m.role, text: m.text, intent: m.intent,
    entities: m.entities ? JSON.stringify(m.entities) : null, confidence: m.confidence, sentiment: m.sentiment, created_at: m.at,
  };
}

/** Inserts the customers, conversations, hand-offs and messages above. */
export async function seedLogs(db: Kysely<Database>): Promise<void> {
  await db.insertInto('customers').values([1, 2].map((id) => ({
    id, email: `c${id}@example.com`, name: `Customer ${id}`, phone: null, default_address: '{}', locale: 'en', created_at: '2026-01-01T00:00:00.000Z',
  }))).execute();
  for (const c of Object.values(CONVERSATIONS)) {
    await db.insertInto('conversations').values({
      id: c.id, channel: c.channel, customer_id: c.customer, staff_user_id: null, state: '{}', version: 0, created_at: c.created, updated_at: c.created,
    }).execute();
    if (c.handoff) {
      await db.insertInto('handoffs').values({
        conversation_id: c.id, reason: 'customer_asked', status: c.handoff, agent_staff_id: null, requested_at: c.created,
        accepted_at: null, closed_at: null, outcome: null, summary: null,
      }).execute();
    }
  }
  for (const m of MESSAGES) await db.insertInto('messages').values(fixtureRow(m)).execute();
}

/** The keys of `MESSAGES` matching `predicate`, in insertion (id) order. */
export function keysWhere(predicate: (m: FixtureMessage) => boolean): string[] {
  return MESSAGES.filter(predicate).map((m) => m.key);
}
