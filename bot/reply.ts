import type { QuickReply, Source } from '../core/activity.js';
import type { ReplyTable } from '../core/table.js';
import type { Catalogue } from './messages/index.js';

/** One bot message before it becomes an Activity. */
export interface Reply {
  text: string;
  quickReplies?: QuickReply[];
  sources?: Source[];
  /** Knowledge-base chunks the answer used; stored with the message, not shown. */
  chunkIds?: string[];
  /** Tables the text spells out, for channels that draw them. */
  tables?: ReplyTable[];
}

export function yesNo(m: Catalogue): QuickReply[] {
  return [m.yes, m.no];
}

/** What the bot offers when it is unsure what the customer wants. */
export function mainMenu(m: Catalogue): QuickReply[] {
  return [m.menuWhereIsOrder, m.menuRecentOrders, m.menuCancel, m.menuReturn];
}
