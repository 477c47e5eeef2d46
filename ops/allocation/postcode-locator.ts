import type { LatLng } from './costs.js';

/** A place with the postcode districts (outward codes) it covers. */
export interface PostcodePlace extends LatLng {
  districts: readonly string[];
}

/**
 * Builds a lookup from a UK postcode to coordinates, by district, else by area.
 *
 * @remarks The store keeps addresses, not coordinates. A district-level point (`LS1`) is close
 * enough to compare warehouses that are 100+ km apart; an unknown district falls back to the
 * mean of known places in its area (`LS`), and an unknown area gives `null`.
 * @example
 * const locate = createPostcodeLocator(TOWNS);
 * locate('LS1 4AB'); // { lat: 53.8008, lng: -1.5491 }
 */
export function createPostcodeLocator(places: readonly PostcodePlace[]): (postcode: string) => LatLng | null {
  const byDistrict = new Map<string, LatLng>();
  const byArea = new Map<string, LatLng[]>();
  for (const place of places) {
    for (const district of place.districts) {
      const code = district.toUpperCase();
      byDistrict.set(code, { lat: place.lat, lng: place.lng });
      const area = areaOf(code);
      byArea.set(area, [...(byArea.get(area) ?? []), { lat: place.lat, lng: place.lng }]);
    }
  }
  return (postcode) => {
    const compact = postcode.toUpperCase().replace(/\s+/g, '');
    const outward = compact.length >= 5 ? compact.slice(0, -3) : compact;
    const exact = byDistrict.get(outward);
    if (exact) return exact;
    const near = byArea.get(areaOf(outward));
    if (!near || near.length === 0) return null;
    return { lat: mean(near.map((p) => p.lat)), lng: mean(near.map((p) => p.lng)) };
  };
}

function areaOf(outward: string): string {
  return /^[A-Z]+/.exec(outward)?.[0] ?? outward;
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}
