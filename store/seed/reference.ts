import type { Insertable } from 'kysely';
import type { StaffUsersTable, SuppliersTable, WarehousesTable } from '../schema.js';
import { isoTime, DAY_MS } from './time.js';

/**
 * The fictional shop the seed builds.
 *
 * @remarks The knowledge-base articles in `store/demo-shop/kb/` describe the same shop:
 * keep names, cities, carriers and prices here in step with them.
 */
export const DEMO_SHOP = {
  name: 'Northwind Outfitters',
  domain: 'northwind-outfitters.example',
  currency: 'GBP',
} as const;

/** Delivery prices in pence, as promised in `kb/shipping.md`. */
export const SHIPPING_PRICES = {
  standard: 395,
  express: 695,
  /** Standard UK delivery is free from this subtotal. */
  freeStandardFrom: 5000,
} as const;

/** Working days from dispatch to the promised delivery date per service. */
export const SERVICE_DAYS = { standard: 2, express: 1 } as const;

/** The three fulfilment centres, with real coordinates so routing by distance makes sense. */
export const WAREHOUSES: readonly Insertable<WarehousesTable>[] = [
  { id: 1, code: 'LDS', name: 'Leeds Fulfilment Centre', city: 'Leeds', lat: 53.7997, lng: -1.5492 },
  { id: 2, code: 'MAN', name: 'Manchester Trafford Park', city: 'Manchester', lat: 53.4626, lng: -2.3146 },
  { id: 3, code: 'MKN', name: 'Milton Keynes Magna Park', city: 'Milton Keynes', lat: 52.0086, lng: -0.6869 },
];

/** Share of national demand each warehouse serves; the south is the biggest market. */
export const WAREHOUSE_SHARE: Readonly<Record<number, number>> = { 1: 0.3, 2: 0.3, 3: 0.4 };

/** Suppliers with realistic lead times: UK makers are quick, Far-East electronics slow. */
export const SUPPLIERS: readonly Insertable<SuppliersTable>[] = [
  { id: 1, name: 'Pennine Textiles Ltd', email: 'orders@pennine-textiles.example', country: 'GB', lead_time_days: 7 },
  { id: 2, name: 'Calçado Douro Lda', email: 'export@calcado-douro.example', country: 'PT', lead_time_days: 21 },
  { id: 3, name: 'Nordfjell Gear AS', email: 'wholesale@nordfjell.example', country: 'NO', lead_time_days: 14 },
  { id: 4, name: 'Brightcell Electronics Co.', email: 'sales@brightcell.example', country: 'CN', lead_time_days: 42 },
  { id: 5, name: 'Calder Valley Homewares', email: 'trade@calder-homewares.example', country: 'GB', lead_time_days: 10 },
];

/** A carrier used for UK parcels, with its share of parcels and tracking-number format. */
export interface Carrier {
  name: string;
  share: number;
  /** Whether the carrier runs our next-working-day express service. */
  express: boolean;
  /**
   * Tracking number for an order.
   * @remarks The order number is embedded so numbers never collide; `mix` (0-9999) varies the rest.
   */
  tracking: (orderId: number, mix: number) => string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** UK carriers and their share of parcels, as named in `kb/shipping.md`. */
export const CARRIERS: readonly Carrier[] = [
  { name: 'Royal Mail', share: 0.35, express: false, tracking: (id, mix) => `FS${pad(id % 1e6, 6)}${pad(mix % 1000, 3)}GB` },
  { name: 'DPD', share: 0.3, express: true, tracking: (id, mix) => `1550${pad(mix, 4)}${pad(id, 6)}` },
  { name: 'Evri', share: 0.2, express: false, tracking: (id, mix) => `H01FSA${pad(id, 6)}${pad(mix, 4)}` },
  { name: 'DHL Parcel UK', share: 0.15, express: true, tracking: (id, mix) => `JD0146${pad(mix, 4)}${pad(id, 8)}` },
];

/** Back-office users, one or more per role. */
export function staffUsers(nowMs: number): Insertable<StaffUsersTable>[] {
  const people: [string, string, StaffUsersTable['role'], number][] = [
    ['Priya Shah', 'priya', 'admin', 900],
    ['Tom Barker', 'tom', 'manager', 640],
    ['Megan Hughes', 'megan', 'logistics', 300],
    ['Aisha Khan', 'aisha', 'agent', 520],
    ['Liam O\u2019Connor', 'liam', 'agent', 210],
    ['Grace Liu', 'grace', 'inventory', 90],
  ];
  return people.map(([name, handle, role, ageDays], i) => ({
    id: i + 1,
    email: `${handle}@${DEMO_SHOP.domain}`,
    name,
    role,
    created_at: isoTime(nowMs - ageDays * DAY_MS),
  }));
}

/** The ops user the demo back office (`/staff`) signs in as: Tom Barker. */
export const DEMO_STAFF_ID = 2;

/** Ids of staff who pack orders and process returns, for status-history actors. */
export const OPS_STAFF_IDS = [2, 3] as const;
/** Ids of support staff, who cancel orders on a customer's behalf. */
export const SUPPORT_STAFF_IDS = [4, 5] as const;
