import type { Insertable } from 'kysely';
import type { AlertsTable, ConversationsTable, HandoffsTable, NewMessage } from '../../store/schema.js';
import {
  AGENT_REPLIES, BOT_REPLIES, CUSTOMER_TEXTS, OUT_OF_SCOPE, SPIKE_TEXTS, STAFF_TEXTS, type DemoLanguage,
} from './demo-history-texts.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Traffic by UTC hour: quiet nights, a lunchtime and an evening peak. */
const HOUR_WEIGHT = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.4, 0.7, 0.9, 1, 1, 1, 0.9, 0.8, 0.8, 0.8, 0.9, 1, 1, 0.9, 0.7, 0.4, 0.2];
/** Mean sentiment of customers' messages per intent. */
const MOOD: Record<string, number> = {
  greet: 0.3, thanks: 0.75, order_status: 0.05, list_orders: 0.1, cancel_order: -0.1, change_address: 0.05, start_return: -0.15,
  refund_status: -0.25, knowledge_question: 0.15, recommend_product: 0.4, product_availability: 0.15, human_handoff: -0.3,
  complaint: -0.65, out_of_scope: 0, spike: -0.7,
};
/** How often each kind of conversation starts. */
const SCENARIOS: readonly [string, number][] = [
  ['order_status', 22], ['knowledge_question', 16], ['start_return', 10], ['out_of_scope', 10], ['recommend_product', 8],
  ['staff', 8], ['product_availability', 7], ['refund_status', 6], ['human_handoff', 5], ['complaint', 5], ['list_orders', 4],
  ['cancel_order', 4], ['change_address', 3],
];

/** Rows the demo history adds. */
export interface DemoHistoryRows {
  conversations: Insertable<ConversationsTable>[];
  messages: NewMessage[];
  handoffs: Insertable<HandoffsTable>[];
  alerts: Insertable<AlertsTable>[];
}

/** Who the history's conversations may name: ids that exist in the store. */
export interface DemoCast {
  customerIds: readonly number[];
  staffIds: readonly number[];
  agentId: number | null;
}

type Turn = { intent: string; text: string; confidence: number; mood: number; reply: string };

class Plan {
  readonly rows: DemoHistoryRows = { conversations: [], messages: [], handoffs: [], alerts: [] };

  constructor(readonly random: () => number, readonly options: { now: Date; cast: DemoCast }) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  between(low: number, high: number): number {
    return low + this.random() * (high - low);
  }

  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    return `${hex.slice(0, 8).join('')}-${hex.slice(8, 12).join('')}-${hex.slice(12, 16).join('')}-${hex.slice(16, 20).join('')}-${hex.slice(20).join('')}`;
  }

  /** A start time in the last 14 days, following the hourly traffic profile. */
  pastTime(): number {
    const now = this.options.now.getTime();
    for (;;) {
      const at = now - this.between(40 * MINUTE, 14 * DAY - HOUR);
      if (this.random() < (HOUR_WEIGHT[new Date(at).getUTCHours()] ?? 0)) return at;
    }
  }

  /** A score around the intent's mood, with a weekly swing, in [-1, 1]. */
  score(mood: number, at: number): number {
    const daysAgo = (this.options.now.getTime() - at) / DAY;
    const noise = (this.random() + this.random() - 1) * 0.45;
    return Math.round(Math.max(-1, Math.min(1, mood + 0.12 * Math.sin((2 * Math.PI * daysAgo) / 7) + noise)) * 1000) / 1000;
  }

  turn(intent: string, lang: DemoLanguage): Turn {
    const texts = CUSTOMER_TEXTS[intent] ?? CUSTOMER_TEXTS.greet!;
    const replies = BOT_REPLIES[intent] ?? BOT_REPLIES.out_of_scope!;
    return {
      intent, text: this.pick(texts[lang].length > 0 ? texts[lang] : texts.en), confidence: this.between(0.62, 0.98),
      mood: MOOD[intent] ?? 0, reply: this.pick(replies[lang]),
    };
  }

  outOfScope(lang: DemoLanguage): Turn {
    let roll = this.random() * OUT_OF_SCOPE.reduce((sum, q) => sum + q.weight, 0);
    const question = OUT_OF_SCOPE.find((q) => (roll -= q.weight) < 0) ?? OUT_OF_SCOPE[0]!;
    // The first wording is the usual one; the others are the same question typed carelessly.
    const wordings = lang === 'zh' && question.zh ? question.zh : question.en;
    const text = this.random() < 0.7 ? wordings[0]! : this.pick(wordings);
    // The classifier either says out of scope or guesses an intent with low confidence.
    const guessed = this.random() < 0.4;
    return {
      intent: guessed ? this.pick(['knowledge_question', 'product_availability', 'order_status']) : 'out_of_scope',
      text, confidence: guessed ? this.between(0.15, 0.44) : this.between(0.5, 0.9), mood: MOOD.out_of_scope!, reply: this.pick(BOT_REPLIES.out_of_scope![lang]),
    };
  }
}

