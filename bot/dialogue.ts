import type { Kysely } from 'kysely';
import type { ParseResult } from '../core/nlu.js';
import type { Caller, KnowledgeBase } from '../core/tools.js';
import type { Database } from '../store/index.js';
import { identify, type IdentityLimits } from './identify.js';
import { mainMenu, yesNo, type Reply } from './reply.js';
import type { DialogueState, PendingCall } from './state.js';
import { TASKS, taskForTool, type SlotContext } from './tasks.js';
import type { ToolRegistry } from './tools/registry.js';

/** Below this confidence the bot does not act on an intent; it asks instead. */
export const MIN_INTENT_CONFIDENCE = 0.45;
/** A new request interrupts a question the bot asked only when it is this clear. */
const SWITCH_CONFIDENCE = 0.6;
/** Questions repeated this many times without an answer are dropped. */
const MAX_RETRIES = 2;

/** Everything one turn of dialogue needs. `state` is updated in place. */
export interface TurnContext {
  db: Kysely<Database>;
  tools: ToolRegistry;
  knowledge?: KnowledgeBase;
  caller: Caller;
  customerName?: string;
  state: DialogueState;
  parse: ParseResult;
  limits: IdentityLimits;
  now: Date;
  signal?: AbortSignal;
}

export interface TurnOutcome {
  replies: Reply[];
  /** Set when this turn identified the customer. */
  identifiedCustomerId?: number;
}

const SMALL_TALK: Readonly<Record<string, Reply>> = {
  greet: { text: 'Hello! I can check an order, cancel it, change its delivery address or start a return. What can I do for you?', quickReplies: mainMenu },
  help: { text: 'I can tell you where an order is, list your recent orders, cancel an order before it ships, change a delivery address, start a return, and answer questions about our policies.', quickReplies: mainMenu },
  thanks: { text: "You're welcome! Anything else I can help with?" },
  goodbye: { text: 'Thanks for chatting. Have a good day!' },
  affirm: { text: 'Great. What would you like to do next?', quickReplies: mainMenu },
  deny: { text: 'No problem. Is there anything else I can help with?', quickReplies: mainMenu },
  complaint: { text: "I'm sorry about that. Tell me the order number and I'll look at what went wrong, or write to help@northwind-outfitters.example and a colleague will pick it up.", quickReplies: mainMenu },
  human_handoff: { text: "I can't bring a colleague into this chat yet. You can reach our team at help@northwind-outfitters.example, Monday to Friday 9:00–17:30; please include your order number." },
};

/** Questions answered from the knowledge base (policies, products, catalogue). */
const KNOWLEDGE_INTENTS = new Set(['knowledge_question', 'recommend_product', 'product_availability']);
/** Staff questions; customers asking them get pointed back to what they can do here. */
const STAFF_INTENTS = new Set([
  'stock_level', 'low_stock', 'demand_forecast', 'reorder_suggestion', 'stock_allocation', 'route_plan', 'delayed_orders',
  'sentiment_summary', 'sales_summary', 'top_products', 'supplier_lead_time', 'customer_lookup', 'returns_summary',
]);

const FALLBACK: Reply = { text: "Sorry, I didn't quite get that. Here's what I can help with:", quickReplies: mainMenu };

function top(parse: ParseResult): { name: string; confidence: number } {
  return parse.intents[0] ?? { name: 'out_of_scope', confidence: 0 };
}

/**
 * Decides and performs the bot's side of one turn.
 *
 * @remarks The order of precedence: an identity check in progress, then a question the bot
 * asked (a slot or a confirmation), then the customer's new request. A clear new request
 * interrupts an unanswered question, so the customer is never stuck in a form.
 */
export async function respond(ctx: TurnContext): Promise<TurnOutcome> {
  if (ctx.state.identify) return continueIdentify(ctx);
  if (ctx.state.pending) return continuePending(ctx, ctx.state.pending);
  return handleIntent(ctx);
}

async function handleIntent(ctx: TurnContext): Promise<TurnOutcome> {
  const intent = top(ctx.parse);
  // An order number together with an e-mail from someone not yet identified can only be an
  // identification, however the classifier ranked the words around them.
  const types = new Set(ctx.parse.entities.map((e) => e.type));
  if (ctx.caller.customerId === undefined && types.has('order_id') && types.has('email')) return startIdentify(ctx, undefined);
  if (intent.confidence < MIN_INTENT_CONFIDENCE || intent.name === 'out_of_scope') {
    // Not one of our tasks; the knowledge base may still know (it says null when it does not).
    const answer = await knowledgeReply(ctx);
    return { replies: [answer ?? FALLBACK] };
  }
  const task = TASKS[intent.name];
  if (task) return advance(ctx, { tool: task.tool, args: {}, awaiting: 'slot', retries: 0 }, { fresh: true });
  if (intent.name === 'identify') return startIdentify(ctx, undefined);
  if (KNOWLEDGE_INTENTS.has(intent.name)) return answerFromKnowledge(ctx);
  if (STAFF_INTENTS.has(intent.name)) {
    return { replies: [{ text: 'That is something our staff tools answer. Here I can help with your orders, returns and questions about our shop.', quickReplies: mainMenu }] };
  }
  return { replies: [SMALL_TALK[intent.name] ?? FALLBACK] };
}

