import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS, LogPageSchema, exportMessages, parseCsv, searchMessages, type ExportOptions, type LogMessage, type Redaction,
} from '../../../monitor/logs/index.js';
import type { NewMessage } from '../../../store/schema.js';
import { openTestStore, storeKinds, type TestStore } from '../../helpers/store.js';
import { CONVERSATIONS, MESSAGES, seedLogs } from './fixtures.js';

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

const redacted: Redaction = { raw: false, orderNumbers: true };

describe.each(storeKinds())('logs export on %s', (kind) => {
  let store: TestStore;
  let stored: LogMessage[];
  beforeAll(async () => {
    store = await openTestStore(kind);
    await seedLogs(store.db);
    const page = await searchMessages(store.db, { filter: {}, page: LogPageSchema.parse({ limit: 500, order: 'asc' }), redaction: redacted });
    stored = page.items.sort((a, b) => a.id - b.id);
  });
  afterAll(async () => { await store?.cleanup(); });

  const run = (options: Partial<ExportOptions> & Pick<ExportOptions, 'format'>) =>
    collect(exportMessages(store.db, { filter: {}, redaction: redacted, batchSize: 5, ...options }));

  it('exports NDJSON that parses back to exactly the stored rows, redacted', async () => {
    const text = await run({ format: 'ndjson' });
    expect(text.endsWith('\n')).toBe(true);
    const rows = text.trimEnd().split('\n').map((line) => JSON.parse(line) as LogMessage);
    expect(rows).toEqual(stored);
    expect(rows).toHaveLength(MESSAGES.length);
    expect(text).not.toMatch(/jo\.bloggs|07700|Baker|100234/);
    expect(text).toContain('[email]');
  });

  it('exports RFC 4180 CSV that parses back to exactly the stored rows', async () => {
    const text = await run({ format: 'csv' });
    expect(text.split('\r\n').at(-1)).toBe('');
    const [header, ...records] = parseCsv(text, { unguard: true });
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toEqual(stored.map((m) => CSV_COLUMNS.map((c) => (c === 'entities' ? JSON.stringify(m.entities) : m[c] === null ? '' : String(m[c])))));
    // The quote-and-comma text is quoted with doubled quotes, and guarded against formula injection.
    expect(text).toContain('"\'=HYPERLINK(""http://x.test"",""meh"")"');
    expect(text).toContain('"Thanks,\n""great"" service!"');
  });

  it('exports raw text for raw viewers and honours the filter', async () => {
    const text = await run({ format: 'ndjson', redaction: { raw: true }, filter: { conversationId: CONVERSATIONS.c2.id, direction: 'in' } });
    expect(text.trimEnd().split('\n').map((l) => (JSON.parse(l) as LogMessage).text)).toEqual([MESSAGES[3]!.text, MESSAGES[5]!.text]);
  });

  it('stops reading when aborted', async () => {
    const controller = new AbortController();
    const chunks: string[] = [];
    for await (const chunk of exportMessages(store.db, { filter: {}, format: 'ndjson', redaction: redacted, batchSize: 2, signal: controller.signal })) {
      chunks.push(chunk);
      controller.abort();
    }
    expect(chunks).toHaveLength(1);
  });
});

/** `gc()` without starting node with `--expose-gc`. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe.each(storeKinds())('export of 50,000 rows on %s', (kind) => {
  const ROWS = 50_000;
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await seedLogs(store.db);
    const padding = ' lorem ipsum dolor sit amet'.repeat(8);
    const conversationId = CONVERSATIONS.c1.id;
    for (let start = 0; start < ROWS; start += 2000) {
      const rows: NewMessage[] = [];
      for (let i = start; i < Math.min(start + 2000, ROWS); i++) {
        rows.push({
          activity_id: `bulk-${i}`, conversation_id: conversationId, direction: 'in', channel: 'webchat', user_id: 'customer:1', role: 'customer',
          text: `message ${i}: mail me at user${i}@example.com${padding}`, intent: 'order_status', entities: '[]', confidence: 0.5, sentiment: -0.5,
          created_at: new Date(Date.UTC(2026, 10, 10) + i * 1000).toISOString(),
        });
      }
      await store.db.insertInto('messages').values(rows).execute();
    }
  }, 120_000);
  afterAll(async () => { await store?.cleanup(); });

  it('streams every row with bounded heap growth', async () => {
    const gc = exposeGc();
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let lines = 0;
    let bytes = 0;
    for await (const chunk of exportMessages(store.db, { filter: { from: '2026-11-10' }, format: 'ndjson', redaction: redacted })) {
      bytes += chunk.length;
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    expect(lines).toBe(ROWS);
    // Everything at once would hold well over the whole output; one batch is well under a megabyte.
    expect(bytes).toBeGreaterThan(15 * 2 ** 20);
    expect(peak).toBeLessThan(8 * 2 ** 20);
  }, 60_000);
});
