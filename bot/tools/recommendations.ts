import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Caller } from '../../core/tools.js';
import {
  alsoBought, CoOccurrence, popularProducts, readCatalog, readOrderBaskets, recommendForCustomer, similarProducts,
  type OrderBasket, type Recommendation, type RecommenderData,
} from '../../ops/index.js';
import type { Database } from '../../store/index.js';
import { recommendationsMessages, type CatalogueProduct, type RecommendedProduct } from '../messages/recommendations.js';
import { ToolRegistry, type BotTool } from './registry.js';

/** Products listed when the question names no number. */
export const DEFAULT_RECOMMENDATIONS = 5;

const Sku = z.string().trim().toUpperCase().pipe(z.string().min(1).max(64));
const RecommendArgs = z.object({
  sku: Sku.optional(),
  /** A product's name or part of it, as the customer wrote it ("walking boots"). */
  productName: z.string().trim().min(1).max(200).optional(),
  /** @defaultValue {@link DEFAULT_RECOMMENDATIONS} */
  limit: z.number().int().min(1).max(10).optional(),
}).strict();

/** Arguments of `recommend_products`. */
export type RecommendProductsArgs = z.infer<typeof RecommendArgs>;

export type { CatalogueProduct } from '../messages/recommendations.js';

/** The tool's data: the product asked about (when found) and the picks, best first. */
export interface ProductRecommendations {
  anchor?: CatalogueProduct;
  /** The SKU or name asked about that matched no product. */
  notFound?: string;
  items: RecommendedProduct[];
}

async function readProducts(db: Kysely<Database>): Promise<CatalogueProduct[]> {
  const rows = await db.selectFrom('products').select(['id', 'sku', 'name', 'category', 'price_minor', 'currency']).orderBy('id').execute();
  return rows.map((r) => ({ productId: r.id, sku: r.sku, name: r.name, category: r.category, priceMinor: r.price_minor, currency: r.currency }));
}

/**
 * The product a customer means: the SKU exactly; else the name, case-insensitively, whole first, else
 * the best seller whose name contains the words (then the words without a plural "s": "tents").
 *
 * @remarks Deliberately simple: no fuzzy matching, so a name that matches nothing is said to match
 * nothing rather than guessed at; the NLU's `product` entity is usually a name or a kind of product.
 */
export function findProduct(options: { products: readonly CatalogueProduct[]; counts: CoOccurrence; sku?: string; name?: string }): CatalogueProduct | undefined {
  const { products, counts } = options;
  const bySku = options.sku === undefined ? undefined : products.find((p) => p.sku === options.sku);
  if (bySku) return bySku;
  const name = options.name?.trim().toLowerCase();
  if (!name) return undefined;
  const exact = products.find((p) => p.name.toLowerCase() === name);
  if (exact) return exact;
  for (const words of [name, name.replace(/s$/, '')]) {
    const matches = products.filter((p) => words.length >= 3 && p.name.toLowerCase().includes(words));
    const best = matches.sort((a, b) => counts.count(b.productId) - counts.count(a.productId) || a.productId - b.productId)[0];
    if (best) return best;
  }
  return undefined;
}

/** "Also bought", topped up with "something like this", then with best sellers; never the anchor itself. */
function forProduct(data: RecommenderData, productId: number, limit: number): Recommendation[] {
  const picks = alsoBought({ ...data, productId, limit });
  const taken = new Set([productId, ...picks.map((r) => r.productId)]);
  for (const r of similarProducts({ ...data, productId, limit })) {
    if (picks.length >= limit || taken.has(r.productId)) continue;
    picks.push(r);
    taken.add(r.productId);
  }
  const rest = limit - picks.length;
  return rest > 0 ? [...picks, ...popularProducts({ ...data, exclude: [...taken], limit: rest })] : picks;
}

/** Personal picks for an identified customer; best sellers for anyone else. */
function forCaller(data: RecommenderData, options: { caller: Caller; baskets: readonly OrderBasket[]; limit: number }): Recommendation[] {
  const { customerId } = options.caller;
  if (customerId === undefined) return popularProducts({ ...data, limit: options.limit });
  const purchased = options.baskets.filter((b) => b.customerId === customerId).flatMap((b) => b.productIds);
  return recommendForCustomer({ ...data, purchased, limit: options.limit });
}

function describe(picks: readonly Recommendation[], options: { products: readonly CatalogueProduct[]; counts: CoOccurrence; anchor?: CatalogueProduct }): RecommendedProduct[] {
  const byId = new Map(options.products.map((p) => [p.productId, p]));
  const together = new Map((options.anchor ? options.counts.neighbours(options.anchor.productId, { minSupport: 1 }) : []).map((n) => [n.productId, n.support]));
  return picks.flatMap((r) => {
    const product = byId.get(r.productId);
    if (!product) return [];
    return [{
      ...product, reason: r.reason, orders: options.counts.count(r.productId), together: together.get(r.productId) ?? 0,
      sameCategory: options.anchor !== undefined && product.category === options.anchor.category,
    }];
  });
}

/**
 * `recommend_products`: "customers who bought X also bought" for a product named by SKU or name,
 * else personal picks for an identified customer, else best sellers.
 *
 * @remarks Read-only, for customers and staff. Only products in stock now are recommended (the ops
 * recommenders drop everything else), and never the product asked about. The co-occurrence counts
 * are built from every non-cancelled order on each call: about 12–20 ms on the full demo shop
 * (~4,800 orders), so nothing is cached.
 */
export const recommendProductsTool: BotTool<RecommendProductsArgs, ProductRecommendations> = {
  name: 'recommend_products',
  description: 'Product suggestions in stock: bought together with a product (by SKU or name), or picked for the customer.',
  args: RecommendArgs,
  roles: ['customer', 'staff'],
  changesState: false,
  async run(ctx, args) {
    const limit = args.limit ?? DEFAULT_RECOMMENDATIONS;
    const [baskets, catalog, products] = await Promise.all([
      readOrderBaskets({ db: ctx.db, before: ctx.now.toISOString() }), readCatalog({ db: ctx.db }), readProducts(ctx.db),
    ]);
    const data: RecommenderData = { counts: CoOccurrence.from(baskets), catalog };
    const asked = args.sku ?? args.productName;
    const anchor = asked === undefined ? undefined : findProduct({ products, counts: data.counts, sku: args.sku, name: args.productName });
    const picks = anchor ? forProduct(data, anchor.productId, limit) : forCaller(data, { caller: ctx.caller, baskets, limit });
    const items = describe(picks, { products, counts: data.counts, anchor });
    const notFound = asked !== undefined && !anchor ? asked : undefined;
    const text = recommendationsMessages[ctx.language].recommendations({ anchor, notFound, items });
    return { data: { ...(anchor ? { anchor } : {}), ...(notFound ? { notFound } : {}), items }, text };
  },
};

/**
 * Registers the recommendation tools (`recommend_products`) on a registry.
 *
 * @remarks Open to customers and staff; anonymous customers get best sellers.
 */
export function registerRecommendationTools(registry: ToolRegistry = new ToolRegistry()): ToolRegistry {
  return registry.register(recommendProductsTool);
}
