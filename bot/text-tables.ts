import type { ReplyTable } from '../core/table.js';

const CELL_SEPARATOR = ' | ';
/** Channels draw at most this many rows; the text still has them all. */
const MAX_ROWS = 100;

/**
 * The tables a reply's text spells out: a header line and rows, cells separated by " | ", with
 * the line just before the header as the title.
 *
 * @remarks Every operations answer writes its tables this way so that any channel can show the
 * text as it is; Teams and Slack draw the same rows as real tables. Deriving them from the text
 * keeps one source for both, so the drawn table can never disagree with the text.
 * @example
 * extractTables('Low stock:\nSKU | Units\nAPP-1 | 3'); // [{ title: 'Low stock:', columns: ['SKU', 'Units'], rows: [['APP-1', '3']] }]
 */
export function extractTables(text: string): ReplyTable[] {
  const lines = text.split('\n');
  const tables: ReplyTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const columns = cells(lines[i] ?? '');
    if (columns.length < 2) continue;
    const rows: string[][] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const row = cells(lines[j] ?? '');
      if (row.length !== columns.length) break;
      rows.push(row);
    }
    if (rows.length === 0) continue;
    const title = i > 0 ? lines[i - 1]?.trim() : undefined;
    tables.push({ ...(title ? { title: title.slice(0, 200) } : {}), columns, rows: rows.slice(0, MAX_ROWS) });
    i = j - 1;
  }
  return tables;
}

function cells(line: string): string[] {
  if (!line.includes(CELL_SEPARATOR)) return [];
  return line.split(CELL_SEPARATOR).map((cell) => cell.trim());
}
