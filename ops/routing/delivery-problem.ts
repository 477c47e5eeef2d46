import { z } from 'zod';
import type { OrderStatus } from '../../store/index.js';
import { WAITING_STATUSES, type DeliveryDay, type DeliveryOrder, type LocatedDelivery, type DeliveryWarehouse } from './delivery-types.js';
import { isTimeZone, zonedInstant } from './local-time.js';
import type { PlannedRoute, RoutePlan, UnservedReason } from './plan.js';
import type { RoutingProblemInput } from './schema.js';

/** Defaults of a delivery plan, declared once; the reply states each one as an assumption. */
export const DELIVERY_DEFAULTS = {
  vans: 3,
  /** Units a van carries: about a hundred small parcels. */
  capacity: 100,
  shiftStart: '08:00',
  shiftEnd: '18:00',
  /** Straight-line km per hour: roads run about 1.3× the straight line, so ~50 km/h on the road. */
  speedKmh: 40,
  serviceMinutes: 10,
  timeZone: 'Europe/London',
  seed: 7,
  maxIterations: 5000,
} as const;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

/** Settings of one delivery plan; every field but `date` has a default in {@link DELIVERY_DEFAULTS}. */
export const DeliverySettingsSchema = z.object({
  /** The delivery day, `YYYY-MM-DD`. */
  date: z.iso.date(),
  /** @defaultValue 3 */
  vans: z.number().int().min(1).max(50).default(DELIVERY_DEFAULTS.vans),
  /** Units per van. @defaultValue 100 */
  capacity: z.number().int().positive().max(100_000).default(DELIVERY_DEFAULTS.capacity),
  /** Local time vans leave. @defaultValue '08:00' */
  shiftStart: ClockTime.default(DELIVERY_DEFAULTS.shiftStart),
  /** Local time vans must be back. @defaultValue '18:00' */
  shiftEnd: ClockTime.default(DELIVERY_DEFAULTS.shiftEnd),
  /** Average speed along the straight line between stops. @defaultValue 40 */
  speedKmh: z.number().positive().max(130).default(DELIVERY_DEFAULTS.speedKmh),
  /** Minutes at each door. @defaultValue 10 */
  serviceMinutes: z.number().min(0).max(240).default(DELIVERY_DEFAULTS.serviceMinutes),
  /** Zone of the shift's wall clock. @defaultValue 'Europe/London' */
  timeZone: z.string().refine(isTimeZone, 'must be a time zone such as Europe/London').default(DELIVERY_DEFAULTS.timeZone),
  /** @defaultValue 7 */
  seed: z.number().int().default(DELIVERY_DEFAULTS.seed),
  /** @defaultValue 5000 */
  maxIterations: z.number().int().positive().max(1_000_000).default(DELIVERY_DEFAULTS.maxIterations),
}).strict().refine((s) => s.shiftEnd > s.shiftStart, { message: 'the shift must end after it starts', path: ['shiftEnd'] });

/** Settings as callers pass them (defaults not yet applied). */
export type DeliverySettingsInput = z.input<typeof DeliverySettingsSchema>;
/** Settings with defaults applied. */
export type DeliverySettings = z.output<typeof DeliverySettingsSchema>;

/** What the plan took for granted, stated so a person can check it. */
export interface DeliveryAssumptions extends DeliverySettings {
  /** Order statuses that count as waiting. */
  statuses: readonly OrderStatus[];
  /** Only orders placed before this ISO time count: the vans leave then. */
  placedBefore: string;
  demand: 'units';
  distance: 'haversine';
}

/** One stop as a driver reads it. */
export interface DeliveryStop {
  orderId: number;
  /** 1-based position on the van's run. */
  sequence: number;
  town: string;
  postcode: string;
  units: number;
  /** ISO time of the planned arrival. */
  arrival: string;
  kmFromPrevious: number;
}

/** One van's run, depot to depot. */
export interface DeliveryRoute {
  /** 1-based van number, as people count vans. */
  van: number;
  stops: DeliveryStop[];
  km: number;
  units: number;
  /** ISO times. */
  departure: string;
  returnAt: string;
}

/** Why an order is not on a van: the solver's reasons, or bigger than a whole van. */
export type UnservedDeliveryReason = UnservedReason | 'over-capacity';

