import type { Kysely } from 'kysely';
import type { ParseResult } from '../core/nlu.js';
import type { Caller, KnowledgeBase } from '../core/tools.js';
import type { Database, HandoffReason } from '../store/index.js';
import { handOff, LOW_CONFIDENCE_TURNS_BEFORE_HANDOFF } from './handoff-dialogue.js';
import { identify, type IdentityLimits } from './identify.js';
import { chooseLanguage, messagesIn, type Catalogue } from './messages/index.js';
import { refusal } from './refusal.js';
import { extractTables } from './text-tables.js';
import { ALSO_BOUGHT, KNOWLEDGE_INTENTS, SMALL_TALK, STAFF_INTENTS } from './intent-routes.js';
import { mainMenu, yesNo, type Reply } from './reply.js';
import type { DialogueState, PendingCall } from './state.js';
import { RECOMMENDATION_TASKS } from './ops-tasks/recommendations.js';
import { STAFF_TASKS, staffTaskForTool } from './staff-tasks.js';
import { TASKS, taskForTool, type SlotContext, type Task } from './tasks.js';
import type { CallOptions, ToolRegistry } from './tools/registry.js';

/** Below this confidence the bot does not act on an intent; it asks instead. */
export const MIN_INTENT_CONFIDENCE = 0.45;
/** A new request interrupts a question the bot asked only when it is this clear. */
const SWITCH_CONFIDENCE = 0.6;
/** Questions repeated this many times without an answer are dropped. */
const MAX_RETRIES = 2;
/** Entity types identification reads; with the slots' own types, the only entities that count as answers. */
const IDENTITY_ENTITY_TYPES: ReadonlySet<string> = new Set(['order_id', 'email']);

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
  /** Set when this turn handed the conversation to a colleague; the pipeline tells the agents. */
  handoff?: { id: number; reason: HandoffReason };
  /** The bot did not understand (low confidence, nothing in the knowledge base). */
  unclear?: boolean;
}

const fallback = (m: Catalogue): Reply => ({ text: m.fallback, quickReplies: mainMenu(m) });

/** The catalogue in the conversation's current language. */
const say = (ctx: TurnContext): Catalogue => messagesIn(ctx.state.language);

function top(parse: ParseResult): { name: string; confidence: number } {
  return parse.intents[0] ?? { name: 'out_of_scope', confidence: 0 };
}

/**
 * Decides and performs the bot's side of one turn.
 *
 * @remarks The order of precedence: an identity check in progress, then a question the bot
 * asked (a slot or a confirmation), then the customer's new request. A clear new request
 * interrupts an unanswered question, so the customer is never stuck in a form. A customer who
 * asks for a person, or whom the bot fails to understand twice in a row, is handed to a colleague
 * (see {@link handOff}).
 */
export async function respond(ctx: TurnContext): Promise<TurnOutcome> {
  ctx.state.language = chooseLanguage({ parse: ctx.parse, previous: ctx.state.language, quotesNames: asksForNames(ctx.state.pending) });
  const unclearBefore = ctx.state.lowConfidenceTurns ?? 0;
  ctx.state.lowConfidenceTurns = undefined;
  const intent = top(ctx.parse);
  // A clear request for a person interrupts any question the bot is asking.
  if (intent.name === 'human_handoff' && intent.confidence >= SWITCH_CONFIDENCE) return handOff({ ...ctx, reason: 'customer_asked' });
  const outcome = ctx.state.identify ? await continueIdentify(ctx)
    : ctx.state.pending ? await continuePending(ctx, ctx.state.pending)
    : await handleIntent(ctx);
  if (!outcome.unclear) return outcome;
  // Two misunderstandings in a row: a person does better than a third menu.
  const unclear = unclearBefore + 1;
  if (unclear < LOW_CONFIDENCE_TURNS_BEFORE_HANDOFF || ctx.caller.role !== 'customer') {
    ctx.state.lowConfidenceTurns = unclear;
    return outcome;
  }
  return handOff({ ...ctx, reason: 'low_confidence' });
}

/** Whether the bot's open question asks for names or an address (see {@link chooseLanguage}). */
function asksForNames(pending: PendingCall | undefined): boolean {
  if (pending?.awaiting !== 'slot') return false;
  return taskForTool(pending.tool)?.slots.find((slot) => slot.name === pending.slot)?.quotesNames === true;
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
    if (answer) return { replies: [answer] };
    return { replies: [fallback(say(ctx))], unclear: intent.confidence < MIN_INTENT_CONFIDENCE };
  }
  // Staff get their own version of a task where one exists ("where is order X?" for any order).
  const task = (ctx.caller.role === 'staff' ? STAFF_TASKS[intent.name] : undefined) ?? TASKS[intent.name];
  if (task) return startTask(ctx, task);
  if (intent.name === 'identify') return startIdentify(ctx, undefined);
  if (intent.name === 'human_handoff') return handOff({ ...ctx, reason: 'customer_asked' });
  if (intent.name === 'recommend_product') return recommend(ctx);
  if (KNOWLEDGE_INTENTS.has(intent.name)) return answerFromKnowledge(ctx);
  if (STAFF_INTENTS.has(intent.name)) return staffIntent(ctx, intent.name);
  const m = say(ctx);
  return { replies: [(SMALL_TALK[intent.name] ?? fallback)(m)] };
}

