import type { HandoffEvent, HandoffSummary, QueueEntry } from '../../bot/index.js';
import { escapeMrkdwn } from './blocks.js';

// What the Slack adapter says to staff. Customer and agent text is always escaped, so it cannot mention @channel or fake links.

/** The only reply to a Slack user who is not mapped to a staff user. */
export const NOT_REGISTERED_TEXT = "You're not registered as staff here. Ask an admin to add your Slack account.";

/** What a thread reply says to end a hand-off, and the outcome it records. */
const COMMANDS: Readonly<Record<string, 'resolved' | 'returned_to_bot'>> = {
  release: 'returned_to_bot',
  resolve: 'resolved',
  resolved: 'resolved',
};

/** The outcome a thread reply asks for (`release`, `resolved`), or undefined for a message to the customer. */
export function releaseCommand(text: string): 'resolved' | 'returned_to_bot' | undefined {
  return COMMANDS[text.trim().toLowerCase().replace(/[.!]+$/, '')];
}

const REASONS: Readonly<Record<string, string>> = {
  customer_asked: 'the customer asked for a person',
  low_confidence: "the bot didn't understand them twice in a row",
  negative_sentiment: 'the customer seems upset',
};

const OUTCOMES: Readonly<Record<string, string>> = {
  resolved: 'resolved',
  returned_to_bot: 'handed back to the bot',
};

/** Slack block quote of customer text, every line quoted. */
function quote(text: string): string {
  return escapeMrkdwn(text).split('\n').map((line) => `> ${line}`).join('\n');
}

/** The message that opens a hand-off's thread. */
export function openedText(event: Extract<HandoffEvent, { type: 'opened' }>, entry: QueueEntry | undefined): string {
  const who = entry?.customerName ? `${escapeMrkdwn(entry.customerName)} (${entry.channel})` : entry ? `a ${entry.channel} customer` : 'a customer';
  return [
    `:raising_hand: *A customer needs a person* (hand-off #${event.handoffId}): ${who}; ${REASONS[event.reason] ?? event.reason}.`,
    ...(entry?.lastCustomerMessage ? ['Last message:', quote(entry.lastCustomerMessage)] : []),
    'Reply in this thread to take it: your replies go to the customer. Say `release` to hand the conversation back to the bot, or `resolved` when it is settled.',
  ].join('\n');
}

export function customerMessageText(text: string): string {
  return `*Customer:*\n${quote(text)}`;
}

export function takenText(agentName: string): string {
  return `${escapeMrkdwn(agentName)} has taken this conversation; only they can answer the customer now.`;
}

/** An agent's message written somewhere else (the agent console), shown so the thread tells the whole story. */
export function agentMessageText(agentName: string, text: string): string {
  return `*${escapeMrkdwn(agentName)}* (agent console):\n${quote(text)}`;
}

export function alreadyTakenText(agentName: string): string {
  return `${escapeMrkdwn(agentName)} already has this conversation; your message was not sent to the customer.`;
}

export const CLOSED_TEXT = 'This hand-off is closed; your message was not sent to the customer.';
export const NOT_AN_AGENT_TEXT = 'Only agents, managers and admins can answer customers here; your message was not sent to the customer.';

/** Posted in the thread when a hand-off closes. */
export function closedText(outcome: string, summary: HandoffSummary | undefined): string {
  const head = `:white_check_mark: *Closed: ${OUTCOMES[outcome] ?? outcome}.* The bot answers the customer again.`;
  if (!summary) return head;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    head,
    `Waited ${duration(summary.waitSeconds)} for an agent · ${plural(summary.customerMessages, 'customer message')} · ${plural(summary.agentMessages, 'agent message')} · ${REASONS[summary.reason] ?? summary.reason}.`,
    ...(summary.lastCustomerMessage ? ['Last customer message:', quote(summary.lastCustomerMessage)] : []),
  ].join('\n');
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m ${seconds % 60}s` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
