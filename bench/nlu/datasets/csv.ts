import { InvalidInputError } from '../../../core/errors.js';

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks;
 * records end with LF or CRLF. Returns the records as arrays of fields.
 *
 * @throws {@link InvalidInputError} on an unterminated quoted field.
 */
export function parseCsv(text: string, source = 'CSV'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = () => {
    record.push(field);
    field = '';
  };
  while (i < body.length) {
    const c = body[i];
    if (c === '"' && field === '') {
      const close = readQuoted(body, i + 1);
      if (close === undefined) throw new InvalidInputError(`${source}: unterminated quoted field near offset ${i}`);
      field = close.value;
      i = close.next;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\n' || (c === '\r' && body[i + 1] === '\n')) {
      endField();
      records.push(record);
      record = [];
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

function readQuoted(text: string, from: number): { value: string; next: number } | undefined {
  let value = '';
  let i = from;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) return undefined;
    value += text.slice(i, close);
    if (text[close + 1] !== '"') return { value, next: close + 1 };
    value += '"';
    i = close + 2;
  }
}

/**
 * Reads the named columns of a CSV with a header row.
 *
 * @throws {@link InvalidInputError} when a column is missing or a record is short.
 */
export function readCsvColumns<K extends string>(
  text: string,
  options: { columns: readonly K[]; source: string },
): Array<Record<K, string>> {
  const [header, ...rows] = parseCsv(text, options.source);
  if (header === undefined) throw new InvalidInputError(`${options.source}: empty file`);
  const positions = options.columns.map((column) => {
    const at = header.indexOf(column);
    if (at < 0) throw new InvalidInputError(`${options.source}: no column "${column}" in header ${header.join(',')}`);
    return [column, at] as const;
  });
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ''))
    .map((row, index) => {
      const out = {} as Record<K, string>;
      for (const [column, at] of positions) {
        const value = row[at];
        // Line numbers count the header as line 1; quoted line breaks make them approximate.
        if (value === undefined) throw new InvalidInputError(`${options.source}: record ${index + 2} has no "${column}"`);
        out[column] = value;
      }
      return out;
    });
}
