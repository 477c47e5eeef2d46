import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../core/errors.js';
import { createPostcodeLocator } from '../../../ops/allocation/index.js';
import {
  DELIVERY_DEFAULTS, haversineKm, planDeliveries, readDeliveryEstimate, readShipmentEta, saveRoutePlan, type DeliveryPlan,
} from '../../../ops/routing/index.js';
import { TOWNS } from '../../../store/seed/uk-data.js';
import { openSeededTestStore, type TestStore } from '../../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const TOMORROW = '2026-11-26';
const locate = createPostcodeLocator(TOWNS);
/** An order at LDS whose postcode no demo town covers. */
const UNLOCATABLE_ORDER = 100_901;

/** Every waiting order of a warehouse, straight from the tables: what a plan must account for. */
async function waitingOrders(store: TestStore, code: string, placedBefore: string): Promise<Map<number, number>> {
  const rows = await store.db.selectFrom('orders')
    .innerJoin('warehouses', 'warehouses.id', 'orders.warehouse_id')
    .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
    .select(['orders.id', 'order_lines.quantity'])
    .where('warehouses.code', '=', code).where('orders.status', 'in', ['paid', 'packed']).where('orders.placed_at', '<', placedBefore)
    .execute();
  const units = new Map<number, number>();
  for (const row of rows) units.set(row.id, (units.get(row.id) ?? 0) + row.quantity);
  return units;
}

const servedIds = (plan: DeliveryPlan) => plan.routes.flatMap((r) => r.stops.map((s) => s.orderId));

