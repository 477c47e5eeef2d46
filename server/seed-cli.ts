import { sql } from 'kysely';
import { openDatabase } from '../store/index.js';
import { insertDemoHistory } from '../monitor/index.js';
import { seedDemoShop } from '../store/seed/index.js';
import { loadConfig } from './config.js';

/** `npm run seed`: drops every table and rebuilds the demo shop. */
const config = loadConfig(process.env);
const store = await openDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, sqlitePath: config.SQLITE_PATH });
// Children before parents, so PostgreSQL's foreign keys never block a drop.
const tables = ['alerts', 'handoffs', 'channel_conversations', 'staff_identities', 'route_stops', 'route_plans',
  'purchase_order_lines', 'purchase_orders', 'identity_attempts', 'audit_log', 'messages', 'conversations', 'staff_users', 'sales_daily', 'return_lines', 'returns',
  'shipments', 'order_status_history', 'order_lines', 'orders', 'stock', 'warehouses', 'products', 'suppliers', 'customers', 'counterpart_migrations'];
for (const table of tables) await sql`drop table if exists ${sql.table(table)}`.execute(store.db);
await store.close();
const fresh = await openDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, sqlitePath: config.SQLITE_PATH });
let last = '';
const summary = await seedDemoShop(fresh.db, {
  scale: config.SEED_SCALE,
  onProgress: (step, done, total) => {
    if (step !== last) process.stdout.write(`\n${step}`);
    last = step;
    process.stdout.write(`\r${step}: ${done}/${total}   `);
  },
});
// Two weeks of past conversations, so the monitor dashboard has something to show.
await insertDemoHistory(fresh.db, { now: new Date() });
console.log('\n\nSeeded:', summary);
await fresh.close();