/** Customers are pointed back to what they can do; staff get the tools that exist so far. */
function staffIntent(ctx: TurnContext, intent: string): Promise<TurnOutcome> | TurnOutcome {
  const m = say(ctx);
  if (ctx.caller.role !== 'staff') return { replies: [{ text: m.staffOnly, quickReplies: mainMenu(m) }] };
  const task = STAFF_TASKS[intent];
  if (!task) return { replies: [{ text: m.staffNotYet }] };
  return startTask(ctx, task);
}

function startTask(ctx: TurnContext, task: Task): Promise<TurnOutcome> {
  const last = ctx.state.lastCall;
  const inherited = task.followsUp !== undefined && last?.tool === task.followsUp ? last.args : {};
  const args = { ...inherited, ...task.initialArgs?.({ parse: ctx.parse, now: ctx.now }) };
  return advance(ctx, { tool: task.tool, args, awaiting: 'slot', retries: 0 }, { fresh: true });
}

/**
 * Recommendations: a SKU or a "goes with / similar to" question gets "also bought" and look-alikes; a described need
 * ("a warm jacket for hiking") is a catalogue search the knowledge base answers, and only
 * when it has nothing do personal picks or best sellers follow.
 */
async function recommend(ctx: TurnContext): Promise<TurnOutcome> {
  const task = RECOMMENDATION_TASKS.recommend_product as Task;
  const aboutProduct = ctx.parse.entities.some((e) => e.type === 'sku') || ALSO_BOUGHT.test(ctx.parse.text);
  if (!aboutProduct) {
    const answer = await knowledgeReply(ctx);
    if (answer) return { replies: [answer] };
  }
  return startTask(ctx, task);
}

const startsTask = (ctx: TurnContext, intent: string): boolean =>
  TASKS[intent] !== undefined || intent === 'recommend_product' || (ctx.caller.role === 'staff' && STAFF_TASKS[intent] !== undefined);

/** The customer or staff task a tool belongs to. */
const findTask = (tool: string): Task | undefined =>
  taskForTool(tool) ?? staffTaskForTool(tool) ?? Object.values(RECOMMENDATION_TASKS).find((t) => t.tool === tool);

async function answerFromKnowledge(ctx: TurnContext): Promise<TurnOutcome> {
  const answer = await knowledgeReply(ctx);
  const m = say(ctx);
  return { replies: [answer ?? { text: m.knowledgeUnknown, quickReplies: mainMenu(m) }] };
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
    const m = say(ctx);
    return Promise.resolve({ replies: [{ text: m.alreadyIdentified, quickReplies: mainMenu(m) }] });
  }
  ctx.state.identify = {};
  ctx.state.afterIdentify = resume;
  ctx.state.pending = undefined;
  return continueIdentify(ctx);
}

