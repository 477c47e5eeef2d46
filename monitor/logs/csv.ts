/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, records
 * end with CRLF.
 *
 * @remarks Customers write the texts, so a text starting with `=`, `+`, `-`, `@`, a tab, a
 * carriage return or `'` is prefixed with `'`: spreadsheets then show it instead of running
 * it as a formula (OWASP "CSV injection"). {@link parseCsv} with `unguard` undoes it. Numbers
 * are never prefixed, so negative scores stay numbers.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRecord(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Parses RFC 4180 text into records (for tests and tools reading exports back).
 * With `unguard`, a leading `'` that {@link csvField} added is removed.
 */
export function parseCsv(text: string, options: { unguard?: boolean } = {}): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(options.unguard && /^'[=+\-@\t\r']/.test(field) ? field.slice(1) : field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') { endField(); records.push(record); record = []; i++; } else field += c;
  }
  if (field !== '' || record.length > 0) { endField(); records.push(record); }
  return records;
}
