import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { haversineKm } from '../../core/geo.js';
import type { WarehouseOption } from './types.js';
import { parseInput } from '../../core/validation.js';

/** A point on the globe in degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** A warehouse's identity and location. */
export interface WarehouseSite extends LatLng {
  code: string;
  /** Short name for explanations, for example the city. */
  name?: string;
}

/** What shipping from one warehouse to the destination costs. */
export interface WarehouseCost {
  shipmentCostMinor: number;
  perUnitCostMinor?: number;
  distanceKm?: number;
}

/** Great-circle distance in km between two sites. */
function distanceBetween(a: LatLng, b: LatLng): number {
  return haversineKm({ lat: a.lat, lon: a.lng }, { lat: b.lat, lon: b.lng });
}

/** A distance-based tariff: a fixed price per parcel plus a price per km. */
export interface DistanceTariff {
  baseMinor: number;
  /** Minor units per km; fractional values are allowed, the parcel cost is rounded to whole minor units. */
  perKmMinor: number;
  /** @defaultValue 0 */
  perUnitMinor?: number;
}

const TariffSchema = z.object({
  baseMinor: z.number().int().nonnegative(),
  perKmMinor: z.number().finite().nonnegative(),
  perUnitMinor: z.number().int().nonnegative().default(0),
});

/**
 * Cost from every site to `destination` under a distance tariff.
 *
 * @example
 * distanceCosts({ sites, destination: { lat: 53.8, lng: -1.55 }, tariff: { baseMinor: 250, perKmMinor: 1.5 } });
 */
export function distanceCosts(input: { sites: readonly WarehouseSite[]; destination: LatLng; tariff: DistanceTariff }): Record<string, WarehouseCost> {
  const tariff = parseInput(TariffSchema, input.tariff, 'distance tariff');
  const out: Record<string, WarehouseCost> = {};
  for (const site of input.sites) {
    const distanceKm = distanceBetween(site, input.destination);
    out[site.code] = { shipmentCostMinor: Math.round(tariff.baseMinor + tariff.perKmMinor * distanceKm), perUnitCostMinor: tariff.perUnitMinor, distanceKm };
  }
  return out;
}

/**
 * Cost from every site under a zone matrix: `matrix[warehouseCode][zone]` in minor units per parcel.
 *
 * @throws {@link InvalidInputError} when the matrix has no price for a site in `zone`.
 */
export function zoneCosts(input: { sites: readonly WarehouseSite[]; zone: string; matrix: Readonly<Record<string, Readonly<Record<string, number>>>> }): Record<string, WarehouseCost> {
  const out: Record<string, WarehouseCost> = {};
  for (const site of input.sites) {
    const price = input.matrix[site.code]?.[input.zone];
    if (price === undefined || !Number.isInteger(price) || price < 0) {
      throw new InvalidInputError(`Invalid zone matrix: no whole, non-negative price from ${site.code} to zone ${input.zone}`);
    }
    out[site.code] = { shipmentCostMinor: price };
  }
  return out;
}

/** Available units of one SKU in one warehouse. */
export interface AvailableStock {
  sku: string;
  warehouse: string;
  available: number;
}

/**
 * Joins sites, their stock and their costs into the warehouses {@link allocateOrder} takes.
 *
 * @remarks A site without a cost cannot be priced, so it is left out rather than treated as free.
 */
export function warehouseOptions(input: { sites: readonly WarehouseSite[]; stock: readonly AvailableStock[]; costs: Readonly<Record<string, WarehouseCost>> }): WarehouseOption[] {
  return input.sites.flatMap((site) => {
    const cost = input.costs[site.code];
    if (!cost) return [];
    const stock: Record<string, number> = {};
    for (const row of input.stock) if (row.warehouse === site.code) stock[row.sku] = (stock[row.sku] ?? 0) + Math.max(0, row.available);
    return [{ code: site.code, name: site.name ?? site.code, stock, ...cost }];
  });
}
