import type { Insertable } from 'kysely';
import type { ProductsTable } from '../schema.js';
import { GEAR_TYPES } from './catalog-data-gear.js';
import { WEAR_TYPES } from './catalog-data-wear.js';
import { CATEGORY_SHARE, RANGE_NAMES, type Category, type ProductType } from './catalog-types.js';
import type { Rng } from './random.js';
import { DEMO_SHOP } from './reference.js';

/** How fast an item sells; slow movers have intermittent demand with many zero days. */
export type DemandClass = 'fast' | 'medium' | 'slow';

/** A product row plus the hidden demand profile the sales and order generators use. */
export interface SeedProduct {
  row: Insertable<ProductsTable> & { id: number; price_minor: number };
  type: ProductType;
  demand: DemandClass;
  /** Mean national units per day before trend, seasonality and promotions. */
  baseRate: number;
}

const ALL_TYPES: readonly ProductType[] = [...WEAR_TYPES, ...GEAR_TYPES];
const CATEGORIES = Object.keys(CATEGORY_SHARE) as Category[];
const SKU_PREFIX: Readonly<Record<Category, string>> = {
  apparel: 'APP', footwear: 'FTW', outdoor: 'OUT', home: 'HOM', electronics: 'ELE', accessories: 'ACC',
};
const CATEGORY_SUPPLIERS: Readonly<Record<Category, readonly number[]>> = {
  apparel: [1, 1, 3], footwear: [2], outdoor: [3, 3, 1], home: [5], electronics: [4], accessories: [1, 3],
};
const RATE_RANGE: Readonly<Record<DemandClass, readonly [number, number]>> = {
  fast: [5, 12], medium: [0.8, 3], slow: [0.06, 0.4],
};

/** A product pinned to a fixed name, price and look. */
interface Featured {
  range: string;
  priceMinor: number;
  colour: string;
  material: string;
}

/**
 * Products the demo shop page (`web/demo.html`) shows, pinned so that a visitor who asks the
 * bot about them finds them: the first product of each of these types takes these values.
 */
const FEATURED: Readonly<Record<string, Featured>> = {
  'Waterproof Jacket': { range: 'Borrowdale', priceMinor: 14900, colour: 'Lake Blue', material: '3-layer recycled polyester' },
  'Walking Boots': { range: 'Langdale', priceMinor: 11900, colour: 'Chestnut', material: 'full-grain nubuck leather' },
  'Merino Base Layer': { range: 'Coniston', priceMinor: 5500, colour: 'Moss', material: '200 gsm merino wool' },
  'Wool Throw': { range: 'Swaledale', priceMinor: 8500, colour: 'Rust Check', material: 'pure new British wool' },
};

/** Range names for a type in random order, a featured range first. */
function rangeOrder(rng: Rng, type: ProductType): string[] {
  const shuffled: string[] = rng.sample(RANGE_NAMES, RANGE_NAMES.length);
  const featured = FEATURED[type.type]?.range;
  return featured ? [featured, ...shuffled.filter((r) => r !== featured)] : shuffled;
}

/** Splits `total` over categories by share, largest remainder first, so the sum is exact. */
function categoryCounts(total: number): Map<Category, number> {
  const raw = CATEGORIES.map((c) => ({ c, exact: total * CATEGORY_SHARE[c] }));
  const counts = new Map(raw.map(({ c, exact }) => [c, Math.floor(exact)]));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const { c } of raw.slice().sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left <= 0) break;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    left -= 1;
  }
  return counts;
}

/**
 * Demand classes in exact proportions, shuffled.
 *
 * @remarks Drawing each class independently could leave a 20-product test shop without a
 * single slow mover; fixed proportions guarantee every scale shows intermittent demand.
 */
function demandClasses(rng: Rng, total: number): DemandClass[] {
  const fast = Math.max(1, Math.round(total * 0.15));
  const slow = Math.max(2, Math.round(total * 0.35));
  const classes: DemandClass[] = [];
  for (let i = 0; i < total; i += 1) classes.push(i < fast ? 'fast' : i < fast + slow ? 'slow' : 'medium');
  return rng.sample(classes, total);
}

