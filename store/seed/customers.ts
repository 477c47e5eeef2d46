import type { Address } from '../schema.js';
import type { Rng } from './random.js';
import { WAREHOUSES } from './reference.js';
import { DAY_MS } from './time.js';
import {
  EMAIL_DOMAINS, FIRST_NAMES, INWARD_LETTERS, LAST_NAMES, STREET_KINDS, STREET_NAMES, TOWNS, type Town,
} from './uk-data.js';

/** A customer as the generators see it; `createdAtMs` is settled once their orders are known. */
export interface SeedCustomer {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  address: Address;
  /** Warehouse nearest to the customer's town; their orders ship from it. */
  warehouseId: number;
  /** Relative propensity to order: a few loyal customers place many orders. */
  weight: number;
  createdAtMs: number;
}

/** Nearest warehouse by equirectangular distance, which is plenty accurate within the UK. */
export function nearestWarehouse(lat: number, lng: number): number {
  let best = WAREHOUSES[0]!;
  let bestDistance = Infinity;
  for (const w of WAREHOUSES) {
    const x = (lng - w.lng) * Math.cos(((lat + w.lat) / 2) * (Math.PI / 180));
    const distance = x * x + (lat - w.lat) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [w, distance];
  }
  return best.id;
}

/** A real outward code with a random, well-formed inward code, e.g. `LS6 2QT`. */
function postcode(rng: Rng, town: Town): string {
  const letter = () => INWARD_LETTERS[rng.int(0, INWARD_LETTERS.length - 1)];
  return `${rng.pick(town.districts)} ${rng.int(1, 9)}${letter()}${letter()}`;
}

function address(rng: Rng, name: string, town: Town): Address {
  const line1 = `${rng.int(1, 180)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_KINDS)}`;
  const flat = rng.chance(0.25) ? { line2: `Flat ${rng.int(1, 24)}` } : {};
  return { name, line1, ...flat, city: town.city, postcode: postcode(rng, town), country: 'GB' };
}

/** An e-mail address unique within the shop; clashes get a number like real sign-ups do. */
function uniqueEmail(rng: Rng, first: string, last: string, taken: Set<string>): string {
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const domain = rng.pick(EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  for (let n = rng.int(2, 99); taken.has(email); n += 1) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

/**
 * Builds customers with ids `firstId..firstId+count-1`.
 *
 * @remarks `taken` holds e-mails already in use (the demo customer's), so every address
 * stays unique as the schema requires.
 */
export function buildCustomers(rng: Rng, options: { firstId: number; count: number; nowMs: number; taken: Set<string> }): SeedCustomer[] {
  const townWeights = TOWNS.map((t) => t.weight);
  const customers: SeedCustomer[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const town = TOWNS[rng.weightedIndex(townWeights)]!;
    customers.push({
      id: options.firstId + i,
      email: uniqueEmail(rng, first, last, options.taken),
      name,
      phone: rng.chance(0.7) ? `+44 7700 900${String(rng.int(0, 999)).padStart(3, '0')}` : null,
      address: address(rng, name, town),
      warehouseId: nearestWarehouse(town.lat, town.lng),
      // Log-normal loyalty: most customers order a handful of times, a few order monthly.
      weight: Math.exp(rng.normal() * 0.9),
      createdAtMs: options.nowMs - rng.float(20, 1100) * DAY_MS,
    });
  }
  return customers;
}
