/**
 * The deterministic demo shop "Northwind Outfitters": catalog, customers, orders, shipments,
 * returns, stock and two years of daily sales, generated from a seed and a `now`.
 *
 * @example
 * import { isDatabaseEmpty, seedDemoShop, DEMO_CUSTOMER } from './store/seed/index.js';
 * if (await isDatabaseEmpty(store.db)) await seedDemoShop(store.db, { seed: 42 });
 */
export { seedDemoShop, isDatabaseEmpty, type SeedSummary, type SeededTable } from './seed-demo-shop.js';
export { SCALES, type SeedOptions, type SeedScale, type ScaleConfig } from './options.js';
export { DEMO_CUSTOMER, DEMO_ADDRESS, type DemoOrderIds } from './demo-customer.js';
export { DEMO_STAFF_ID } from './reference.js';
export type { DemoOrderCase } from './order-model.js';
export { DEMO_SHOP, SHIPPING_PRICES, CARRIERS } from './reference.js';
export { FIRST_ORDER_ID } from './orders.js';
