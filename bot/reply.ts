import type { QuickReply, Source } from '../core/activity.js';

/** One bot message before it becomes an Activity. */
export interface Reply {
  text: string;
  quickReplies?: QuickReply[];
  sources?: Source[];
  /** Knowledge-base chunks the answer used; stored with the message, not shown. */
  chunkIds?: string[];
}

export const yesNo: QuickReply[] = [
  { title: 'Yes', value: 'yes' },
  { title: 'No', value: 'no' },
];

/** What the bot offers when it is unsure what the customer wants. */
export const mainMenu: QuickReply[] = [
  { title: 'Where is my order?', value: 'Where is my order?' },
  { title: 'My recent orders', value: 'Show my recent orders' },
  { title: 'Cancel an order', value: 'I want to cancel an order' },
  { title: 'Return an item', value: 'I want to return something' },
];

/** Formats an ISO date or time as "Tue 3 Dec" for people in the shop's locale. */
export function formatDay(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
}