async function continueIdentify(ctx: TurnContext): Promise<TurnOutcome> {
  const known = ctx.state.identify ?? {};
  const intent = top(ctx.parse);
  const mentions = ctx.parse.entities.some((e) => IDENTITY_ENTITY_TYPES.has(e.type));
  if (!mentions && intent.name === 'deny' && intent.confidence >= MIN_INTENT_CONFIDENCE) {
    ctx.state.identify = undefined;
    ctx.state.afterIdentify = undefined;
    return { replies: [{ text: say(ctx).identifyDeclined }] };
  }
  const outcome = await identify({
    db: ctx.db, parse: ctx.parse, known, conversationId: ctx.caller.conversationId ?? '', limits: ctx.limits, now: ctx.now,
    language: ctx.state.language,
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
  const m = say(ctx);
  const thanks: Reply = { text: m.verified({ orderId: outcome.orderId }) };
  if (!resume) {
    return { replies: [{ text: m.verifiedWhatNext({ orderId: outcome.orderId }), quickReplies: mainMenu(m) }], identifiedCustomerId: outcome.customerId };
  }
  const next = await advance(ctx, resume, { fresh: false });
  return { replies: [thanks, ...next.replies], identifiedCustomerId: outcome.customerId };
}

async function continuePending(ctx: TurnContext, pending: PendingCall): Promise<TurnOutcome> {
  const intent = top(ctx.parse);
  const clear = intent.confidence >= MIN_INTENT_CONFIDENCE;
  if (pending.awaiting === 'confirmation') {
    // "Create them" in answer to "create the purchase orders?" is a yes too.
    const repeats = (TASKS[intent.name] ?? STAFF_TASKS[intent.name])?.tool === pending.tool;
    if (clear && (intent.name === 'affirm' || repeats)) return execute(ctx, pending);
    if (clear && intent.name === 'deny') return dropPending(ctx, say(ctx).confirmDeclined);
    const m = say(ctx);
    return interruptOrRepeat(ctx, pending, async () => ({ text: m.answerYesNo, quickReplies: yesNo(m) }));
  }
  // Only values a slot reads count as an answer: dates or amounts in "not now" or "no, 2 of them"
  // are not, and must not keep a plain refusal from cancelling the request.
  const slotTypes = new Set(findTask(pending.tool)?.slots.flatMap((slot) => (slot.entityType === undefined ? [] : [slot.entityType])));
  const entityGiven = ctx.parse.entities.some((e) => IDENTITY_ENTITY_TYPES.has(e.type) || slotTypes.has(e.type));
  if (!entityGiven && clear && intent.name === 'deny') return dropPending(ctx, say(ctx).slotDeclined);
  const switching = !entityGiven && intent.confidence >= SWITCH_CONFIDENCE && intent.name !== pending.tool && startsTask(ctx, intent.name);
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
  if (pending.retries >= MAX_RETRIES) return dropPending(ctx, say(ctx).startAgain);
  ctx.state.pending = { ...pending, retries: pending.retries + 1 };
  return { replies: [await question()] };
}

function dropPending(ctx: TurnContext, text: string): TurnOutcome {
  ctx.state.pending = undefined;
  return { replies: [{ text, quickReplies: mainMenu(say(ctx)) }] };
}

/** Fills what it can, then asks for the next missing slot, asks for confirmation, or runs the tool. */
async function advance(ctx: TurnContext, pending: PendingCall, options: { fresh: boolean }): Promise<TurnOutcome> {
  const task = findTask(pending.tool);
  if (!task) return dropPending(ctx, say(ctx).fallback);
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
    if (sameQuestion && retries > MAX_RETRIES) return dropPending(ctx, say(ctx).startAgain);
    ctx.state.pending = { tool: task.tool, args, awaiting: 'slot', slot: slot.name, retries };
    const question = await slot.ask({ ...slotCtx, args });
    if (!filled || !('problem' in filled)) return { replies: [question] };
    return { replies: [{ ...question, text: say(ctx).withProblem({ problem: filled.problem, question: question.text }) }] };
  }
  if (typeof args.orderId === 'number') ctx.state.focusOrderId = args.orderId;
  const tool = ctx.tools.get(task.tool);
  if (!tool.changesState) return execute(ctx, { ...pending, args });
  return confirm(ctx, { tool: task.tool, args, awaiting: 'confirmation', retries: 0 });
}

function slotContext(ctx: TurnContext, args: Record<string, unknown>, asked: boolean): SlotContext {
  return {
    db: ctx.db, parse: ctx.parse, customerId: ctx.caller.customerId, customerName: ctx.customerName,
    args, focusOrderId: ctx.state.focusOrderId, asked, now: ctx.now, language: ctx.state.language,
  };
}

async function confirm(ctx: TurnContext, pending: PendingCall): Promise<TurnOutcome> {
  const preview = await ctx.tools.preview(callOptions(ctx, pending));
  if (!preview.ok) {
    ctx.state.pending = undefined;
    return { replies: [refusal(say(ctx), preview.error, pending)] };
  }
  ctx.state.pending = pending;
  return { replies: [{ text: preview.result.text, quickReplies: yesNo(say(ctx)) }] };
}

async function execute(ctx: TurnContext, pending: PendingCall): Promise<TurnOutcome> {
  ctx.state.pending = undefined;
  const outcome = await ctx.tools.call(callOptions(ctx, pending));
  if (!outcome.ok) return { replies: [refusal(say(ctx), outcome.error, pending)] };
  ctx.state.lastCall = { tool: pending.tool, args: pending.args };
  const { text } = outcome.result;
  const tables = outcome.result.tables ?? extractTables(text);
  return { replies: [{ text, ...(tables.length ? { tables } : {}) }] };
}

function callOptions(ctx: TurnContext, pending: PendingCall): CallOptions {
  return {
    db: ctx.db, caller: ctx.caller, tool: pending.tool, args: pending.args, now: ctx.now, signal: ctx.signal, language: ctx.state.language,
  };
}
