import { NotFoundError } from '../../core/errors.js';
import type { RoutePlan } from './plan.js';

export interface ShipmentEta {
  stopId: string;
  vehicle: number;
  sequence: number;
  /** When the van is expected at the door. */
  arrival: number;
  /** When delivery starts, after any wait for the window to open. */
  serviceStart: number;
  /** Stops the van makes before this one. */
  stopsBefore: number;
}

/**
 * Expected arrival of one shipment, read from the plan its route belongs to.
 *
 * @throws {@link NotFoundError} when the stop is not on any route (unknown or unserved).
 * @example
 * const eta = etaForStop(plan, 'order-1042');
 */
export function etaForStop(plan: RoutePlan, stopId: string): ShipmentEta {
  for (const route of plan.routes) {
    const stop = route.stops.find((s) => s.stopId === stopId);
    if (stop) {
      return {
        stopId, vehicle: route.vehicle, sequence: stop.sequence,
        arrival: stop.arrival, serviceStart: stop.serviceStart, stopsBefore: stop.sequence - 1,
      };
    }
  }
  throw new NotFoundError(`Delivery stop "${stopId}"`, { stopId });
}
