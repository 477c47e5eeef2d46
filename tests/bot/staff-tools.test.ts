import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../core/errors.js';
import type { Entity, ParseResult } from '../../core/nlu.js';
import type { Caller } from '../../core/tools.js';
import { createBotTools } from '../../bot/index.js';
import { respond } from '../../bot/dialogue.js';
import { messagesIn } from '../../bot/messages/index.js';
import { emptyState, type DialogueState } from '../../bot/state.js';
import { readStock } from '../../ops/index.js';
import { openSeededTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const STAFF: Caller = { role: 'staff', staffId: 7, staffRole: 'manager', conversationId: 's-1' };
const CUSTOMER: Caller = { role: 'customer', customerId: 1, conversationId: 'c-1' };

function parse(intent: string, entities: Partial<Entity>[] = [], text = intent): ParseResult {
  return {
    text, language: 'en', intents: [{ name: intent, confidence: 0.9 }],
    entities: entities.map((e) => ({ type: 'sku', value: '', text: '', start: 0, end: 0, extractor: 'test', ...e })),
  };
}
const skuEntity = (sku: string): Partial<Entity> => ({ type: 'sku', value: sku });

/** Staff operations tools driven through the dialogue, against the small seeded demo shop. */
describe('staff tools in the dialogue', () => {
  let store: TestStore;
  let state: DialogueState;
  const tools = createBotTools();

  // Seeding is the slow part and nothing here writes stock or sales, so one shop serves all tests.
  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
  });
  afterAll(async () => { await store.cleanup(); });
  beforeEach(() => { state = emptyState(); });

  async function say(p: ParseResult, caller: Caller = STAFF): Promise<string> {
    const outcome = await respond({ db: store.db, tools, state, parse: p, now: NOW, limits: { maxAttempts: 3, windowSeconds: 900 }, caller });
    return outcome.replies.map((r) => r.text).join('\n');
  }

  it('lists low stock as a table that includes a SKU really below its reorder point', async () => {
    const stock = await readStock({ db: store.db });
    const low = stock.filter((s) => s.onHand - s.reserved < s.reorderPoint);
    expect(low.length).toBeGreaterThan(0);
    const reply = await say(parse('low_stock'));
    expect(reply).toMatch(/SKU \| Name \| Warehouse \| Available \| Reorder point \| Days of cover/);
    expect(reply).toMatch(/trailing 28-day average/);
    const rows = reply.split('\n').filter((line) => /^[A-Z]{3}-\d{4} \|/.test(line));
    expect(rows.length).toBe(Math.min(10, low.length));
    const [sku, , warehouse] = (rows[0] as string).split(' | ');
    expect(low.some((s) => s.sku === sku && s.warehouse === warehouse)).toBe(true);
  });

  it('narrows low stock to the warehouse named', async () => {
    const [first] = await readStock({ db: store.db });
    const reply = await say(parse('low_stock', [{ type: 'warehouse', value: first?.warehouse ?? 'LDS' }]));
    const warehouses = reply.split('\n').filter((line) => /^[A-Z]{3}-\d{4} \|/.test(line)).map((line) => line.split(' | ')[2]);
    expect(new Set(warehouses).size).toBeLessThanOrEqual(1);
    if (warehouses.length) expect(warehouses[0]).toBe(first?.warehouse);
  });

  it('shows per-warehouse stock of a seeded SKU, asking for the SKU first when missing', async () => {
    const [record] = await readStock({ db: store.db });
    if (!record) throw new Error('seed has no stock');
    expect(await say(parse('stock_level'))).toBe(messagesIn('en').askSku);
    const reply = await say(parse('out_of_scope', [], record.sku.toLowerCase()));
    const rows = (await readStock({ db: store.db, skus: [record.sku] }));
    for (const r of rows) {
      expect(reply).toContain(`${r.warehouse}: on hand ${r.onHand}, reserved ${r.reserved}, available ${Math.max(0, r.onHand - r.reserved)}`);
    }
    expect(state.pending).toBeUndefined();
  });

  it('lets staff switch from an unanswered SKU question to another staff request', async () => {
    await say(parse('stock_level'));
    expect(await say(parse('low_stock'))).toMatch(/^\d+ item\(s\) below reorder point/);
    expect(state.pending).toBeUndefined();
  });

  it('forecasts four weekly numbers with an interval and the method chosen', async () => {
    const [record] = await readStock({ db: store.db });
    const reply = await say(parse('demand_forecast', [skuEntity(record?.sku ?? '')]));
    const weeks = reply.split('\n').filter((line) => /^\w{3} \d+ \w{3} \| \d+ \| \d+–\d+$/.test(line));
    expect(weeks).toHaveLength(4);
    expect(reply).toMatch(/80% interval/);
    expect(reply).toMatch(/Method: [\w-]+\. Why: ./);
  });

  it('takes the horizon from a quantity', async () => {
    const [record] = await readStock({ db: store.db });
    const reply = await say(parse('demand_forecast', [skuEntity(record?.sku ?? ''), { type: 'quantity', value: '2' }]));
    expect(reply.split('\n').filter((line) => /^\w{3} \d+ \w{3} \| /.test(line))).toHaveLength(2);
  });

  it('tells staff plainly when a staff question is not available yet', async () => {
    expect(await say(parse('sentiment_summary'))).toBe(messagesIn('en').staffNotYet);
  });

  it.each(['low_stock', 'stock_level', 'demand_forecast'])('answers a customer asking %s with staffOnly', async (intent) => {
    expect(await say(parse(intent, [skuEntity('APP-1042')]), CUSTOMER)).toBe(messagesIn('en').staffOnly);
    expect(state.pending).toBeUndefined();
  });

  it.each([
    ['low_stock_list', {}],
    ['stock_level', { sku: 'APP-1042' }],
    ['demand_forecast', { sku: 'APP-1042' }],
  ])('refuses a customer calling %s directly with ForbiddenError', async (tool, args) => {
    const outcome = await tools.call({ db: store.db, caller: CUSTOMER, tool, args, now: NOW });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ForbiddenError);
  });
});