async function answerFromKnowledge(ctx: TurnContext): Promise<TurnOutcome> {
  const answer = await knowledgeReply(ctx);
  return { replies: [answer ?? { text: "I'm sorry, I don't know the answer to that. A colleague can help: write to help@northwind-outfitters.example and include your order number if it's about an order.", quickReplies: mainMenu }] };
}

/** The knowledge base's cited answer as a reply, or null when it does not know. */
async function knowledgeReply(ctx: TurnContext): Promise<Reply | null> {
  const answer = await ctx.knowledge?.answer(ctx.parse.text, { language: ctx.parse.language, signal: ctx.signal });
  if (!answer) return null;
  const related = answer.related.slice(0, 2).map((r) => ({ title: r.title, value: r.title }));
  return { text: answer.text, sources: answer.sources, chunkIds: answer.chunkIds, ...(related.length ? { quickReplies: related } : {}) };
}

function startIdentify(ctx: TurnContext, resume: PendingCall | undefined): Promise<TurnOutcome> {
  if (ctx.caller.customerId !== undefined) {
    return Promise.resolve({ replies: [{ text: "You're already identified. What can I do for you?", quickReplies: mainMenu }] });
  }
  ctx.state.identify = {};
  ctx.state.afterIdentify = resume;
  ctx.state.pending = undefined;
  return continueIdentify(ctx);
}

async function continueIdentify(ctx: TurnContext): Promise<TurnOutcome> {
  const known = ctx.state.identify ?? {};
  const intent = top(ctx.parse);
  const mentions = ctx.parse.entities.some((e) => e.type === 'order_id' || e.type === 'email');
  if (!mentions && intent.name === 'deny' && intent.confidence >= MIN_INTENT_CONFIDENCE) {
    ctx.state.identify = undefined;
    ctx.state.afterIdentify = undefined;
    return { replies: [{ text: "OK. I can still answer general questions about shipping, returns and our products." }] };
  }
  const outcome = await identify({
    db: ctx.db, parse: ctx.parse, known, conversationId: ctx.caller.conversationId ?? '', limits: ctx.limits, now: ctx.now,
  });
  if (outcome.kind === 'need') {
    ctx.state.identify = { orderId: outcome.orderId, email: outcome.email };
    return { replies: [outcome.reply] };
  }
  if (outcome.kind === 'failed') {
    ctx.state.identify = {}; // keep asking, but forget the pair that did not match
    return { replies: [outcome.reply] };
  }
  ctx.state.identify = undefined;
  ctx.state.focusOrderId = outcome.orderId;
  ctx.caller = { ...ctx.caller, customerId: outcome.customerId };
  const resume = ctx.state.afterIdentify;
  ctx.state.afterIdentify = undefined;
  const thanks: Reply = { text: `Thanks, you're verified. I'll use order #${outcome.orderId} unless you tell me another.` };
  if (!resume) {
    return { replies: [{ ...thanks, text: `${thanks.text} What would you like to do?`, quickReplies: mainMenu }], identifiedCustomerId: outcome.customerId };
  }
  const next = await advance(ctx, resume, { fresh: false });
  return { replies: [thanks, ...next.replies], identifiedCustomerId: outcome.customerId };
}

async function continuePending(ctx: TurnContext, pending: PendingCall): Promise<TurnOutcome> {
  const intent = top(ctx.parse);
  const clear = intent.confidence >= MIN_INTENT_CONFIDENCE;
  if (pending.awaiting === 'confirmation') {
    if (clear && intent.name === 'affirm') return execute(ctx, pending);
    if (clear && intent.name === 'deny') return dropPending(ctx, "OK, I haven't changed anything.");
    return interruptOrRepeat(ctx, pending, async () => ({ text: 'Please answer yes or no.', quickReplies: yesNo }));
  }
  const entityGiven = ctx.parse.entities.length > 0;
  if (!entityGiven && clear && intent.name === 'deny') return dropPending(ctx, 'OK, never mind. Anything else?');
  const switching = !entityGiven && intent.confidence >= SWITCH_CONFIDENCE && intent.name !== pending.tool && TASKS[intent.name] !== undefined;
  if (switching) {
    ctx.state.pending = undefined;
    return handleIntent(ctx);
  }
  return advance(ctx, pending, { fresh: false });
}