/** The turns of one customer conversation and why it was handed off, if it was. */
function customerScript(plan: Plan, kind: string, lang: DemoLanguage): { turns: Turn[]; handoff?: string } {
  if (kind === 'spike') {
    // Angry customers skip the greeting, and the tracking answer does not cheer them up much.
    const turns = [{ ...plan.turn('complaint', lang), text: plan.pick(SPIKE_TEXTS[lang]), mood: MOOD.spike! }];
    if (plan.random() < 0.45) return { turns, handoff: 'negative_sentiment' };
    return { turns: [...turns, { ...plan.turn('order_status', lang), mood: -0.35 }] };
  }
  const turns: Turn[] = plan.random() < 0.3 ? [plan.turn('greet', lang)] : [];
  if (kind === 'out_of_scope') {
    turns.push(plan.outOfScope(lang));
    if (plan.random() < 0.25) return { turns: [...turns, plan.outOfScope(lang)], handoff: 'low_confidence' };
  } else {
    turns.push(plan.turn(kind, lang));
  }
  if (kind === 'human_handoff') return { turns, handoff: 'customer_asked' };
  if (kind === 'complaint' && plan.random() < 0.7) return { turns, handoff: 'negative_sentiment' };
  if (plan.random() < 0.4) turns.push(plan.turn('thanks', lang));
  return { turns };
}

function addCustomerConversation(plan: Plan, options: { kind: string; start: number }): void {
  const { cast } = plan.options;
  const lang: DemoLanguage = plan.random() < 0.15 ? 'zh' : 'en';
  const id = plan.uuid();
  const channel = plan.random() < 0.82 ? 'webchat' : 'rest';
  const customerId = cast.customerIds.length > 0 && plan.random() < 0.6 ? plan.pick(cast.customerIds) : null;
  const userId = customerId === null ? `anonymous:${id}` : `customer:${customerId}`;
  const script = customerScript(plan, options.kind, lang);
  let at = options.start;
  const message = (row: Partial<NewMessage> & Pick<NewMessage, 'direction' | 'role' | 'text' | 'user_id'>): NewMessage => ({
    activity_id: plan.uuid(), conversation_id: id, channel, intent: null, entities: null, confidence: null, sentiment: null,
    client_message_id: null, reply_to_id: null, payload: null, created_at: new Date(at).toISOString(), ...row,
  });
  for (const turn of script.turns) {
    const inbound = message({
      direction: 'in', role: 'customer', user_id: userId, text: turn.text, intent: turn.intent, entities: '[]',
      confidence: Math.round(turn.confidence * 1000) / 1000, sentiment: plan.score(turn.mood, at),
    });
    plan.rows.messages.push(inbound);
    at += plan.between(1_000, 3_000);
    plan.rows.messages.push(message({ direction: 'out', role: 'bot', user_id: 'bot', text: turn.reply, reply_to_id: inbound.activity_id }));
    at += plan.between(20_000, 90_000);
  }
  if (script.handoff) at = addHandoff(plan, { conversationId: id, reason: script.handoff, at, lang, message });
  plan.rows.conversations.push({
    id, channel, customer_id: customerId, staff_user_id: null, state: '{}', version: 0,
    created_at: new Date(options.start - 5_000).toISOString(), updated_at: new Date(at).toISOString(),
  });
}

function addHandoff(plan: Plan, options: {
  conversationId: string; reason: string; at: number; lang: DemoLanguage;
  message: (row: Pick<NewMessage, 'direction' | 'role' | 'text' | 'user_id'>) => NewMessage;
}): number {
  const agentId = plan.options.cast.agentId;
  const requested = options.at;
  const accepted = requested + plan.between(MINUTE, 6 * MINUTE);
  const closed = accepted + plan.between(5 * MINUTE, 20 * MINUTE);
  plan.rows.handoffs.push({
    conversation_id: options.conversationId, reason: options.reason, status: 'closed', agent_staff_id: agentId,
    requested_at: new Date(requested).toISOString(), accepted_at: new Date(accepted).toISOString(), closed_at: new Date(closed).toISOString(),
    outcome: plan.random() < 0.85 ? 'resolved' : 'returned_to_bot', summary: null,
  });
  const row = options.message({ direction: 'out', role: 'agent', user_id: `staff:${agentId ?? 0}`, text: plan.pick(AGENT_REPLIES[options.lang]) });
  plan.rows.messages.push({ ...row, created_at: new Date(accepted).toISOString() });
  return closed;
}

