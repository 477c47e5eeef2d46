/**
 * `npx tsx bench/recommend/cli.ts [--seed N]`
 *
 * Seeds the demo shop ('demo' scale) into a temporary SQLite file, holds out each customer's
 * last order and prints hit rate@10 of the recommender and of best sellers; the last line is
 * one JSON object: `{ customers, hit_rate_at_10, popularity_hit_rate_at_10, seconds }`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateHoldout, readOrderBaskets } from '../../ops/recommendations/index.js';
import { openDatabase } from '../../store/index.js';
import { seedDemoShop } from '../../store/seed/index.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: 'string', default: '42' } }, strict: true });
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-recommend-'));
  const store = await openDatabase({ sqlitePath: join(dir, 'shop.db') });
  try {
    await seedDemoShop(store.db, { seed: Number(values.seed), scale: 'demo', now: NOW });
    const started = performance.now();
    const baskets = await readOrderBaskets({ db: store.db });
    const result = evaluateHoldout({ baskets, limit: 10 });
    const seconds = (performance.now() - started) / 1000;
    console.log(`orders: ${baskets.length}, customers evaluated: ${result.customers}`);
    console.log(`hit rate@10  item-based CF: ${result.hitRate.toFixed(4)}`);
    console.log(`hit rate@10  popularity:    ${result.popularityHitRate.toFixed(4)}`);
    console.log(JSON.stringify({
      customers: result.customers,
      hit_rate_at_10: Number(result.hitRate.toFixed(4)),
      popularity_hit_rate_at_10: Number(result.popularityHitRate.toFixed(4)),
      seconds: Number(seconds.toFixed(2)),
    }));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