describe('delivery plans from the demo shop', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openSeededTestStore({ seed: 42, now: NOW });
    const product = await store.db.selectFrom('products').select(['id', 'sku', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const address = { name: 'Test', line1: '1 Nowhere Lane', city: 'Atlantis', postcode: 'ZZ9 9ZZ', country: 'GB' };
    await store.db.insertInto('orders').values({
      id: UNLOCATABLE_ORDER, customer_id: 1, status: 'paid', placed_at: '2026-11-25T10:00:00.000Z', updated_at: '2026-11-25T10:00:00.000Z',
      currency: 'GBP', subtotal_minor: 1000, shipping_minor: 0, total_minor: 1000, delivery_address: JSON.stringify(address), warehouse_id: 1,
    }).execute();
    await store.db.insertInto('order_lines').values({
      order_id: UNLOCATABLE_ORDER, line_no: 1, product_id: product.id, sku: product.sku, name: product.name, quantity: 2, unit_price_minor: 500, returned_quantity: 0,
    }).execute();
  });
  afterAll(async () => { await store?.cleanup(); });

  it('accounts for every waiting order of the warehouse exactly once, with its units', async () => {
    const plan = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: TOMORROW });
    const expected = await waitingOrders(store, 'LDS', plan.assumptions.placedBefore);
    expect(expected.size).toBeGreaterThan(2);
    const listed = [...servedIds(plan), ...plan.unserved.map((u) => u.orderId), ...plan.unlocated.map((u) => u.orderId)];
    expect(listed.sort()).toEqual([...expected.keys()].sort());
    expect(plan.unlocated.map((u) => u.orderId)).toEqual([UNLOCATABLE_ORDER]);
    for (const stop of plan.routes.flatMap((r) => r.stops)) expect(stop.units).toBe(expected.get(stop.orderId));
    expect(plan.totals.stops).toBe(servedIds(plan).length);
    expect(plan.totals.units).toBe(plan.routes.flatMap((r) => r.stops).reduce((n, s) => n + s.units, 0));
  });

  it('leaves out orders too far to reach and return within the shift, and keeps arrivals inside it', async () => {
    const plan = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: TOMORROW });
    const depot = { lat: plan.warehouse.lat, lon: plan.warehouse.lng };
    const shiftHours = 10;
    const tooFar = (o: { postcode: string }) => {
      const p = locate(o.postcode);
      return p !== null && (2 * haversineKm(depot, { lat: p.lat, lon: p.lng })) / DELIVERY_DEFAULTS.speedKmh > shiftHours;
    };
    const unreachable = plan.unserved.filter((u) => u.reason === 'unreachable-window');
    expect(unreachable.length).toBeGreaterThan(0); // the seed has an LDS order for Aberdeen
    for (const u of unreachable) expect(tooFar(u)).toBe(true);
    for (const route of plan.routes) {
      expect(route.departure).toBe(`${TOMORROW}T08:00:00.000Z`);
      expect(route.returnAt <= `${TOMORROW}T18:00:00.000Z`).toBe(true);
      const arrivals = route.stops.map((s) => s.arrival);
      expect(arrivals).toEqual([...arrivals].sort());
      for (const stop of route.stops) expect(tooFar(stop)).toBe(false);
    }
  });

  it('never loads a van beyond its capacity and says which orders are bigger than a van', async () => {
    const plan = await planDeliveries({ db: store.db, locate, warehouse: 'MKN', date: TOMORROW, vans: 6, capacity: 3 });
    expect(plan.routes.length).toBeGreaterThan(1);
    for (const route of plan.routes) {
      expect(route.units).toBe(route.stops.reduce((n, s) => n + s.units, 0));
      expect(route.units).toBeLessThanOrEqual(3);
    }
    const expected = await waitingOrders(store, 'MKN', plan.assumptions.placedBefore);
    const big = [...expected].filter(([, units]) => units > 3).map(([id]) => id);
    expect(big.length).toBeGreaterThan(0);
    expect(plan.unserved.filter((u) => u.reason === 'over-capacity').map((u) => u.orderId).sort()).toEqual(big.sort());
  });

  it('gives the same plan for the same orders and settings', async () => {
    const a = await planDeliveries({ db: store.db, locate, warehouse: 'MAN', date: TOMORROW, vans: 2, capacity: 6 });
    const b = await planDeliveries({ db: store.db, locate, warehouse: 'MAN', date: TOMORROW, vans: 2, capacity: 6 });
    expect(b.routes).toEqual(a.routes);
    expect(b.unserved).toEqual(a.unserved);
  });

  it('reads shift hours on UK clocks, so a summer shift leaves at 07:00 UTC', async () => {
    const plan = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: '2027-07-01' });
    expect(plan.routes[0]?.departure).toBe('2027-07-01T07:00:00.000Z');
  });

  it('stores the plan and reads each order\'s planned arrival back', async () => {
    const plan = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: '2026-11-27' });
    const { routePlanId } = await store.db.transaction().execute((trx) => saveRoutePlan({ db: trx, plan, createdBy: 'staff:7', now: NOW }));
    const stored = await store.db.selectFrom('route_stops').selectAll().where('route_plan_id', '=', routePlanId).execute();
    expect(stored).toHaveLength(plan.totals.stops);
    for (const route of plan.routes) {
      for (const stop of route.stops) {
        expect(await readShipmentEta({ db: store.db, orderId: stop.orderId })).toMatchObject({
          routePlanId, warehouse: 'LDS', date: '2026-11-27', van: route.van, sequence: stop.sequence, arrival: stop.arrival,
        });
      }
    }
    for (const u of plan.unserved) expect(await readShipmentEta({ db: store.db, orderId: u.orderId })).toBeNull();
    const row = await store.db.selectFrom('route_plans').selectAll().where('id', '=', routePlanId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ date: '2026-11-27', created_by: 'staff:7', vehicles: plan.totals.vansUsed });
    expect(JSON.parse(row.plan).assumptions.capacity).toBe(DELIVERY_DEFAULTS.capacity);
  });

  it('drops an ETA when a later plan for the same day leaves the order out', async () => {
    const first = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: '2026-11-28' });
    await saveRoutePlan({ db: store.db, plan: first, createdBy: 'staff:7', now: NOW });
    const big = first.routes.flatMap((r) => r.stops).find((s) => s.units > 1);
    if (!big) throw new Error('seed has no LDS order with more than one unit');
    expect(await readShipmentEta({ db: store.db, orderId: big.orderId })).not.toBeNull();
    const second = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: '2026-11-28', capacity: big.units - 1 });
    await saveRoutePlan({ db: store.db, plan: second, createdBy: 'staff:7', now: NOW });
    expect(await readShipmentEta({ db: store.db, orderId: big.orderId })).toBeNull();
  });

  it('prefers the van plan, falls back to the carrier, and hides other customers\' orders', async () => {
    const plan = await planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: '2026-11-29' });
    await saveRoutePlan({ db: store.db, plan, createdBy: 'system', now: NOW });
    const served = plan.routes[0]?.stops[0];
    if (!served) throw new Error('no stop planned');
    const owner = (await store.db.selectFrom('orders').select('customer_id').where('id', '=', served.orderId).executeTakeFirstOrThrow()).customer_id;
    expect(await readDeliveryEstimate({ db: store.db, orderId: served.orderId, customerId: owner, now: NOW }))
      .toMatchObject({ kind: 'planned', eta: { arrival: served.arrival } });
    await expect(readDeliveryEstimate({ db: store.db, orderId: served.orderId, customerId: owner + 1, now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    const shipped = await store.db.selectFrom('orders').innerJoin('shipments', 'shipments.order_id', 'orders.id')
      .select(['orders.id', 'shipments.estimated_date']).where('orders.status', '=', 'shipped').where('shipments.delivered_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(await readDeliveryEstimate({ db: store.db, orderId: shipped.id, now: NOW }))
      .toMatchObject({ kind: 'carrier', estimatedDate: shipped.estimated_date });
  });

  it('refuses an unknown warehouse and a shift that ends before it starts', async () => {
    await expect(planDeliveries({ db: store.db, locate, warehouse: 'XYZ', date: TOMORROW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(planDeliveries({ db: store.db, locate, warehouse: 'LDS', date: TOMORROW, shiftStart: '18:00', shiftEnd: '08:00' }))
      .rejects.toBeInstanceOf(InvalidInputError);
  });
});
