import type { types as slack } from '@slack/bolt';
import type { Activity } from '../../core/activity.js';
import type { ReplyTable } from '../../core/table.js';

/** What one `chat.postMessage` (or `response_url` post) carries: the text fallback and Block Kit blocks. */
export interface SlackMessage {
  /** Shown in notifications and by clients that cannot draw blocks; always the whole reply. */
  text: string;
  blocks?: slack.KnownBlock[];
}

/** Slack's limits on one message. */
const MAX_BLOCKS = 50;
const MAX_SECTION_CHARS = 3000;
const MAX_TEXT_CHARS = 40_000;
const MAX_BUTTONS = 25;
const MAX_BUTTON_TITLE = 75;
const MAX_BUTTON_VALUE = 2000;
/** Wider cells are cut so a table stays readable in a chat column. */
const MAX_CELL_CHARS = 40;
const CELL_SEPARATOR = ' | ';
const NUMBER = /^[-+]?[£$€]?\d[\d,]*(\.\d+)?%?$/;

/** Prefix of the action ids of quick-reply buttons; the listener matches on it. */
export const QUICK_REPLY_ACTION = 'counterpart_reply';

/**
 * A reply as a Slack message: a section per paragraph, each table as an aligned monospace block
 * where the text spells it out, quick replies as buttons.
 *
 * @remarks The text fallback always carries the whole reply. When the blocks would pass Slack's
 * limit of 50, the message is sent as text only, so nothing is cut.
 * @example
 * toSlackMessage({ text: 'Low stock:\nSKU | Units\nAPP-1 | 3', tables: [{ columns: ['SKU', 'Units'], rows: [['APP-1', '3']] }] });
 */
export function toSlackMessage(reply: Pick<Activity, 'text' | 'tables' | 'quickReplies'>): SlackMessage {
  const text = escapeMrkdwn(reply.text ?? '').slice(0, MAX_TEXT_CHARS);
  const blocks = [...bodyBlocks(reply.text ?? '', reply.tables ?? []), ...buttonBlocks(reply.quickReplies ?? [])];
  if (blocks.length === 0 || blocks.length > MAX_BLOCKS) return { text };
  return { text, blocks };
}

/** Slack reads `&`, `<` and `>` as markup in message text; these three must be escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function bodyBlocks(text: string, tables: readonly ReplyTable[]): slack.KnownBlock[] {
  const blocks: slack.KnownBlock[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    for (const paragraph of prose.join('\n').split(/\n\s*\n/)) blocks.push(...sections(escapeMrkdwn(paragraph.trim())));
    prose = [];
  };
  const lines = text.split('\n');
  let drawn = 0;
  for (let i = 0; i < lines.length; i++) {
    const range = tables.length > 0 ? tableAt(lines, i) : undefined;
    if (!range) {
      prose.push(lines[i] ?? '');
      continue;
    }
    flushProse();
    // The i-th table the text spells out is the i-th table of the reply; a text table past those is drawn as written.
    blocks.push(...codeBlocks(tables[drawn] ?? range.table));
    drawn += 1;
    i = range.end - 1;
  }
  flushProse();
  for (const table of tables.slice(drawn)) {
    if (table.title) blocks.push(...sections(`*${escapeMrkdwn(table.title)}*`));
    blocks.push(...codeBlocks(table));
  }
  return blocks;
}

/** A header line with at least two cells and the rows after it with as many cells, as `extractTables` reads them. */
function tableAt(lines: readonly string[], start: number): { table: ReplyTable; end: number } | undefined {
  const columns = cells(lines[start] ?? '');
  if (columns.length < 2) return undefined;
  const rows: string[][] = [];
  let end = start + 1;
  for (; end < lines.length; end++) {
    const row = cells(lines[end] ?? '');
    if (row.length !== columns.length) break;
    rows.push(row);
  }
  return rows.length === 0 ? undefined : { table: { columns, rows }, end };
}

function cells(line: string): string[] {
  return line.includes(CELL_SEPARATOR) ? line.split(CELL_SEPARATOR).map((cell) => cell.trim()) : [];
}

/** Aligned columns (numbers to the right) in code blocks, split between sections at row boundaries. */
function codeBlocks(table: ReplyTable): slack.KnownBlock[] {
  const grid = [table.columns, ...table.rows].map((row) => table.columns.map((_, c) => clip(row[c] ?? '')));
  const widths = table.columns.map((_, c) => Math.max(...grid.map((row) => (row[c] ?? '').length)));
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((row) => NUMBER.test(row[c] ?? '')));
  const line = (row: readonly string[], header: boolean) => row
    .map((cell, c) => (numeric[c] && !header ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
    .join('  ').trimEnd();
  const [header = [], ...rows] = grid;
  const lines = [line(header, true), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((row) => line(row, false))];
  const blocks: slack.KnownBlock[] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) blocks.push(section(`\`\`\`\n${chunk.join('\n')}\n\`\`\``));
    chunk = [];
  };
  for (const raw of lines) {
    const escaped = escapeMrkdwn(raw);
    if ([...chunk, escaped].join('\n').length + 8 > MAX_SECTION_CHARS) flush();
    chunk.push(escaped.slice(0, MAX_SECTION_CHARS - 8));
  }
  flush();
  return blocks;
}

function clip(cell: string): string {
  return cell.length > MAX_CELL_CHARS ? `${cell.slice(0, MAX_CELL_CHARS - 1)}…` : cell;
}

/** Sections of at most 3,000 characters, split at line breaks where possible. */
function sections(text: string): slack.KnownBlock[] {
  if (text.length === 0) return [];
  const blocks: slack.KnownBlock[] = [];
  let rest = text;
  while (rest.length > MAX_SECTION_CHARS) {
    const cut = rest.lastIndexOf('\n', MAX_SECTION_CHARS);
    const at = cut > 0 ? cut : MAX_SECTION_CHARS;
    blocks.push(section(rest.slice(0, at)));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.trim().length > 0) blocks.push(section(rest));
  return blocks;
}

function section(text: string): slack.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function buttonBlocks(quickReplies: NonNullable<Activity['quickReplies']>): slack.KnownBlock[] {
  const buttons = quickReplies
    .filter((q) => q.value.length <= MAX_BUTTON_VALUE)
    .slice(0, MAX_BUTTONS)
    .map((q, i): slack.Button => ({
      type: 'button', action_id: `${QUICK_REPLY_ACTION}_${i}`, value: q.value,
      text: { type: 'plain_text', text: q.title.slice(0, MAX_BUTTON_TITLE), emoji: true },
    }));
  return buttons.length === 0 ? [] : [{ type: 'actions', elements: buttons }];
}
