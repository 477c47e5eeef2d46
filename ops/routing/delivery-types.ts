import type { OrderStatus } from '../../store/index.js';

/**
 * Orders that wait for a van: paid and packed.
 *
 * @remarks Paid orders count as well as packed ones because a plan is made ahead of its day
 * (tomorrow by default) and packing takes hours, not days: an order paid today is on the
 * bench by the time the vans are loaded. Shipped orders are with a carrier already.
 */
export const WAITING_STATUSES: readonly OrderStatus[] = ['paid', 'packed'];

/** Coordinates of a postcode, or `null` when it cannot be placed (see `createPostcodeLocator`). */
export type PostcodeLocator = (postcode: string) => { lat: number; lng: number } | null;

/** A warehouse vans leave from. */
export interface DeliveryWarehouse {
  id: number;
  /** `LDS`, `MAN`, `MKN` in the demo shop. */
  code: string;
  name: string;
  city: string;
  lat: number;
  lng: number;
}

/** An order waiting to go out, with what a driver needs to know. */
export interface DeliveryOrder {
  orderId: number;
  customerId: number;
  status: OrderStatus;
  town: string;
  /** As written on the address; empty when the stored address cannot be read. */
  postcode: string;
  /** Sum of the order's line quantities: the demand a van's capacity is counted in. */
  units: number;
}

/** A waiting order placed on the map by its postcode. */
export interface LocatedDelivery extends DeliveryOrder {
  lat: number;
  lng: number;
}

/** One warehouse's waiting orders, split by whether their postcode could be placed on the map. */
export interface DeliveryDay {
  warehouse: DeliveryWarehouse;
  located: LocatedDelivery[];
  /** Orders the locator could not place: listed for a person to route by hand, never dropped. */
  unlocated: DeliveryOrder[];
}
