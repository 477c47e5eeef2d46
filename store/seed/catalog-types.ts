import type { Rng } from './random.js';

/** Product categories of the demo shop, as stored in `products.category`. */
export type Category = 'apparel' | 'footwear' | 'outdoor' | 'home' | 'electronics' | 'accessories';

/** When in the year an item sells best; drives yearly seasonality of its sales. */
export type Season = 'winter' | 'summer' | 'spring' | 'gift' | 'flat';

/** A kind of product that the catalog generator turns into one or more named products. */
export interface ProductType {
  category: Category;
  /** Noun phrase appended to a range name, e.g. `Waterproof Jacket`. */
  type: string;
  /** Price range in pounds. */
  price: readonly [number, number];
  sizes?: readonly string[];
  materials: readonly string[];
  colours: readonly string[];
  /** Completes "The {name} is ...". */
  blurb: string;
  /** Two or three are picked for the description. */
  features: readonly string[];
  /** Extra attributes such as capacity or battery size. */
  extra?: (rng: Rng) => Record<string, string | number | boolean>;
  season: Season;
}

/** Peak day of year and amplitude of the yearly sales cycle per season. */
export const SEASONS: Readonly<Record<Season, { peakDay: number; amplitude: number }>> = {
  winter: { peakDay: 335, amplitude: 0.45 },
  summer: { peakDay: 175, amplitude: 0.5 },
  spring: { peakDay: 115, amplitude: 0.3 },
  gift: { peakDay: 345, amplitude: 0.35 },
  flat: { peakDay: 0, amplitude: 0.08 },
};

/** Share of delivered orders that come back, per category; clothes and shoes are returned most. */
export const RETURN_RATE: Readonly<Record<Category, number>> = {
  apparel: 0.12,
  footwear: 0.14,
  outdoor: 0.05,
  home: 0.04,
  electronics: 0.06,
  accessories: 0.04,
};

/** Share of the catalog per category. */
export const CATEGORY_SHARE: Readonly<Record<Category, number>> = {
  apparel: 0.27,
  footwear: 0.15,
  outdoor: 0.22,
  home: 0.14,
  electronics: 0.11,
  accessories: 0.11,
};

/** Range names that prefix every product: Pennine and Lake District places. */
export const RANGE_NAMES = [
  'Pennine', 'Coniston', 'Borrowdale', 'Swaledale', 'Kinder', 'Ribble', 'Wharfe', 'Skiddaw',
  'Malham', 'Ridgeway', 'Calder', 'Buttermere', 'Haworth', 'Langdale', 'Wasdale', 'Ullswater',
  'Hebden', 'Ingleborough', 'Grasmere', 'Cheviot',
] as const;

/** Size ranges offered, as listed in `kb/sizing.md`. */
export const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
/** UK whole sizes; half sizes are not stocked. */
export const SHOE_SIZES = ['UK 4', 'UK 5', 'UK 6', 'UK 7', 'UK 8', 'UK 9', 'UK 10', 'UK 11', 'UK 12'] as const;
/** Gloves come in three sizes, by hand circumference. */
export const GLOVE_SIZES = ['S', 'M', 'L'] as const;

/** Colour palettes the catalog draws product colourways from. */
export const EARTH_COLOURS = ['Forest Green', 'Slate Blue', 'Charcoal', 'Rust', 'Ochre', 'Navy', 'Black', 'Heather Grey', 'Moss', 'Burgundy'] as const;
/** High-visibility colours for shells, packs and running shoes. */
export const BRIGHT_COLOURS = ['Signal Orange', 'Cobalt', 'Lime', 'Scarlet', 'Teal', 'Black'] as const;
/** Muted tones of the homeware range. */
export const HOME_COLOURS = ['Oatmeal', 'Sage', 'Terracotta', 'Ink Blue', 'Cream', 'Mustard'] as const;
/** Finishes of the electronics accessories. */
export const TECH_COLOURS = ['Black', 'Graphite', 'White', 'Olive'] as const;