function addStaffConversation(plan: Plan, start: number): void {
  const { cast } = plan.options;
  const staffId = plan.pick(cast.staffIds);
  const id = plan.uuid();
  const channel = plan.random() < 0.6 ? 'teams' : 'slack';
  const intent = plan.pick(Object.keys(STAFF_TEXTS));
  const at = new Date(start).toISOString();
  const inbound: NewMessage = {
    activity_id: plan.uuid(), conversation_id: id, direction: 'in', channel, user_id: `staff:${staffId}`, role: 'staff',
    text: plan.pick(STAFF_TEXTS[intent]!), intent, entities: '[]', confidence: Math.round(plan.between(0.7, 0.97) * 1000) / 1000,
    sentiment: null, client_message_id: null, reply_to_id: null, payload: null, created_at: at,
  };
  const reply: NewMessage = {
    ...inbound, activity_id: plan.uuid(), direction: 'out', user_id: 'bot', role: 'bot', text: BOT_REPLIES.staff!.en[0]!,
    intent: null, entities: null, confidence: null, reply_to_id: inbound.activity_id, created_at: new Date(start + 2_000).toISOString(),
  };
  plan.rows.messages.push(inbound, reply);
  plan.rows.conversations.push({
    id, channel, customer_id: null, staff_user_id: staffId, state: '{}', version: 0, created_at: at, updated_at: reply.created_at,
  });
}

/**
 * Plans the demo history: `conversations` over the last 14 days plus a burst of complaints
 * about late deliveries in the last nine hours, and the alerts those would have raised.
 */
export function planDemoHistory(random: () => number, options: { now: Date; cast: DemoCast; conversations: number }): DemoHistoryRows {
  const plan = new Plan(random, options);
  const total = SCENARIOS.reduce((sum, [, weight]) => sum + weight, 0);
  for (let i = 0; i < options.conversations; i++) {
    let roll = plan.random() * total;
    const kind = SCENARIOS.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? 'order_status';
    const start = plan.pastTime();
    if (kind === 'staff' && options.cast.staffIds.length > 0) addStaffConversation(plan, start);
    else addCustomerConversation(plan, { kind: kind === 'staff' ? 'knowledge_question' : kind, start });
  }
  const now = options.now.getTime();
  const spike = Math.round(options.conversations * 0.14);
  for (let i = 0; i < spike; i++) addCustomerConversation(plan, { kind: 'spike', start: now - plan.between(40 * MINUTE, 9 * HOUR) });
  plan.rows.alerts.push(...demoAlerts(now));
  return plan.rows;
}

function demoAlerts(now: number): Insertable<AlertsTable>[] {
  const at = (ms: number) => new Date(now - ms).toISOString();
  return [
    {
      rule: 'negative_sentiment', key: 'negative_sentiment', severity: 'critical', title: 'Customer sentiment has dropped sharply',
      detail: 'Average sentiment over the last 3 hours is −0.52 against +0.18 over 14 days; most messages mention late DPD deliveries.',
      data: JSON.stringify({ windowHours: 3, average: -0.52, baseline: 0.18 }), raised_at: at(35 * MINUTE), delivered_to: JSON.stringify(['monitor']),
    },
    {
      rule: 'handoff_rate', key: 'handoff_rate', severity: 'warning', title: 'Hand-offs to agents are rising',
      detail: '31% of conversations in the last 6 hours went to an agent (usually 12%).',
      data: JSON.stringify({ windowHours: 6, rate: 0.31, baseline: 0.12 }), raised_at: at(2 * HOUR), delivered_to: JSON.stringify(['monitor']),
    },
    {
      rule: 'unanswered_questions', key: 'gift cards', severity: 'info', title: 'Customers keep asking about gift cards',
      detail: '“Do you sell gift cards?” went unanswered 14 times this week; consider a knowledge-base article.',
      data: JSON.stringify({ question: 'do you sell gift cards', count: 14 }), raised_at: at(3 * DAY + 4 * HOUR), delivered_to: JSON.stringify(['monitor']),
    },
  ];
}
