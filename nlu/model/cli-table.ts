/** A column of {@link formatTable}: its header and whether numbers align right. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Lays rows out in space-padded columns for a terminal.
 *
 * @remarks Plain spaces, no box drawing, so the output still lines up when piped to a file or
 * pasted into an issue.
 */
export function formatTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((column, i) => (column.align === 'right' ? (cells[i] ?? '').padStart(widths[i] ?? 0) : (cells[i] ?? '').padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
}

/** A ratio with a fixed number of decimals, for table cells. */
export function fixed(value: number | null, digits = 3): string {
  return value === null ? '-' : value.toFixed(digits);
}
