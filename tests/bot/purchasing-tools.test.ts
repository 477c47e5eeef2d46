import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, RuleViolationError } from '../../core/errors.js';
import type { Caller } from '../../core/tools.js';
import { ToolRegistry, type ToolOutcome } from '../../bot/tools/registry.js';
import { registerPurchasingTools } from '../../bot/tools/purchasing.js';
import { PURCHASING_TASKS } from '../../bot/ops-tasks/purchasing.js';
import type { ParseResult } from '../../core/nlu.js';
import { planPurchaseOrdersFromStore } from '../../ops/index.js';
import { openSeededTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const STAFF: Caller = { role: 'staff', staffId: 7, staffRole: 'manager', conversationId: 's-po' };
const CUSTOMER: Caller = { role: 'customer', customerId: 1, conversationId: 'c-po' };

const textOf = (outcome: ToolOutcome): string => (outcome.ok ? outcome.result.text : `refused: ${outcome.error.userMessage}`);

/** The purchasing tools called through the registry, as the dialogue calls them, on the small demo shop. */
describe('purchasing tools', () => {
  let store: TestStore;
  const registry = registerPurchasingTools(new ToolRegistry());
  const call = (tool: string, args: unknown = {}, caller: Caller = STAFF, language: 'en' | 'zh' = 'en') =>
    registry.call({ db: store.db, caller, tool, args, now: NOW, language });
  const preview = (args: unknown = {}, caller: Caller = STAFF) =>
    registry.preview({ db: store.db, caller, tool: 'create_purchase_orders', args, now: NOW });
  const count = async (table: 'purchase_orders' | 'audit_log') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('shows staff a table per supplier with what to order, the assumptions and how to confirm', async () => {
    const plan = await planPurchaseOrdersFromStore({ db: store.db, now: NOW });
    const text = textOf(await call('reorder_suggestions'));
    expect(text).toMatch(/^Reorder suggestions in all warehouses: \d+ supplier\(s\), \d+ line\(s\)\./);
    expect(text).toContain('SKU | Warehouse | Available | On order | Reorder point | Order qty | Packs');
    const line = plan.orders[0]!.lines[0]!;
    expect(text).toContain(`${plan.orders[0]!.supplier.name}: ${plan.orders[0]!.lines.length} line(s), ${plan.orders[0]!.totalUnits} units, value unknown`);
    expect(text).toContain(`${line.sku} | ${line.warehouse} | ${line.position} | 0 | ${line.policy.reorderPoint} | ${line.quantity} | ${line.packs} × 1`);
    expect(text).toMatch(/Assumed: service level 95%, lead time from each supplier/);
    expect(text).toMatch(/pack size\/MOQ: none recorded, so single units/);
    expect(text).toMatch(/Say 'create the purchase orders' to save them as drafts/);
  });

  it('narrows to a warehouse and says so when a supplier name is unknown', async () => {
    const leeds = textOf(await call('reorder_suggestions', { warehouse: 'lds' }));
    const rows = leeds.split('\n').filter((l) => /^[A-Z]{3}-\d{4} \|/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.split(' | ')[1] === 'LDS')).toBe(true);
    expect(textOf(await call('reorder_suggestions', { supplier: 'Acme' }))).toBe("I can't find a supplier called Acme. Please check the name or code.");
  });

  it('answers in Chinese for a Chinese conversation', async () => {
    expect(textOf(await call('reorder_suggestions', {}, STAFF, 'zh'))).toMatch(/^补货建议（全部仓库）：共 \d+ 个供应商/);
  });

  it('previews the drafts it would create without writing anything', async () => {
    const [orders, audits] = [await count('purchase_orders'), await count('audit_log')];
    const outcome = await preview();
    expect(outcome.ok).toBe(true);
    expect(textOf(outcome)).toMatch(/^I'll save \d+ draft purchase order\(s\) in all warehouses, \d+ line\(s\) and \d+ units in total/);
    expect(textOf(outcome)).toMatch(/Nothing is sent to suppliers\. Create them\?$/);
    expect(await count('purchase_orders')).toBe(orders);
    expect(await count('audit_log')).toBe(audits);
  });

  it('stores the drafts on confirmation, replies with their numbers and audits the call', async () => {
    const outcome = await store.db.transaction().execute((trx) =>
      registry.call({ db: trx, caller: STAFF, tool: 'create_purchase_orders', args: {}, now: NOW }));
    const stored = await store.db.selectFrom('purchase_orders').selectAll().orderBy('id').execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((po) => po.status === 'draft' && po.created_by === 'staff:7' && po.conversation_id === 's-po')).toBe(true);
    const text = textOf(outcome);
    expect(text).toMatch(new RegExp(`^Saved ${stored.length} draft purchase order\\(s\\):`));
    for (const po of stored) expect(text).toContain(`PO-${String(po.id).padStart(6, '0')}`);
    const audit = await store.db.selectFrom('audit_log').selectAll().where('tool', '=', 'create_purchase_orders').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'staff', actor_id: '7', conversation_id: 's-po', outcome: 'ok' });
    expect(audit.result).toContain(`PO-${String(stored[0]!.id).padStart(6, '0')}`);
  });

  it('then has nothing left to order, and refuses to ask for confirmation of nothing', async () => {
    expect(textOf(await call('reorder_suggestions'))).toMatch(/^Nothing needs ordering in all warehouses as of 2026-11-25/);
    const outcome = await preview();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(RuleViolationError);
    expect(outcome.error).toMatchObject({ code: 'nothing_to_order', retryable: false });
    const before = await count('purchase_orders');
    expect((await call('create_purchase_orders')).ok).toBe(false);
    expect(await count('purchase_orders')).toBe(before);
  });

  it('refuses customers both tools', async () => {
    for (const tool of ['reorder_suggestions', 'create_purchase_orders']) {
      const outcome = await call(tool, {}, CUSTOMER);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ForbiddenError);
    }
    expect((await preview({}, CUSTOMER)).ok).toBe(false);
  });
});

describe('purchasing tasks', () => {
  it('start the reorder tools with the warehouse and SKU named, asking for nothing', () => {
    const parse: ParseResult = {
      text: 'how much of APP-1042 should we buy for Leeds', language: 'en', intents: [{ name: 'reorder_suggestion', confidence: 0.9 }],
      entities: [
        { type: 'sku', value: 'app-1042', text: 'APP-1042', start: 11, end: 19, extractor: 'test' },
        { type: 'warehouse', value: 'LDS', text: 'Leeds', start: 39, end: 44, extractor: 'test' },
      ],
    };
    const task = PURCHASING_TASKS.reorder_suggestion!;
    expect(task).toMatchObject({ tool: 'reorder_suggestions', slots: [], needsCustomer: false });
    expect(task.initialArgs?.({ parse, now: NOW })).toEqual({ warehouse: 'LDS', sku: 'APP-1042' });
    expect(PURCHASING_TASKS.create_purchase_order).toMatchObject({ tool: 'create_purchase_orders', slots: [] });
    expect(PURCHASING_TASKS.create_purchase_order!.initialArgs?.({ parse: { ...parse, entities: [] }, now: NOW })).toEqual({});
  });
});
