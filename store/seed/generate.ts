import type { Insertable } from 'kysely';
import type { SalesDailyTable, StaffUsersTable, StockTable } from '../schema.js';
import { buildCatalog, type SeedProduct } from './catalog.js';
import { buildCustomers, type SeedCustomer } from './customers.js';
import { buildDemoOrders, demoCustomer, type DemoOrderIds } from './demo-customer.js';
import type { ResolvedSeedOptions } from './options.js';
import type { SeedOrder } from './order-model.js';
import { buildRandomOrders, finaliseOrders } from './orders.js';
import { Rng } from './random.js';
import { staffUsers } from './reference.js';
import { buildSales } from './sales.js';
import { buildStock } from './stock.js';
import { DAY_MS, HOUR_MS } from './time.js';

/** The whole demo shop in memory, before anything is written. */
export interface ShopData {
  products: SeedProduct[];
  customers: SeedCustomer[];
  orders: SeedOrder[];
  stock: Insertable<StockTable>[];
  sales: Insertable<SalesDailyTable>[];
  staff: Insertable<StaffUsersTable>[];
  demoOrders: DemoOrderIds;
}

/** Accounts are opened before their first order: moves sign-up dates earlier where needed. */
function settleSignUps(rng: Rng, customers: SeedCustomer[], orders: readonly SeedOrder[]): void {
  const firstOrder = new Map<number, number>();
  for (const o of orders) {
    if (!firstOrder.has(o.customerId)) firstOrder.set(o.customerId, o.timeline.placedAtMs);
  }
  for (const c of customers) {
    const first = firstOrder.get(c.id);
    if (first !== undefined && c.createdAtMs > first) c.createdAtMs = first - rng.float(1 * HOUR_MS, 30 * DAY_MS);
  }
}

function demoOrderIds(orders: readonly SeedOrder[]): DemoOrderIds {
  const ids: Partial<DemoOrderIds> = {};
  for (const o of orders) if (o.demoCase) ids[o.demoCase] = o.id;
  return ids as DemoOrderIds;
}

/**
 * Generates the shop in memory; pure apart from reading the options.
 *
 * @remarks Each part draws from its own random stream (see {@link Rng.stream}), and
 * every date is an offset from `now`, so the same seed and `now` give identical data.
 */
export function generateShop(options: ResolvedSeedOptions): ShopData {
  const { seed, config, nowMs } = options;
  const products = buildCatalog(Rng.stream(seed, 'catalog'), config.products);
  const demo = demoCustomer(nowMs);
  const others = buildCustomers(Rng.stream(seed, 'customers'), {
    firstId: demo.id + 1, count: config.customers - 1, nowMs, taken: new Set([demo.email]),
  });
  const demoDrafts = buildDemoOrders(products, nowMs);
  // The demo customer owns only the hand-picked orders, so the demo shows exactly those cases.
  const randomDrafts = buildRandomOrders(Rng.stream(seed, 'orders'), {
    count: config.orders - demoDrafts.length, days: config.orderDays, recentShare: config.recentShare, nowMs, customers: others, products,
  });
  const orders = finaliseOrders([...randomDrafts, ...demoDrafts], nowMs);
  const customers = [demo, ...others];
  settleSignUps(Rng.stream(seed, 'sign-ups'), customers, orders);
  return {
    products,
    customers,
    orders,
    stock: buildStock(Rng.stream(seed, 'stock'), { products, orders, nowMs }),
    sales: buildSales(Rng.stream(seed, 'sales'), { products, orders, days: config.salesDays, nowMs }),
    staff: staffUsers(nowMs),
    demoOrders: demoOrderIds(orders),
  };
}