describe('staff roles', () => {
  let store: TestStore;
  const tools = createBotTools();
  beforeAll(async () => { store = await openSeededTestStore({ seed: 42, now: NOW }); });
  afterAll(async () => { await store.cleanup(); });

  it('refuses a tool the staff role does not include, politely, and audits the refusal', async () => {
    const agent: Caller = { role: 'staff', staffId: 4, staffRole: 'agent', conversationId: 's-roles' };
    const state = emptyState();
    const outcome = await respond({
      db: store.db, tools, state, now: NOW, limits: { maxAttempts: 3, windowSeconds: 900 }, caller: agent,
      parse: { text: 'how did we do last month', language: 'en', intents: [{ name: 'process_metrics', confidence: 0.9 }], entities: [] },
    });
    expect(outcome.replies.map((r) => r.text)).toEqual([messagesIn('en').notAllowed]);
    const audit = await store.db.selectFrom('audit_log').select(['tool', 'outcome', 'actor_id']).where('conversation_id', '=', 's-roles').execute();
    expect(audit).toEqual([{ tool: 'process_metrics', outcome: 'refused', actor_id: '4' }]);
  });

  it('lets the roles a tool names through', async () => {
    const inventory: Caller = { role: 'staff', staffId: 6, staffRole: 'inventory' };
    const logistics: Caller = { role: 'staff', staffId: 3, staffRole: 'logistics' };
    const call = (caller: Caller, tool: string) => tools.call({ db: store.db, caller, tool, args: {}, now: NOW });
    expect((await call(inventory, 'low_stock_list')).ok).toBe(true);
    expect((await call(logistics, 'low_stock_list')).ok).toBe(false);
    expect((await call(logistics, 'process_metrics')).ok).toBe(false);
  });
});
