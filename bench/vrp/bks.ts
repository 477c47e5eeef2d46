import { readFileSync } from 'node:fs';

/** Best known cost and vehicles for one instance. */
export interface BestKnown {
  cost: number;
  vehicles: number;
  /** Solomon only: best known when minimising distance alone. */
  distanceOnly?: { cost: number; vehicles: number };
}

/**
 * Reads `bks.csv` of either data set: CVRPLIB (`optimal_cost`, `vehicles_k`) or Solomon
 * (`bks_cost_hierarchical`, `bks_vehicles_hierarchical`, `bks_cost_distance_only`, …).
 */
export function readBks(path: string): Map<string, BestKnown> {
  const [head, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  const col = (row: string[], name: string): number => Number(row[cols.indexOf(name)]);
  const out = new Map<string, BestKnown>();
  for (const line of rows) {
    const row = line.split(',');
    const name = row[0]!;
    if (cols.includes('optimal_cost')) {
      out.set(name, { cost: col(row, 'optimal_cost'), vehicles: col(row, 'vehicles_k') });
    } else {
      out.set(name, {
        cost: col(row, 'bks_cost_hierarchical'),
        vehicles: col(row, 'bks_vehicles_hierarchical'),
        distanceOnly: { cost: col(row, 'bks_cost_distance_only'), vehicles: col(row, 'bks_vehicles_distance_only') },
      });
    }
  }
  return out;
}