async function interruptOrRepeat(ctx: TurnContext, pending: PendingCall, question: () => Promise<{ text: string; quickReplies?: Reply['quickReplies'] }>): Promise<TurnOutcome> {
  const intent = top(ctx.parse);
  if (intent.confidence >= SWITCH_CONFIDENCE && intent.name !== 'affirm' && intent.name !== 'deny' && intent.name !== 'out_of_scope') {
    ctx.state.pending = undefined;
    return handleIntent(ctx);
  }
  if (pending.retries >= MAX_RETRIES) return dropPending(ctx, "Let's start again. What would you like to do?");
  ctx.state.pending = { ...pending, retries: pending.retries + 1 };
  return { replies: [await question()] };
}

function dropPending(ctx: TurnContext, text: string): TurnOutcome {
  ctx.state.pending = undefined;
  return { replies: [{ text, quickReplies: mainMenu }] };
}

/** Fills what it can, then asks for the next missing slot, asks for confirmation, or runs the tool. */
async function advance(ctx: TurnContext, pending: PendingCall, options: { fresh: boolean }): Promise<TurnOutcome> {
  const task = taskForTool(pending.tool);
  if (!task) return dropPending(ctx, FALLBACK.text);
  if (task.needsCustomer && ctx.caller.customerId === undefined) {
    return startIdentify(ctx, { ...pending, awaiting: 'slot', slot: undefined });
  }
  const args = { ...pending.args };
  for (const slot of task.slots) {
    if (args[slot.name] !== undefined) continue;
    const slotCtx = slotContext(ctx, args, !options.fresh && pending.awaiting === 'slot' && pending.slot === slot.name);
    const filled = await slot.fill(slotCtx);
    if (filled && 'value' in filled) {
      args[slot.name] = filled.value;
      continue;
    }
    const sameQuestion = pending.slot === slot.name;
    const retries = sameQuestion ? pending.retries + 1 : 0;
    if (sameQuestion && retries > MAX_RETRIES) return dropPending(ctx, "Let's start again. What would you like to do?");
    ctx.state.pending = { tool: task.tool, args, awaiting: 'slot', slot: slot.name, retries };
    const question = await slot.ask({ ...slotCtx, args });
    const problem = filled && 'problem' in filled ? `${filled.problem} ` : '';
    return { replies: [{ ...question, text: `${problem}${question.text}` }] };
  }
  if (typeof args.orderId === 'number') ctx.state.focusOrderId = args.orderId;
  const tool = ctx.tools.get(task.tool);
  if (!tool.changesState) return execute(ctx, { ...pending, args });
  return confirm(ctx, { tool: task.tool, args, awaiting: 'confirmation', retries: 0 });
}

function slotContext(ctx: TurnContext, args: Record<string, unknown>, asked: boolean): SlotContext {
  return {
    db: ctx.db, parse: ctx.parse, customerId: ctx.caller.customerId, customerName: ctx.customerName,
    args, focusOrderId: ctx.state.focusOrderId, asked, now: ctx.now,
  };
}

async function confirm(ctx: TurnContext, pending: PendingCall): Promise<TurnOutcome> {
  const preview = await ctx.tools.preview({ db: ctx.db, caller: ctx.caller, tool: pending.tool, args: pending.args, now: ctx.now, signal: ctx.signal });
  if (!preview.ok) {
    ctx.state.pending = undefined;
    return { replies: [refusal(preview.error, pending)] };
  }
  ctx.state.pending = pending;
  return { replies: [{ text: preview.result.text, quickReplies: [{ title: 'Yes', value: 'yes' }, { title: 'No', value: 'no' }] }] };
}

async function execute(ctx: TurnContext, pending: PendingCall): Promise<TurnOutcome> {
  ctx.state.pending = undefined;
  const outcome = await ctx.tools.call({ db: ctx.db, caller: ctx.caller, tool: pending.tool, args: pending.args, now: ctx.now, signal: ctx.signal });
  if (!outcome.ok) return { replies: [refusal(outcome.error, pending)] };
  return { replies: [{ text: outcome.result.text }] };
}

function refusal(error: { code: string; userMessage: string; suggestion?: string }, pending: PendingCall): Reply {
  const orderId = typeof pending.args.orderId === 'number' ? pending.args.orderId : undefined;
  if (error.code === 'not_found') {
    return { text: orderId ? `I couldn't find order #${orderId} on your account. Please check the number.` : "I couldn't find that." };
  }
  const suggestion = error.suggestion && orderId
    ? [{ title: error.suggestion === 'start_return' ? 'Start a return' : 'Cancel instead', value: `${error.suggestion === 'start_return' ? 'I want to return' : 'Cancel'} order #${orderId}` }]
    : undefined;
  return { text: error.userMessage, quickReplies: suggestion };
}
