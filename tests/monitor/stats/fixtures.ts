import type { Kysely } from 'kysely';
import type { Database, NewMessage } from '../../../store/schema.js';

/** The period the hand-counted fixture is built around: 20 November 2026, UTC. */
export const PERIOD = { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z', bucket: 'hour' } as const;

let next = 0;
function message(conversationId: string, at: string, fields: Partial<NewMessage> & Pick<NewMessage, 'direction' | 'text'>): NewMessage {
  next += 1;
  return {
    activity_id: `act-${conversationId}-${next}`, conversation_id: conversationId, channel: 'webchat', user_id: 'customer:1',
    role: fields.direction === 'in' ? 'customer' : 'bot', intent: null, entities: null, confidence: null, sentiment: null,
    client_message_id: null, reply_to_id: null, payload: null, created_at: `2026-11-${at}Z`, ...fields,
  };
}

const inbound = (conversationId: string, at: string, text: string, fields: Partial<NewMessage> = {}) =>
  message(conversationId, at, { direction: 'in', text, ...fields });

/**
 * Rows whose statistics are counted by hand in the tests:
 * - A (web chat): order question +0.5 and thanks +0.8 at 10:xx; a hand-off only after the period.
 * - B (web chat): out-of-scope gift-card question 0.0, then a complaint −0.6 at 11:10; handed off 11:11.
 * - C (REST): the same gift-card question in lower case at confidence 0.3 (unscored), and an
 *   out-of-scope message with an e-mail address.
 * - D (Teams, staff): a report request, unscored.
 * - E (web chat): only the bot's welcome: not engaged.
 * - F (web chat): Klarna question before the period (−0.8, out) and again at 13:00 without an intent
 *   (−0.4); handed off before the period started.
 * - G: a message at exactly the period's end (excluded) and an alert before it.
 */
export async function insertFixture(db: Kysely<Database>): Promise<void> {
  const conversations = [['A', 'webchat'], ['B', 'webchat'], ['C', 'rest'], ['D', 'teams'], ['E', 'webchat'], ['F', 'webchat'], ['G', 'webchat']];
  await db.insertInto('conversations').values(conversations.map(([id, channel]) => ({
    id: id!, channel: channel!, customer_id: null, staff_user_id: null, state: '{}', version: 0,
    created_at: '2026-11-19T00:00:00.000Z', updated_at: '2026-11-20T00:00:00.000Z',
  }))).execute();
  await db.insertInto('messages').values([
    inbound('A', '20T10:05:00.000', 'Where is my order?', { intent: 'order_status', confidence: 0.9, sentiment: 0.5 }),
    message('A', '20T10:06:00.000', { direction: 'out', text: 'It is on its way.' }),
    inbound('A', '20T10:20:00.000', 'thanks', { intent: 'thanks', confidence: 0.95, sentiment: 0.8 }),
    inbound('B', '20T10:40:00.000', 'Do you sell gift cards?', { intent: 'out_of_scope', confidence: 0.7, sentiment: 0 }),
    inbound('B', '20T11:10:00.000', 'This is useless!', { intent: 'complaint', confidence: 0.8, sentiment: -0.6 }),
    inbound('C', '20T11:30:00.000', 'do you sell gift cards', { channel: 'rest', intent: 'knowledge_question', confidence: 0.3 }),
    inbound('C', '20T11:35:00.000', 'Mail me at jo@example.com', { channel: 'rest', intent: 'out_of_scope', confidence: 0.6 }),
    inbound('D', '20T12:00:00.000', 'sales last week', { channel: 'teams', role: 'staff', intent: 'sales_summary', confidence: 0.9 }),
    message('E', '20T09:00:00.000', { direction: 'out', text: 'Hello! How can I help?' }),
    inbound('F', '19T23:59:00.000', 'Can I pay with Klarna?', { intent: 'out_of_scope', confidence: 0.8, sentiment: -0.8 }),
    inbound('F', '20T13:00:00.000', 'Can I pay with Klarna?', { sentiment: -0.4 }),
    inbound('G', '21T00:00:00.000', 'Terrible!', { intent: 'out_of_scope', confidence: 0.9, sentiment: -1 }),
  ]).execute();
  const handoff = (conversationId: string, at: string) => ({
    conversation_id: conversationId, reason: 'customer_asked', status: 'closed' as const, agent_staff_id: null,
    requested_at: at, accepted_at: null, closed_at: null, outcome: null, summary: null,
  });
  await db.insertInto('handoffs').values([
    handoff('A', '2026-11-21T05:00:00.000Z'), handoff('B', '2026-11-20T11:11:00.000Z'), handoff('F', '2026-11-19T23:59:30.000Z'),
  ]).execute();
  const alert = (title: string, detail: string, at: string) => ({
    rule: 'negative_sentiment', key: 'negative_sentiment', severity: 'warning' as const, title, detail, data: '{}', raised_at: at, delivered_to: null,
  });
  await db.insertInto('alerts').values([
    alert('Sentiment dropped', 'Customer jo@example.com is upset', '2026-11-20T12:00:00.000Z'),
    alert('Old alert', 'before the period', '2026-11-19T12:00:00.000Z'),
    alert('Later alert', 'in the period too', '2026-11-20T15:00:00.000Z'),
  ]).execute();
}