const PRICE_ENDINGS = [99, 0, 50] as const;

/** A shelf price in pence with a believable ending: £34.99, £35.00 or £35.50. */
function priceMinor(rng: Rng, [min, max]: readonly [number, number]): number {
  const pounds = Math.floor(rng.float(min, max));
  return pounds * 100 + PRICE_ENDINGS[rng.weightedIndex([0.6, 0.25, 0.15])]!;
}

function joinList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function describe(rng: Rng, name: string, type: ProductType, material: string, colour: string): string {
  const features = rng.sample(type.features, rng.int(2, 3));
  const sizes = type.sizes && type.sizes.length > 1 ? ` Available in ${type.sizes[0]} to ${type.sizes.at(-1)}.` : '';
  // "Walking Boots are", "Dry Bag Set is": a final word in -s (not -ss) reads as plural.
  const plural = /[^s]s$/.test(type.type);
  const [verb, has] = plural ? ['are', 'they have'] : ['is', 'it has'];
  return `The ${name} ${verb} ${type.blurb}. Made from ${material}, ${has} ${joinList(features)}. Shown in ${colour}.${sizes}`;
}

function buildProduct(rng: Rng, id: number, type: ProductType, options: { range: string; demand: DemandClass; pinned?: Featured }): SeedProduct {
  const { range, demand, pinned } = options;
  const name = `${range} ${type.type}`;
  // Every value is drawn even when pinned, so pinning never shifts the draws of later products.
  const drawn = { material: rng.pick(type.materials), colour: rng.pick(type.colours), priceMinor: priceMinor(rng, type.price) };
  const { material, colour, priceMinor: price } = pinned ?? drawn;
  const attributes = { colour, ...(type.sizes ? { sizes: type.sizes } : {}), material, ...(type.extra?.(rng) ?? {}) };
  const [low, high] = RATE_RANGE[demand];
  const row = {
    id,
    sku: `${SKU_PREFIX[type.category]}-${1000 + id}`,
    name,
    description: describe(rng, name, type, material, colour),
    category: type.category,
    price_minor: price,
    currency: DEMO_SHOP.currency,
    supplier_id: rng.pick(CATEGORY_SUPPLIERS[type.category]),
    attributes: JSON.stringify(attributes),
    active: 1,
  };
  return { row, type, demand, baseRate: rng.float(low, high) };
}

/**
 * Builds `total` products spread over the categories, with unique names and SKUs.
 *
 * @remarks Each category cycles through its product types before repeating one, so even
 * the 20-product test shop has jackets, boots, tents, mugs and power banks.
 */
export function buildCatalog(rng: Rng, total: number): SeedProduct[] {
  const classes = demandClasses(rng, total);
  const products: SeedProduct[] = [];
  for (const [category, count] of categoryCounts(total)) {
    const types = ALL_TYPES.filter((t) => t.category === category);
    const ranges = new Map(types.map((t) => [t.type, rangeOrder(rng, t)]));
    for (let i = 0; i < count; i += 1) {
      const type = types[i % types.length]!;
      const round = Math.floor(i / types.length);
      const range = ranges.get(type.type)![round % RANGE_NAMES.length]!;
      const id = products.length + 1;
      const pinned = round === 0 ? FEATURED[type.type] : undefined;
      products.push(buildProduct(rng, id, type, { range, demand: classes[id - 1]!, pinned }));
    }
  }
  return products;
}

/** First product of a category whose type name contains `hint`, else the first of the category. */
export function findProduct(products: readonly SeedProduct[], category: Category, hint = ''): SeedProduct {
  const inCategory = products.filter((p) => p.type.category === category);
  return inCategory.find((p) => p.type.type.includes(hint)) ?? inCategory[0] ?? products[0]!;
}