/** A waiting order no van takes, and why. */
export interface UnservedDelivery extends DeliveryOrder {
  reason: UnservedDeliveryReason;
}

/** A day's van runs from one warehouse, in the terms staff and customers use. */
export interface DeliveryPlan {
  warehouse: DeliveryWarehouse;
  date: string;
  assumptions: DeliveryAssumptions;
  routes: DeliveryRoute[];
  totals: { stops: number; km: number; units: number; vansUsed: number };
  unserved: UnservedDelivery[];
  unlocated: DeliveryOrder[];
  /** The solver's own plan (times in minutes after local midnight, distances in km). */
  routePlan: RoutePlan;
}

/** Minutes after midnight of an `HH:MM` time. */
export function minutesOf(clock: string): number {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
}

/**
 * The routing problem for a warehouse's stops: depot at the warehouse, haversine km, minutes
 * after local midnight as the time unit, the shift as the depot's window.
 *
 * @remarks Pure, so a plan can be reproduced from stored inputs. Stop ids are order numbers.
 */
export function buildDeliveryProblem(options: { warehouse: DeliveryWarehouse; stops: readonly LocatedDelivery[]; settings: DeliverySettings }): RoutingProblemInput {
  const { warehouse, stops, settings } = options;
  return {
    depot: { location: { lat: warehouse.lat, lon: warehouse.lng }, window: { start: minutesOf(settings.shiftStart), end: minutesOf(settings.shiftEnd) } },
    stops: stops.map((s) => ({ id: String(s.orderId), demand: s.units, location: { lat: s.lat, lon: s.lng }, serviceTime: settings.serviceMinutes })),
    vehicles: { count: settings.vans, capacity: settings.capacity },
    distance: { kind: 'haversine' },
    // Travel time is in minutes: km / (km per minute).
    speed: settings.speedKmh / 60,
  };
}

/** Turns the solver's plan back into orders, vans and clock times on the plan's day. */
export function toDeliveryPlan(options: {
  day: DeliveryDay; stops: readonly LocatedDelivery[]; tooBig: readonly LocatedDelivery[];
  settings: DeliverySettings; routePlan: RoutePlan; placedBefore: string;
}): DeliveryPlan {
  const { day, settings, routePlan } = options;
  const byId = new Map(options.stops.map((s) => [String(s.orderId), s]));
  const at = (minutes: number) => zonedInstant({ date: settings.date, minutes, timeZone: settings.timeZone }).toISOString();
  const routes = routePlan.routes.map((r) => toRoute(r, byId, at));
  const unserved: UnservedDelivery[] = [
    ...options.tooBig.map((d) => ({ ...plain(d), reason: 'over-capacity' as const })),
    ...routePlan.unserved.map((u) => ({ ...plain(byId.get(u.stopId) as LocatedDelivery), reason: u.reason })),
  ].sort((a, b) => a.orderId - b.orderId);
  return {
    warehouse: day.warehouse,
    date: settings.date,
    assumptions: { ...settings, statuses: WAITING_STATUSES, placedBefore: options.placedBefore, demand: 'units', distance: 'haversine' },
    routes,
    totals: {
      stops: routes.reduce((n, r) => n + r.stops.length, 0),
      km: routePlan.totalDistance,
      units: routes.reduce((n, r) => n + r.units, 0),
      vansUsed: routePlan.vehiclesUsed,
    },
    unserved,
    unlocated: day.unlocated,
    routePlan,
  };
}

function toRoute(route: PlannedRoute, byId: ReadonlyMap<string, LocatedDelivery>, at: (minutes: number) => string): DeliveryRoute {
  const stops = route.stops.map((s): DeliveryStop => {
    const order = byId.get(s.stopId) as LocatedDelivery;
    return {
      orderId: order.orderId, sequence: s.sequence, town: order.town, postcode: order.postcode, units: order.units,
      arrival: at(s.arrival), kmFromPrevious: s.distanceFromPrevious,
    };
  });
  return { van: route.vehicle + 1, stops, km: route.distance, units: route.load, departure: at(route.departure), returnAt: at(route.returnTime) };
}

/** A located delivery without its coordinates, as lists of unserved orders show it. */
function plain(d: LocatedDelivery): DeliveryOrder {
  const { lat: _lat, lng: _lng, ...order } = d;
  return order;
}
