/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes, `""` for a quote
 * inside a quoted field, line breaks allowed inside quotes.
 *
 * @returns the rows, or a reason when the text is not valid CSV (an unterminated quote,
 * text after a closing quote).
 */
export function parseCsv(text: string): { rows: string[][] } | { error: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; afterQuote = true; i += 1; continue; }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === ',' || ch === '\n') {
      row.push(field);
      field = '';
      afterQuote = false;
      if (ch === '\n') { rows.push(row); row = []; }
      i += 1;
      continue;
    }
    if (afterQuote && ch.trim() !== '') return { error: `unexpected text after a closing quote (line ${rows.length + 1})` };
    if (ch === '"' && field.trim() === '') { quoted = true; field = ''; i += 1; continue; }
    if (!afterQuote) field += ch;
    i += 1;
  }
  if (quoted) return { error: 'a quoted field is not closed' };
  if (field.length > 0 || row.length > 0) { row.push(field); rows.push(row); }
  return { rows: rows.filter((r) => r.some((cell) => cell.trim().length > 0)) };
}
