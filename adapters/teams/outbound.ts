import { CardFactory, MessageFactory } from '@microsoft/agents-hosting';
import type { QuickReply } from '../../core/activity.js';
import type { ReplyTable } from '../../core/table.js';

/** An outgoing Bot Framework activity, as the Agents SDK types it. */
export type TeamsMessage = ReturnType<typeof MessageFactory.text>;

/** What the bot says on Teams: a reply or a notice. */
export interface OutboundText {
  text?: string;
  quickReplies?: QuickReply[];
  tables?: ReplyTable[];
}

/**
 * Teams refuses messages above about 28 KB; a card that would push the message past this
 * is left out and the text (which spells out the same rows) goes alone.
 */
const MAX_MESSAGE_CHARS = 24 * 1024;

/**
 * Adaptive Card 1.5 drawing reply tables: each table's title as a bold TextBlock, then a
 * `Table` whose first row is the header.
 *
 * @remarks `fallbackText` carries the reply text for clients that cannot render the card.
 */
export function tableCard(options: { text: string; tables: readonly ReplyTable[] }): Record<string, unknown> {
  const body = options.tables.flatMap((table) => [
    ...(table.title ? [{ type: 'TextBlock', text: table.title, weight: 'Bolder', wrap: true }] : []),
    {
      type: 'Table',
      firstRowAsHeader: true,
      gridStyle: 'accent',
      columns: table.columns.map(() => ({ width: 1 })),
      rows: [tableRow(table.columns, true), ...table.rows.map((row) => tableRow(row, false))],
    },
  ]);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: options.text,
    msteams: { width: 'Full' },
    body,
  };
}

function tableRow(cells: readonly string[], header: boolean): Record<string, unknown> {
  return {
    type: 'TableRow',
    cells: cells.map((cell) => ({
      type: 'TableCell',
      items: [{ type: 'TextBlock', text: cell, wrap: true, ...(header ? { weight: 'Bolder' } : {}) }],
    })),
  };
}

/**
 * The Teams message for one reply: the text; tables as an Adaptive Card beside it (the text is
 * the plain-text fallback); quick replies as suggested actions that send their value back (`imBack`).
 */
export function toTeamsMessage(reply: OutboundText): TeamsMessage {
  const text = reply.text ?? '';
  const message = MessageFactory.text(text);
  if (reply.tables?.length) {
    const card = tableCard({ text, tables: reply.tables });
    if (JSON.stringify(card).length + text.length <= MAX_MESSAGE_CHARS) message.attachments = [CardFactory.adaptiveCard(card)];
  }
  if (reply.quickReplies?.length) {
    message.suggestedActions = {
      to: [],
      actions: reply.quickReplies.map((quick) => ({ type: 'imBack', title: quick.title, value: quick.value })),
    };
  }
  return message;
}
