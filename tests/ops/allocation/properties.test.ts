import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/random.js';
import { allocateOrder, type AllocationRequest } from '../../../ops/allocation/index.js';

function randomRequest(seed: number): AllocationRequest {
  const random = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const skus = Array.from({ length: int(1, 6) }, (_, i) => `SKU-${i}`);
  const warehouses = Array.from({ length: int(1, 6) }, (_, w) => ({
    code: `W${w}`,
    stock: Object.fromEntries(skus.map((sku) => [sku, random() < 0.25 ? 0 : int(-2, 8)])),
    shipmentCostMinor: int(200, 900),
    perUnitCostMinor: random() < 0.5 ? 0 : int(0, 40),
  }));
  return { lines: skus.map((sku) => ({ sku, quantity: int(1, 10) })), warehouses };
}

function allocated(plan: ReturnType<typeof allocateOrder>, code: string, sku: string): number {
  return plan.shipments.filter((s) => s.warehouse === code).flatMap((s) => s.lines).filter((l) => l.sku === sku).reduce((s, l) => s + l.quantity, 0);
}

describe('allocateOrder on random orders', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => 1000 + i);

  it('never allocates more than a warehouse has, nor more than ordered', () => {
    for (const seed of seeds) {
      const request = randomRequest(seed);
      const plan = allocateOrder(request);
      for (const w of request.warehouses) {
        for (const line of request.lines) expect(allocated(plan, w.code, line.sku)).toBeLessThanOrEqual(Math.max(0, w.stock[line.sku] ?? 0));
      }
      for (const line of request.lines) {
        const total = request.warehouses.reduce((s, w) => s + allocated(plan, w.code, line.sku), 0);
        expect(total).toBeLessThanOrEqual(line.quantity);
      }
    }
  });

  it('fills every line when total stock suffices, and otherwise reports the exact shortfall', () => {
    for (const seed of seeds) {
      const request = randomRequest(seed);
      const plan = allocateOrder(request);
      for (const line of request.lines) {
        const stock = request.warehouses.reduce((s, w) => s + Math.max(0, w.stock[line.sku] ?? 0), 0);
        const missing = Math.max(0, line.quantity - stock);
        const reported = plan.shortfall.find((s) => s.sku === line.sku)?.missing ?? 0;
        expect(reported, `seed ${seed} ${line.sku}`).toBe(missing);
      }
      expect(plan.fullyAllocated).toBe(plan.shortfall.length === 0);
    }
  });

  it('uses one parcel whenever some warehouse has everything, and costs add up', () => {
    for (const seed of seeds) {
      const request = randomRequest(seed);
      const plan = allocateOrder(request);
      const anyFills = plan.assessments.some((a) => a.canFillAll);
      if (anyFills) expect(plan.shipments, `seed ${seed}`).toHaveLength(1);
      expect(plan.totalCostMinor).toBe(plan.shipments.reduce((s, p) => s + p.costMinor, 0));
    }
  });
});
