import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../core/errors.js';
import type { ParseResult } from '../../core/nlu.js';
import type { Caller } from '../../core/tools.js';
import { ROUTE_TASKS, routePlanArgs } from '../../bot/ops-tasks/routes.js';
import { formatDay } from '../../bot/messages/index.js';
import { routeMessages } from '../../bot/messages/routes.js';
import { ToolRegistry, type ToolOutcome } from '../../bot/tools/registry.js';
import { registerRouteTools, type RoutePlanResult } from '../../bot/tools/routes.js';
import type { Language } from '../../bot/messages/index.js';
import { openSeededTestStore, type TestStore } from '../helpers/store.js';

const NOW = new Date('2026-11-25T15:00:00.000Z');
const STAFF: Caller = { role: 'staff', staffId: 7, staffRole: 'manager', conversationId: 's-1' };
/** The demo customer: a Leeds flat served by LDS, with orders waiting there. */
const DEMO_CUSTOMER: Caller = { role: 'customer', customerId: 1, conversationId: 'c-1' };
const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

function okText(outcome: ToolOutcome): string {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.message}`);
  return outcome.result.text;
}

describe('route planning and ETA tools', () => {
  let store: TestStore;
  const tools = registerRouteTools(new ToolRegistry());

  beforeAll(async () => { store = await openSeededTestStore({ seed: 42, now: NOW }); });
  afterAll(async () => { await store?.cleanup(); });

  const call = (tool: string, args: unknown, caller: Caller = STAFF, language: Language = 'en') =>
    tools.call({ db: store.db, caller, tool, args, now: NOW, language });

  it('plans tomorrow for staff: a table per van, totals, orders left out, and the assumptions', async () => {
    const outcome = await call('route_plan', { warehouse: 'lds' });
    const text = okText(outcome);
    const { plan, routePlanId } = (outcome.ok ? outcome.result.data : null) as RoutePlanResult;
    expect(text).toContain(`Route plan #${routePlanId} for LDS (Leeds Fulfilment Centre), ${formatDay('2026-11-26', 'en')}:`);
    expect(text).toContain('Stop | Order | Town / postcode | Units | Arrival');
    for (const route of plan.routes) {
      expect(text).toMatch(new RegExp(`^Van ${route.van}: ${route.stops.length} stop\\(s\\), ${route.km.toFixed(1)} km`, 'm'));
      for (const stop of route.stops) {
        expect(text).toContain(`${stop.sequence} | #${stop.orderId} | ${stop.town} ${stop.postcode} | ${stop.units} | ${LONDON_CLOCK.format(new Date(stop.arrival))}`);
      }
    }
    expect(text).toContain(`Totals: ${plan.totals.stops} stop(s), ${plan.totals.km.toFixed(1)} km, ${plan.totals.units} units, ${plan.totals.vansUsed} of 3 van(s) used.`);
    // The seed has an LDS order going to Aberdeen: far beyond a day's round trip.
    expect(text).toContain(`Not on a van (${plan.unserved.length}):`);
    expect(text).toMatch(/^• #\d+ Aberdeen AB11 \w+, \d+ units: too far to get there and back within the shift$/m);
    expect(text).toMatch(/^Assumed: vans leave at 08:00 and are back by 18:00 \(Europe\/London time\); average speed 40 km\/h.*10 min per stop; up to 100 units per van, 3 van\(s\); orders counted: paid or packed at LDS/m);
    const saved = await store.db.selectFrom('route_plans').selectAll().where('id', '=', routePlanId).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ date: '2026-11-26', created_by: 'staff:7' });
  });

  it('uses the vans and capacity staff ask for', async () => {
    const outcome = await call('route_plan', { warehouse: 'MKN', vans: 5, capacity: 3 });
    const text = okText(outcome);
    expect(text).toContain('up to 3 units per van, 5 van(s)');
    const vanUnits = [...text.matchAll(/^Van \d+: \d+ stop\(s\), [\d.]+ km, (\d+) units/gm)].map((m) => Number(m[1]));
    expect(vanUnits.length).toBeGreaterThan(1);
    for (const units of vanUnits) expect(units).toBeLessThanOrEqual(3);
    expect(text).toContain('more units than a van holds');
  });

  it('names the known warehouses for an unknown code, and refuses a day already gone', async () => {
    const before = await store.db.selectFrom('route_plans').select('id').execute();
    expect(okText(await call('route_plan', { warehouse: 'XYZ' }))).toBe(routeMessages.en.unknownWarehouse({ warehouse: 'XYZ', known: ['LDS', 'MAN', 'MKN'] }));
    expect(okText(await call('route_plan', { warehouse: 'LDS', date: '2026-11-24' }))).toMatch(/has already passed/);
    expect(await store.db.selectFrom('route_plans').select('id').execute()).toHaveLength(before.length);
  });

  it('answers in Chinese', async () => {
    const text = okText(await call('route_plan', { warehouse: 'MAN' }, STAFF, 'zh'));
    expect(text).toContain('站序 | 订单 | 城镇/邮编 | 件数 | 到达时间');
    expect(text).toMatch(/^假设：车辆 08:00 出发、18:00 前返回/m);
  });

  it('refuses route planning to a customer', async () => {
    const outcome = await call('route_plan', { warehouse: 'LDS' }, DEMO_CUSTOMER);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(ForbiddenError);
  });

  it('tells a customer when their own order arrives, from the stored plan', async () => {
    const planned = await call('route_plan', { warehouse: 'LDS', date: '2026-11-27' });
    const { plan } = (planned.ok ? planned.result.data : null) as RoutePlanResult;
    const stop = plan.routes.flatMap((r) => r.stops).find((s) => s.orderId === 100_186);
    if (!stop) throw new Error('the demo customer\'s packed order is not on the plan');
    const text = okText(await call('shipment_eta', { orderId: 100_186 }, DEMO_CUSTOMER));
    expect(text).toBe(`Order #100186 is planned to arrive on ${formatDay('2026-11-27', 'en')} at around ${LONDON_CLOCK.format(new Date(stop.arrival))} `
      + `(stop ${stop.sequence} on the van's run, Europe/London time).`);
  });

  it('treats another customer\'s order like a missing one, but lets staff see it', async () => {
    const other = await store.db.selectFrom('orders').select('id').where('customer_id', '!=', 1).where('status', '=', 'paid').executeTakeFirstOrThrow();
    for (const orderId of [other.id, 999_999]) {
      const outcome = await call('shipment_eta', { orderId }, DEMO_CUSTOMER);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.code).toBe('not_found');
    }
    expect(okText(await call('shipment_eta', { orderId: other.id }))).toContain(`#${other.id}`);
  });

  it('falls back to the carrier\'s estimate, then to "nothing planned yet"', async () => {
    const shipped = await store.db.selectFrom('orders').innerJoin('shipments', 'shipments.order_id', 'orders.id')
      .select(['orders.id', 'shipments.carrier', 'shipments.estimated_date'])
      .where('orders.status', '=', 'shipped').where('shipments.delivered_at', 'is', null).executeTakeFirstOrThrow();
    expect(okText(await call('shipment_eta', { orderId: shipped.id })))
      .toBe(`Order #${shipped.id} is with ${shipped.carrier}, who expect to deliver it on ${formatDay(shipped.estimated_date, 'en')}.`);
    // Exeter is out of reach of MKN's vans in a day, so it is on no plan and has no shipment yet.
    const exeter = await store.db.selectFrom('orders').select('id').where('delivery_address', 'like', '%EX4%').where('status', '=', 'paid').executeTakeFirstOrThrow();
    await call('route_plan', { warehouse: 'MKN' });
    expect(okText(await call('shipment_eta', { orderId: exeter.id }))).toMatch(new RegExp(`^No delivery is planned for order #${exeter.id} yet \\(it is paid\\)`));
  });

  it('asks an unidentified customer to identify first instead of answering', async () => {
    const outcome = await call('shipment_eta', { orderId: 100_186 }, { role: 'customer', conversationId: 'c-2' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('unauthorized');
  });
});

