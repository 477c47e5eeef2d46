import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../core/errors.js';
import { allocateOrder, explainWarehouseChoice, type WarehouseOption } from '../../../ops/allocation/index.js';

const leeds: WarehouseOption = { code: 'LDS', name: 'Leeds', stock: { MUG: 5, TEE: 1 }, shipmentCostMinor: 310, distanceKm: 12 };
const manchester: WarehouseOption = { code: 'MAN', name: 'Manchester', stock: { MUG: 9, TEE: 4 }, shipmentCostMinor: 390, distanceKm: 52 };
const miltonKeynes: WarehouseOption = { code: 'MKN', name: 'Milton Keynes', stock: { MUG: 1, TEE: 9 }, shipmentCostMinor: 290, distanceKm: 240 };

describe('allocateOrder', () => {
  it('prefers the single cheapest warehouse that has everything', () => {
    const plan = allocateOrder({ lines: [{ sku: 'MUG', quantity: 2 }, { sku: 'TEE', quantity: 1 }], warehouses: [manchester, miltonKeynes, leeds] });
    expect(plan).toMatchObject({ method: 'single', split: false, fullyAllocated: true, totalCostMinor: 310 });
    expect(plan.shipments).toEqual([{ warehouse: 'LDS', name: 'Leeds', lines: [{ sku: 'MUG', quantity: 2 }, { sku: 'TEE', quantity: 1 }], costMinor: 310, distanceKm: 12 }]);
    expect(plan.explanation).toBe(
      'Leeds had everything and is the cheapest to ship from (£3.10): £0.80 cheaper and 40 km closer than Manchester, the next best that had everything. '
      + 'Milton Keynes would cost less (£2.90) but is short of MUG (needs 2, has 1).',
    );
  });

  it('keeps one parcel even when a split would be cheaper', () => {
    const plan = allocateOrder({ lines: [{ sku: 'MUG', quantity: 6 }, { sku: 'TEE', quantity: 2 }], warehouses: [leeds, manchester, miltonKeynes] });
    expect(plan.shipments.map((s) => s.warehouse)).toEqual(['MAN']);
    expect(plan.explanation).toMatch(/^Manchester had everything and was the only warehouse that did/);
  });

  it('splits when no single warehouse can fill the order, at the least cost', () => {
    const plan = allocateOrder({ lines: [{ sku: 'MUG', quantity: 5 }, { sku: 'TEE', quantity: 6 }], warehouses: [leeds, manchester, miltonKeynes] });
    // Leeds + Milton Keynes (£6.00) beats any pair with Manchester (£6.80, £7.00).
    expect(plan).toMatchObject({ method: 'split-exact', split: true, fullyAllocated: true, totalCostMinor: 600, shortfall: [] });
    expect(plan.shipments.map((s) => [s.warehouse, s.lines])).toEqual([
      ['MKN', [{ sku: 'MUG', quantity: 1 }, { sku: 'TEE', quantity: 6 }]],
      ['LDS', [{ sku: 'MUG', quantity: 4 }]],
    ]);
    expect(plan.explanation).toMatch(/^No single warehouse had everything: .*Splitting into 2 parcels is the cheapest way to send it all/);
  });

  it('reports a shortfall and never allocates more than stock', () => {
    const plan = allocateOrder({ lines: [{ sku: 'MUG', quantity: 20 }, { sku: 'LAMP', quantity: 1 }], warehouses: [leeds, manchester, miltonKeynes] });
    expect(plan.fullyAllocated).toBe(false);
    expect(plan.shortfall).toEqual([{ sku: 'MUG', requested: 20, allocated: 15, missing: 5 }, { sku: 'LAMP', requested: 1, allocated: 0, missing: 1 }]);
    expect(plan.explanation).toMatch(/Not enough stock across all warehouses: MUG is 5 short \(15 of 20 available\); LAMP is 1 short/);
  });

  it('treats negative stock figures as nothing available', () => {
    const plan = allocateOrder({ lines: [{ sku: 'MUG', quantity: 1 }], warehouses: [{ ...leeds, stock: { MUG: -4 } }] });
    expect(plan.shipments).toEqual([]);
    expect(plan.shortfall[0]?.missing).toBe(1);
  });

  it('merges repeated lines of a SKU', () => {
    const plan = allocateOrder({ lines: [{ sku: 'MUG', quantity: 3 }, { sku: 'MUG', quantity: 3 }], warehouses: [leeds, manchester] });
    expect(plan.shipments.map((s) => s.warehouse)).toEqual(['MAN']);
  });

  it('says which field is wrong', () => {
    expect(() => allocateOrder({ lines: [{ sku: 'MUG', quantity: 0 }], warehouses: [leeds] })).toThrow(InvalidInputError);
    expect(() => allocateOrder({ lines: [], warehouses: [leeds] })).toThrow(/lines: an order needs at least one line/);
    expect(() => allocateOrder({ lines: [{ sku: 'MUG', quantity: 1 }], warehouses: [{ ...leeds, shipmentCostMinor: 1.5 }] })).toThrow(/warehouses\.0\.shipmentCostMinor/);
  });
});

describe('explainWarehouseChoice', () => {
  const request = { lines: [{ sku: 'MUG', quantity: 2 }, { sku: 'TEE', quantity: 1 }], warehouses: [leeds, manchester, miltonKeynes] };

  it('confirms a choice the rules would make', () => {
    const answer = explainWarehouseChoice({ request, shippedFrom: 'LDS' });
    expect(answer.matchesPlan).toBe(true);
    expect(answer.explanation).toMatch(/^It shipped from Leeds\. Leeds had everything/);
  });

  it('explains a choice the rules would not make now', () => {
    const answer = explainWarehouseChoice({ request, shippedFrom: 'MKN' });
    expect(answer.matchesPlan).toBe(false);
    expect(answer.explanation).toMatch(/would choose Leeds.*Milton Keynes is short of MUG \(needs 2, has 1\)\. Stock when the order was placed may have been different\./);
  });
});
