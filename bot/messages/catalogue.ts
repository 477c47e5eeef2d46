import { z } from 'zod';
import type { QuickReply } from '../../core/activity.js';
import type { LowStockItem, LowStockReport, OrderDetail, OrderSummary, ReturnableLine, ReturnPlan } from '../../ops/index.js';
import type { Address } from '../../store/index.js';

/** Languages the bot replies in. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Replies fall back to English when nothing better is known. */
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * A stored or detected language.
 *
 * @remarks `catch` rather than `default`: a conversation saved before replies were translated
 * has no language, and one saved by a later version may name a language this one lacks;
 * both continue in English instead of losing the rest of their state.
 */
export const LanguageSchema = z.enum(LANGUAGES).catch(DEFAULT_LANGUAGE);

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Why a tool refused, as the catalogue needs it to explain the refusal. */
export interface Refusal {
  /** The error's code, for example `order_dispatched`. */
  code: string;
  /** The English explanation written by the rule itself. */
  userMessage: string;
  tool: string;
  orderId?: number;
  /** The order's status when the rule refused. */
  status?: string;
  /** `YYYY-MM-DD`, for a closed return window. */
  returnBy?: string;
  /** Units still returnable, when more were asked for. */
  returnable?: number;
}

/** One warehouse's stock of a SKU, as the stock-level reply lists it. */
export interface StockLevelRow {
  warehouse: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** One week of a demand forecast; `weekStart` is `YYYY-MM-DD`. */
export interface WeeklyForecast {
  weekStart: string;
  point: number;
  lower: number;
  upper: number;
}

/** Texts only staff see: operations answers. Kept apart so each language's file stays small. */
export interface StaffCatalogue {
  /** A staff question the bot cannot answer in chat yet. */
  staffNotYet: string;
  /** Shown to a staff user opening the chat: what they can ask. */
  staffWelcome: string;
  /** A tool the caller's role may not use (the refusal is audited). */
  notAllowed: string;
  askSku: string;
  /** `shown` is the head of `report.items`; the assumption behind days of cover is stated. */
  lowStockTable(p: { report: LowStockReport; shown: readonly LowStockItem[]; warehouse?: string; trailingDays: number }): string;
  /** `rows` is empty when the SKU is not stocked anywhere. */
  stockLevel(p: { sku: string; name?: string; rows: readonly StockLevelRow[] }): string;
  /** `reason` is the forecaster's own English explanation. */
  forecastReply(p: {
    sku: string; warehouse?: string; weeks: readonly WeeklyForecast[]; level: number; method: string; reason: string; historyDays: number;
  }): string;
  forecastNoHistory(p: { sku: string; warehouse?: string }): string;
}

/**
 * Every text the bot shows a customer, in one language.
 *
 * @remarks One implementation per language (`en.ts`, `zh.ts`), each typed as `Catalogue`, so a
 * text missing from one language is a compile error. Parameters are interpolated by the
 * functions here, never by concatenation at the call site, because word order differs
 * between languages. Entries are strings, quick replies (a button's title and the text it
 * sends back, which the NLU of that language must understand), or functions returning either.
 */
export interface Catalogue extends StaffCatalogue {
  // Conversation
  /** Opens a conversation the bot starts. */
  welcome: string;
  greet: string;
  help: string;
  thanks: string;
  goodbye: string;
  affirm: string;
  deny: string;
  complaint: string;
  /** A person was asked for where no hand-off can be opened (staff conversations). */
  humanHandoff: string;
  /** The bot hands the conversation to an agent and goes quiet until the agent is done. */
  handoffConnecting: string;
  /** The agent closed the hand-off: the bot answers again. */
  handoffReturned: string;
  /** Precedes the main menu when the bot did not understand. */
  fallback: string;
  /** A customer asked something only staff tools answer. */
  staffOnly: string;
  /** The knowledge base has no answer to a question about the shop. */
  knowledgeUnknown: string;

  // Buttons
  yes: QuickReply;
  no: QuickReply;
  menuWhereIsOrder: QuickReply;
  menuRecentOrders: QuickReply;
  menuCancel: QuickReply;
  menuReturn: QuickReply;

  // Around a task: confirmation, interruptions, refusals
  confirmDeclined: string;
  answerYesNo: string;
  slotDeclined: string;
  startAgain: string;
  notFound: string;
  orderNotFound(p: { orderId: number }): string;
  /** A tool without a preview of its own asks this before it runs. */
  confirmTool(p: { tool: string }): string;
  /** Why an answer could not be used, followed by the question asked again. */
  withProblem(p: { problem: string; question: string }): string;
  refusal(p: Refusal): string;
  suggestReturn(p: { orderId: number }): QuickReply;
  suggestCancel(p: { orderId: number }): QuickReply;

  // Identification
  alreadyIdentified: string;
  identifyDeclined: string;
  identifyAskBoth: string;
  identifyAskOrder: string;
  identifyAskEmail(p: { orderId: number }): string;
  identifyTooMany(p: { minutes: number }): string;
  identifyFailed: string;
  verified(p: { orderId: number }): string;
  /** {@link Catalogue.verified} when there is no request to resume. */
  verifiedWhatNext(p: { orderId: number }): string;

  // Slot questions
  askOrderAnonymous: string;
  askOrderNoOrders: string;
  askOrderRecent(p: { orders: readonly OrderSummary[] }): string;
  orderChoice(p: { order: OrderSummary }): QuickReply;
  askAddress: string;
  /** `userMessage` is the address parser's English explanation. */
  addressProblem(p: { userMessage: string }): string;
  returnLinesUnclear: string;
  askReturnWholeOrder: string;
  returnWholeOrderYes: QuickReply;
  allItems: QuickReply;
  returnLineChoice(p: { line: ReturnableLine }): QuickReply;
  askReturnLines(p: { lines: readonly ReturnableLine[] }): string;

  // Tool results
  orderStatus(p: { order: OrderDetail }): string;
  orderList(p: { orders: readonly OrderSummary[] }): string;
  cancelPreview(p: { order: OrderDetail; refundMinor: number }): string;
  cancelDone(p: { orderId: number; refundMinor: number; currency: string }): string;
  addressPreview(p: { orderId: number; address: Address }): string;
  addressDone(p: { orderId: number; address: Address }): string;
  returnPreview(p: { plan: ReturnPlan }): string;
  returnDone(p: { returnId: number; refundMinor: number; currency: string }): string;
}