describe('route_plan task', () => {
  const parseOf = (text: string, entities: Array<{ type: string; value: string; text: string }>): ParseResult => ({
    text, language: 'en', intents: [{ name: 'route_plan', confidence: 0.9 }],
    entities: entities.map((e) => ({ ...e, start: text.indexOf(e.text), end: text.indexOf(e.text) + e.text.length, extractor: 'test' })),
  });

  it('takes the day, the vans and their capacity from the first message', () => {
    const parse = parseOf('plan tomorrow from Leeds with 4 vans, 60 units per van', [
      { type: 'date', value: '2026-11-26', text: 'tomorrow' }, { type: 'quantity', value: '4', text: '4' }, { type: 'quantity', value: '60', text: '60' },
    ]);
    expect(routePlanArgs({ parse, now: NOW })).toEqual({ date: '2026-11-26', vans: 4, capacity: 60 });
    const week = parseOf("show this week's route plans", [{ type: 'date', value: '2026-11-23/2026-11-30', text: "this week's" }]);
    expect(routePlanArgs({ parse: week, now: NOW })).toEqual({ date: '2026-11-23' });
  });

  it('does not read a number of deliveries as a number of vans', () => {
    const parse = parseOf('plan a route for 12 local deliveries from Leeds', [{ type: 'quantity', value: '12', text: '12' }]);
    expect(routePlanArgs({ parse, now: NOW })).toEqual({});
    const two = parseOf("split tomorrow's drops into two routes", [{ type: 'quantity', value: '2', text: 'two' }]);
    expect(routePlanArgs({ parse: two, now: NOW })).toEqual({ vans: 2 });
  });

  it('asks for the warehouse with a button per warehouse, and takes a bare code as the answer', async () => {
    const store = await openSeededTestStore({ seed: 42, now: NOW });
    try {
      const [slot] = ROUTE_TASKS.route_plan?.slots ?? [];
      if (!slot) throw new Error('route_plan has no warehouse slot');
      const ctx = (text: string, asked: boolean) => ({ db: store.db, parse: parseOf(text, []), args: {}, asked, now: NOW, language: 'en' as const });
      expect(await slot.fill(ctx('plan the routes', false))).toBeUndefined();
      const question = await slot.ask(ctx('plan the routes', false));
      expect(question.text).toBe(routeMessages.en.askWarehouse);
      expect(question.quickReplies?.map((q) => q.value)).toEqual(['LDS', 'MAN', 'MKN']);
      expect(await slot.fill(ctx('mkn', true))).toEqual({ value: 'MKN' });
      expect(await slot.fill(ctx('mkn', false))).toBeUndefined();
    } finally {
      await store.cleanup();
    }
  });
});
