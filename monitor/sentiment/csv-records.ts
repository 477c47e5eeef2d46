/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A quoted field was never closed; `line` is where it opened. */
export interface CsvProblem {
  line: number;
  reason: string;
}

/**
 * Splits RFC 4180 CSV into records: quoted fields may hold commas, doubled quotes and line
 * breaks; records end with LF or CRLF; a leading byte-order mark is skipped.
 *
 * @returns the records, or the first problem found.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[] } | { problem: CsvProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '"' && field === '') {
      const opened = line;
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = body.indexOf('"', j);
        if (close < 0) return { problem: { line: opened, reason: 'quoted field is never closed' } };
        value += body.slice(j, close);
        if (body[close + 1] !== '"') {
          j = close + 1;
          break;
        }
        value += '"';
        j = close + 2;
      }
      line += value.split('\n').length - 1;
      field = value;
      i = j;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === '\n' || (c === '\r' && body[i + 1] === '\n')) {
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      i += c === '\r' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return { records };
}
