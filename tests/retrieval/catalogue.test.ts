import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { productDocument, type KnowledgeBaseService } from '../../retrieval/index.js';
import { openTestStore, type TestStore } from '../helpers/store.js';
import { createCountingEncoder, createWorkspace, openTestKb, type KbWorkspace } from './kb-test-kit.js';

const PRODUCTS = [
  { id: 1, sku: 'JKT-1001', name: 'Helvellyn Waterproof Jacket', description: 'A three-layer waterproof shell for hill walking.', category: 'apparel', price_minor: 14900, attributes: { colour: 'Red', sizes: ['S', 'M', 'L'], material: 'recycled nylon' } },
  { id: 2, sku: 'BTS-1002', name: 'Scafell Walking Boots', description: 'Leather walking boots with a Vibram sole.', category: 'footwear', price_minor: 12900, attributes: { colour: 'Brown', material: 'nubuck leather', waterproof: true } },
  { id: 3, sku: 'LMP-1003', name: 'Buttermere Camp Lantern', description: 'A rechargeable LED lantern for the tent.', category: 'outdoor', price_minor: 3500, attributes: { batteryHours: 40 } },
];

describe('product catalogue ingestion', () => {
  let store: TestStore;
  let ws: KbWorkspace;
  let kb: KnowledgeBaseService;

  beforeEach(async () => {
    store = await openTestStore('sqlite');
    await store.db.insertInto('suppliers').values({ id: 1, name: 'Fell Supply', email: 'sales@fell.example', country: 'GB', lead_time_days: 7 }).execute();
    await store.db.insertInto('products').values(PRODUCTS.map((p) => ({ ...p, currency: 'GBP', supplier_id: 1, attributes: JSON.stringify(p.attributes), active: 1 }))).execute();
    ws = createWorkspace();
    kb = await openTestKb({ dir: ws.index, encoder: createCountingEncoder() });
  });
  afterEach(async () => {
    await kb.close();
    ws.cleanup();
    await store.cleanup();
  });

  it('renders a product as a document with its attributes', () => {
    const doc = productDocument({ ...PRODUCTS[1]!, currency: 'GBP', attributes: JSON.stringify(PRODUCTS[1]!.attributes) });
    expect(doc).toMatchObject({ id: 'product:BTS-1002', type: 'product', category: 'footwear', title: 'Scafell Walking Boots' });
    expect(doc.content).toContain('- Material: nubuck leather');
    expect(doc.content).toContain('- Price: £129.00');
    expect(doc.content).toContain('- Waterproof: true');
  });

  it('ingests active products, filterable by category, and drops deactivated ones on the next run', async () => {
    const first = await kb.ingestCatalogue(store.db);
    expect(first.results).toHaveLength(3);
    const hits = await kb.search('leather walking boots', { k: 3 });
    expect(hits[0]).toMatchObject({ docId: 'product:BTS-1002', type: 'product', category: 'footwear' });
    const outdoor = await kb.search('lantern', { k: 5, filters: { type: 'product', category: 'outdoor' } });
    expect(outdoor.map((h) => h.docId)).toEqual(['product:LMP-1003']);

    await store.db.updateTable('products').set({ active: 0 }).where('id', '=', 2).execute();
    const second = await kb.ingestCatalogue(store.db);
    expect(second.deleted).toEqual(['product:BTS-1002']);
    expect(second.results.every((r) => r.added === 0 && r.updated === 0)).toBe(true);
    expect((await kb.search('leather walking boots', { k: 5 })).some((h) => h.docId === 'product:BTS-1002')).toBe(false);
  });

  it('keeps product documents apart from an ingested folder', async () => {
    await kb.ingestCatalogue(store.db);
    await kb.ingestFolder(ws.docs);
    expect(kb.stats().documents).toBe(3 + 8);
    await kb.ingestCatalogue(store.db);
    expect(kb.stats().documents).toBe(3 + 8);
  });
});
