import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../core/errors.js';
import type { Entity, ParseResult } from '../../core/nlu.js';
import type { Caller } from '../../core/tools.js';
import { allocationMessages } from '../../bot/messages/allocation.js';
import { ALLOCATION_TASKS, allocationArgs } from '../../bot/ops-tasks/allocation.js';
import { registerAllocationTools, type OrderWarehouseAnswer } from '../../bot/tools/allocation.js';
import { ToolRegistry } from '../../bot/tools/registry.js';
import { createPostcodeLocator } from '../../ops/index.js';
import { FIRST_ORDER_ID } from '../../store/seed/index.js';
import { TOWNS } from '../../store/seed/uk-data.js';
import { openSeededTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const STAFF: Caller = { role: 'staff', staffId: 7, staffRole: 'manager', conversationId: 's-alloc' };
const CUSTOMER: Caller = { role: 'customer', customerId: 1, conversationId: 'c-alloc' };

function parse(text: string, entities: Partial<Entity>[] = []): ParseResult {
  return {
    text, language: 'en', intents: [{ name: 'order_warehouse', confidence: 0.9 }],
    entities: entities.map((e) => ({ type: 'warehouse', value: '', text: '', start: 0, end: 0, extractor: 'test', ...e })),
  };
}

/** "Why did order X ship from W?" for staff, against the small seeded demo shop. */
describe('explain_order_warehouse', () => {
  let store: TestStore;
  const registry = registerAllocationTools(new ToolRegistry());
  let order: { id: number; code: string; city: string };
  let other: { code: string; city: string };

  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
    const row = await store.db.selectFrom('orders').innerJoin('warehouses', 'warehouses.id', 'orders.warehouse_id')
      .select(['orders.id', 'warehouses.code', 'warehouses.city']).where('orders.id', '=', FIRST_ORDER_ID).executeTakeFirstOrThrow();
    order = row;
    other = await store.db.selectFrom('warehouses').select(['code', 'city']).where('code', '!=', row.code).orderBy('code').executeTakeFirstOrThrow();
  });
  afterAll(async () => { await store?.cleanup(); });

  async function ask(args: unknown, caller: Caller = STAFF, language: 'en' | 'zh' = 'en') {
    return registry.call({ db: store.db, caller, tool: 'explain_order_warehouse', args, now: NOW, language });
  }
  async function explain(args: unknown, language: 'en' | 'zh' = 'en'): Promise<{ text: string; data: OrderWarehouseAnswer }> {
    const outcome = await ask(args, STAFF, language);
    if (!outcome.ok) throw outcome.error;
    return { text: outcome.result.text, data: outcome.result.data as OrderWarehouseAnswer };
  }

  it('names the warehouse the order really shipped from, compares every warehouse and states the cost model', async () => {
    const { text, data } = await explain({ orderId: order.id });
    expect(data.shippedFrom).toBe(order.code);
    expect(text.split('\n')[0]).toBe(`Order #${order.id} shipped from ${order.city} (${order.code}).`);
    const warehouses = await store.db.selectFrom('warehouses').select(['code', 'city']).execute();
    for (const w of warehouses) expect(text).toMatch(new RegExp(`^• ${w.city} \\(${w.code}\\): .*\\d+ km · £\\d+\\.\\d\\d`, 'm'));
    expect(text).toMatch(new RegExp(`^• ${order.city} \\(${order.code}\\): has every item.* ← shipped from here$`, 'm'));
    expect(text).toMatch(new RegExp(`^Why: .*${order.city}`, 'm'));
    expect(text).toMatch(/^Assumed: shipping cost = £2\.50 per parcel \+ £1\.00 per 100 km, .*postcode district/m);
  });

  it('says plainly when the staff member names a city with no warehouse ("you said Bristol")', async () => {
    const { text, data } = await explain({ orderId: order.id, warehouse: 'Bristol' });
    expect(text.split('\n')[0]).toBe(`Note: you said Bristol, but we have no warehouse there. Order #${order.id} shipped from ${order.city} (${order.code}).`);
    expect(data.mention).toEqual({ said: 'Bristol' });
  });

  it('says plainly when the staff member names another of our warehouses', async () => {
    const { text } = await explain({ orderId: order.id, warehouse: other.city.toLowerCase() });
    expect(text.split('\n')[0]).toBe(
      `Note: you said ${other.city} (${other.code}), but order #${order.id} did not ship from there: it shipped from ${order.city} (${order.code}).`,
    );
  });

  it('confirms when the staff member named the right warehouse, by code', async () => {
    const { text } = await explain({ orderId: order.id, warehouse: order.code.toLowerCase() });
    expect(text.split('\n')[0]).toBe(`Yes: order #${order.id} shipped from ${order.city} (${order.code}).`);
  });

  it('says which warehouse the rules would pick today when stock or costs have moved since', async () => {
    // Inside a transaction that is rolled back: move the other warehouse next to the customer.
    const { postcode } = JSON.parse((await store.db.selectFrom('orders').select('delivery_address').where('id', '=', order.id).executeTakeFirstOrThrow()).delivery_address) as { postcode: string };
    const spot = createPostcodeLocator(TOWNS)(postcode);
    if (!spot) throw new Error(`seeded postcode ${postcode} cannot be placed`);
    let text = '';
    await expect(store.db.transaction().execute(async (trx) => {
      await trx.updateTable('warehouses').set({ lat: spot.lat, lng: spot.lng }).where('code', '=', other.code).execute();
      const outcome = await registry.call({ db: trx, caller: STAFF, tool: 'explain_order_warehouse', args: { orderId: order.id }, now: NOW });
      if (outcome.ok) text = outcome.result.text;
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(text.split('\n')[0]).toBe(`Order #${order.id} shipped from ${order.city} (${order.code}).`);
    expect(text).toMatch(new RegExp(`^• ${other.city} \\(${other.code}\\): has every item · 0 km · £2\\.50$`, 'm'));
    expect(text).toMatch(new RegExp(`^Why: with today's stock and costs the rules would choose ${other.city} \\(${other.code}\\) instead: ${order.city} has every item but costs £\\d+\\.\\d\\d to ship\\.`, 'm'));
  });

  it('answers in Chinese', async () => {
    const { text } = await explain({ orderId: order.id, warehouse: 'Bristol' }, 'zh');
    expect(text).toContain(`订单 #${order.id} 是从 ${order.city}（${order.code}）发货的。`);
    expect(text).toMatch(/^假设：运费 = 每个包裹 £2\.50/m);
  });

  it('refuses an order that does not exist as not found', async () => {
    const outcome = await ask({ orderId: 999_999 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('not_found');
  });

  it('refuses customers with ForbiddenError, even for their own order', async () => {
    const outcome = await ask({ orderId: order.id }, CUSTOMER);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ForbiddenError);
  });
});

describe('order_warehouse task', () => {
  const task = ALLOCATION_TASKS.order_warehouse;

  it('runs explain_order_warehouse and asks for the order number when it is missing', async () => {
    expect(task?.tool).toBe('explain_order_warehouse');
    const slot = task?.slots.find((s) => s.name === 'orderId');
    expect(slot?.entityType).toBe('order_id');
    const ctx = { parse: parse('why did it ship from Leeds'), asked: false, language: 'en', args: {} } as never;
    expect(await slot?.fill(ctx)).toBeUndefined();
    expect(await slot?.ask(ctx)).toEqual({ text: allocationMessages.en.askOrderId });
    expect(await slot?.fill({ ...(ctx as object), parse: parse('100234'), asked: true } as never)).toEqual({ value: 100234 });
  });

  it('takes the warehouse from the NLU entity, or from "ship from <city>" when the NLU tags none', () => {
    expect(allocationArgs({ parse: parse('why did 100234 go from Leeds', [{ type: 'warehouse', value: 'LDS' }]) })).toEqual({ warehouse: 'LDS' });
    expect(allocationArgs({ parse: parse('why did order 100234 ship from Bristol?') })).toEqual({ warehouse: 'Bristol' });
    expect(allocationArgs({ parse: parse('why was 100234 shipped from the Bristol warehouse') })).toEqual({ warehouse: 'Bristol' });
    expect(allocationArgs({ parse: parse('为什么订单100234从布里斯托发货') })).toEqual({ warehouse: '布里斯托' });
    expect(allocationArgs({ parse: parse('why did order 100234 ship there') })).toEqual({});
  });
});
