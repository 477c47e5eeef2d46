import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';

/** Size of the generated shop. */
export type SeedScale = 'demo' | 'small';

/** Options for {@link seedDemoShop}. */
export interface SeedOptions {
  /**
   * Seed of the random source; the same seed and `now` give the same shop.
   * @defaultValue 42
   */
  seed?: number;
  /**
   * `demo`: ~200 products, ~500 customers, ~5,000 orders, two years of daily sales.
   * `small`: ~20 products, ~30 customers, ~200 orders, 90 days of sales, for tests.
   * @defaultValue 'demo'
   */
  scale?: SeedScale;
  /**
   * The moment the shop is generated "as of"; every date is derived from it, and sales
   * history ends the day before.
   * @defaultValue the current time
   */
  now?: Date;
  /** Called after each step, so a CLI can print progress. `done` counts finished steps. */
  onProgress?: (step: string, done: number, total: number) => void;
  /** Stops the seeding between steps; the transaction then rolls back. */
  signal?: AbortSignal;
}

/** Numbers that differ between scales; everything else is shared so both scales exercise the same code. */
export interface ScaleConfig {
  products: number;
  customers: number;
  orders: number;
  /** Days of `sales_daily` history, ending yesterday. */
  salesDays: number;
  /** Orders are placed within this many days before `now`. */
  orderDays: number;
  /**
   * Share of orders placed in the last 36 hours.
   * @remarks At the steady order rate only a handful of orders are unpacked at any moment;
   * the demo needs plenty of other customers with open (`paid`, cancellable) orders.
   */
  recentShare: number;
}

/** Row counts and calendar lengths per scale. */
export const SCALES: Readonly<Record<SeedScale, ScaleConfig>> = {
  demo: { products: 200, customers: 500, orders: 5000, salesDays: 2 * 365 + 1, orderDays: 365, recentShare: 0.015 },
  small: { products: 20, customers: 30, orders: 200, salesDays: 90, orderDays: 90, recentShare: 0.05 },
};

/** Options after defaults, as the generators see them. */
export interface ResolvedSeedOptions {
  seed: number;
  scale: SeedScale;
  config: ScaleConfig;
  nowMs: number;
}

const optionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff).default(42),
  scale: z.enum(['demo', 'small']).default('demo'),
  now: z.date().refine((d) => !Number.isNaN(d.getTime()), 'now must be a valid date').optional(),
});

/**
 * Validates the caller's options and applies defaults.
 *
 * @remarks Seed options come from a CLI flag or server config, so they are an edge:
 * a fractional seed or an invalid date would silently produce a different shop.
 * @throws {@link InvalidInputError} when an option is malformed.
 */
export function resolveSeedOptions(options: SeedOptions): ResolvedSeedOptions {
  const parsed = optionsSchema.safeParse({ seed: options.seed, scale: options.scale, now: options.now });
  if (!parsed.success) {
    throw new InvalidInputError('invalid seed options', { issues: parsed.error.issues.map((i) => i.message) });
  }
  const { seed, scale, now } = parsed.data;
  return { seed, scale, config: SCALES[scale], nowMs: (now ?? new Date()).getTime() };
}
