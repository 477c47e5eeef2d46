import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, ParseResult } from '../../core/nlu.js';
import type { Caller } from '../../core/tools.js';
import { formatMoney } from '../../core/money.js';
import { RECOMMENDATION_TASKS, recommendationArgs } from '../../bot/ops-tasks/recommendations.js';
import { registerRecommendationTools, type ProductRecommendations } from '../../bot/tools/recommendations.js';
import { ToolRegistry } from '../../bot/tools/registry.js';
import { CoOccurrence, readCatalog, readOrderBaskets } from '../../ops/index.js';
import type { Database } from '../../store/index.js';
import type { Kysely } from 'kysely';
import { openSeededTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const STAFF: Caller = { role: 'staff', staffId: 7, staffRole: 'manager' };
const ANONYMOUS: Caller = { role: 'customer', conversationId: 'c-anon' };

/** Product suggestions for customers, against the small seeded demo shop. */
describe('recommend_products', () => {
  let store: TestStore;
  const registry = registerRecommendationTools(new ToolRegistry());
  let anchor: { id: number; sku: string; name: string };
  let customer: Caller;
  let purchased: Set<number>;

  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
    const baskets = await readOrderBaskets({ db: store.db });
    const [top] = CoOccurrence.from(baskets).popularity();
    anchor = await store.db.selectFrom('products').select(['id', 'sku', 'name']).where('id', '=', top?.productId ?? -1).executeTakeFirstOrThrow();
    const buyer = baskets.find((b) => b.productIds.length > 1) ?? baskets[0];
    customer = { role: 'customer', customerId: buyer?.customerId ?? 1, conversationId: 'c-rec' };
    purchased = new Set(baskets.filter((b) => b.customerId === customer.customerId).flatMap((b) => b.productIds));
  });
  afterAll(async () => { await store?.cleanup(); });

  async function recommend(args: unknown, options: { caller?: Caller; db?: Kysely<Database> } = {}) {
    const outcome = await registry.call({ db: options.db ?? store.db, caller: options.caller ?? customer, tool: 'recommend_products', args, now: NOW });
    if (!outcome.ok) throw outcome.error;
    return { text: outcome.result.text, data: outcome.result.data as ProductRecommendations };
  }
  const bullets = (text: string) => text.split('\n').filter((line) => line.startsWith('• '));
  async function inStockIds(db: Kysely<Database> = store.db) {
    return new Set((await readCatalog({ db })).filter((c) => c.available > 0).map((c) => c.productId));
  }

  it('lists what customers also bought with a SKU: in stock, never the product itself, with name, SKU, price and a reason', async () => {
    const { text, data } = await recommend({ sku: anchor.sku.toLowerCase() });
    expect(text.split('\n')[0]).toBe(`Customers who bought ${anchor.name} (${anchor.sku}) also bought:`);
    expect(data.items).toHaveLength(5);
    expect(bullets(text)).toHaveLength(5);
    const stocked = await inStockIds();
    for (const item of data.items) {
      expect(item.productId).not.toBe(anchor.id);
      expect(stocked.has(item.productId)).toBe(true);
      expect(text).toContain(`• ${item.name} (${item.sku}), ${formatMoney(item.priceMinor, item.currency)}: `);
    }
    expect(bullets(text)[0]).toMatch(/: bought together with it in \d+ orders?$/);
  });

  it('never recommends a product that has gone out of stock', async () => {
    const { data: before } = await recommend({ sku: anchor.sku });
    const gone = before.items[0];
    if (!gone) throw new Error('no recommendation to take out of stock');
    let after: ProductRecommendations | undefined;
    await expect(store.db.transaction().execute(async (trx) => {
      await trx.updateTable('stock').set((eb) => ({ on_hand: eb.ref('reserved') })).where('product_id', '=', gone.productId).execute();
      after = (await recommend({ sku: anchor.sku }, { db: trx })).data;
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(after?.items.map((i) => i.productId)).not.toContain(gone.productId);
    expect(after?.items).toHaveLength(5);
  });

  it('finds the product by name, case-insensitively, and answers the same as by SKU', async () => {
    const bySku = await recommend({ sku: anchor.sku, limit: 3 });
    const byName = await recommend({ productName: anchor.name.toUpperCase(), limit: 3 });
    expect(byName.data.anchor?.sku).toBe(anchor.sku);
    expect(byName.text).toBe(bySku.text);
    expect(bullets(byName.text)).toHaveLength(3);
  });

  it('says when the product named is not in the catalogue, and still suggests best sellers', async () => {
    const { text, data } = await recommend({ productName: 'unicorn saddle' }, { caller: ANONYMOUS });
    expect(text.split('\n')[0]).toBe('I couldn\'t find "unicorn saddle" in our catalogue. Our best sellers in stock right now:');
    expect(data.items.every((i) => i.reason === 'popular')).toBe(true);
  });

  it('picks for an identified customer: in stock, nothing they already bought', async () => {
    const { data, text } = await recommend({});
    expect(data.items.length).toBeGreaterThan(0);
    const stocked = await inStockIds();
    for (const item of data.items) {
      expect(stocked.has(item.productId)).toBe(true);
      expect(purchased.has(item.productId)).toBe(false);
    }
    expect(bullets(text)).toHaveLength(data.items.length);
  });

  it('gives best sellers to anonymous customers and staff, most ordered first', async () => {
    for (const caller of [ANONYMOUS, STAFF]) {
      const { text, data } = await recommend({ limit: 4 }, { caller });
      expect(text.split('\n')[0]).toBe('Our best sellers in stock right now:');
      expect(data.items).toHaveLength(4);
      const orders = data.items.map((i) => i.orders);
      expect([...orders].sort((a, b) => b - a)).toEqual(orders);
      expect(bullets(text)[0]).toMatch(/: a best seller, in \d+ orders?$/);
    }
  });

  it('refuses a limit above 10', async () => {
    const outcome = await registry.call({ db: store.db, caller: customer, tool: 'recommend_products', args: { limit: 11 }, now: NOW });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('invalid_input');
  });

  it('answers in Chinese', async () => {
    const outcome = await registry.call({ db: store.db, caller: customer, tool: 'recommend_products', args: { sku: anchor.sku }, now: NOW, language: 'zh' });
    expect(outcome.ok && outcome.result.text.split('\n')[0]).toBe(`购买了 ${anchor.name}（${anchor.sku}）的顾客还买了：`);
  });
});

describe('recommend_product task', () => {
  const parse = (entities: Partial<Entity>[]): ParseResult => ({
    text: 'recommend', language: 'en', intents: [{ name: 'recommend_product', confidence: 0.9 }],
    entities: entities.map((e) => ({ type: 'product', value: '', text: '', start: 0, end: 0, extractor: 'test', ...e })),
  });

  it('starts recommend_products with the SKU and product the NLU found, asking for nothing', () => {
    expect(RECOMMENDATION_TASKS.recommend_product).toMatchObject({ tool: 'recommend_products', slots: [], needsCustomer: false });
    expect(recommendationArgs({ parse: parse([{ type: 'sku', value: 'app-1042' }, { value: 'walking boots' }]) })).toEqual({ sku: 'APP-1042', productName: 'walking boots' });
    expect(recommendationArgs({ parse: parse([]) })).toEqual({});
  });
});
