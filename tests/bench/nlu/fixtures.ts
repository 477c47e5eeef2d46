import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder for one test file's fixtures; `cleanup` removes it. */
export function tempDir(prefix: string): { path: string; write: (relative: string, content: string) => string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `counterpart-bench-${prefix}-`));
  return {
    path,
    write(relative, content) {
      const file = join(path, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** A Banking77-style CSV (CRLF line ends, a quoted field with a comma and a doubled quote). */
export function banking77Csv(rows: ReadonlyArray<readonly [string, string]>): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['text,category', ...rows.map(([text, category]) => `${quote(text)},${quote(category)}`)].join('\r\n') + '\r\n';
}

/** Ten examples for each of three intents: enough for a 10 % stratified split and a tiny model. */
export const THREE_INTENTS: ReadonlyArray<readonly [string, string]> = [
  ...['card', 'my card', 'card not here', 'where is my card', 'card arrival', 'card still missing', 'card delivery', 'new card when', 'card in post', 'waiting for card'].map(
    (t) => [t, 'card_arrival'] as const,
  ),
  ...['rate', 'exchange rate', 'what rate', 'rate today', 'fx rate', 'rate for euros', 'rate for dollars', 'currency rate', 'conversion rate', 'which rate'].map(
    (t) => [t, 'exchange_rate'] as const,
  ),
  ...['top up', 'top up card', 'add money', 'top up failed', 'how to top up', 'top up limit', 'top up by card', 'top up pending', 'top-up, please', 'top up "fast"'].map(
    (t) => [t, 'top_up'] as const,
  ),
];
