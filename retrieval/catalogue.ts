import type { Kysely } from 'kysely';
import { z } from 'zod';
import { formatMoney } from '../core/money.js';
import type { Database } from '../store/schema.js';
import type { BatchUpserter } from './ingest-folder.js';
import type { DocumentInput, UpsertManyResult } from './types.js';

/** Origin recorded on product documents, so a later catalogue ingest can drop discontinued products. */
export const CATALOGUE_ORIGIN = 'store:products';

const AttributesSchema = z.record(z.string(), z.unknown()).catch({});

function labelOf(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One product as a Markdown document: its name as the title, description and attributes as text. */
export function productDocument(row: { sku: string; name: string; description: string; category: string; price_minor: number; currency: string; attributes: string }): DocumentInput {
  let raw: unknown;
  try {
    raw = JSON.parse(row.attributes);
  } catch {
    raw = {};
  }
  const attributes = AttributesSchema.parse(raw);
  const lines = [
    `# ${row.name}`, '', row.description, '',
    `- Category: ${row.category}`,
    `- Price: ${formatMoney(row.price_minor, row.currency)}`,
    `- SKU: ${row.sku}`,
    ...Object.entries(attributes).map(([key, value]) => `- ${labelOf(key)}: ${valueOf(value)}`),
  ];
  return { id: `product:${row.sku}`, fileName: `${row.sku}.md`, title: row.name, content: lines.join('\n'), type: 'product', category: row.category };
}

/**
 * Ingests the store's active products as documents (type `product`, filterable by category);
 * products no longer active or gone are removed.
 *
 * @example
 * ```ts
 * await ingestCatalogue(kb, store.db);
 * ```
 */
export async function ingestCatalogue(kb: BatchUpserter, db: Kysely<Database>, options: { signal?: AbortSignal } = {}): Promise<UpsertManyResult> {
  const rows = await db.selectFrom('products')
    .select(['sku', 'name', 'description', 'category', 'price_minor', 'currency', 'attributes'])
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return kb.upsertDocuments(rows.map(productDocument), { origin: CATALOGUE_ORIGIN, prune: true, signal: options.signal });
}
