import type { LowStockConfig } from '../config.js';
import type { AlertRule, CandidateAlert } from '../types.js';
import { plural } from './shared.js';

/**
 * A SKU in a warehouse below its reorder point; `ops/inventory`'s `LowStockItem` has this shape.
 *
 * @remarks Declared here because `monitor/` may not import `ops/`: the composition root passes
 * `listLowStock` in as a {@link LowStockSource}.
 */
export interface LowStockLine {
  sku: string;
  name?: string;
  warehouse: string;
  available: number;
  reorderPoint: number;
  belowBy: number;
  daysOfCover: number | null;
}

/**
 * Reads stock below its reorder point, most urgent first.
 *
 * @example
 * const lowStock: LowStockSource = async ({ now, warehouses }) => (await listLowStock({ db, now, warehouses })).items;
 */
export type LowStockSource = (options: { now: Date; warehouses?: readonly string[]; signal?: AbortSignal }) => Promise<readonly LowStockLine[]>;

/**
 * One alert per warehouse with stock below the reorder point, keyed by the warehouse code.
 *
 * @remarks Critical when a SKU has nothing left to sell. Items keep the source's order (most urgent first).
 */
export function lowStockAlerts(items: readonly LowStockLine[], config: LowStockConfig): CandidateAlert[] {
  const byWarehouse = new Map<string, LowStockLine[]>();
  for (const item of items) {
    if (config.warehouses && !config.warehouses.includes(item.warehouse)) continue;
    const list = byWarehouse.get(item.warehouse) ?? [];
    list.push(item);
    byWarehouse.set(item.warehouse, list);
  }
  const alerts: CandidateAlert[] = [];
  for (const [warehouse, list] of [...byWarehouse].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (list.length < config.minItems) continue;
    const out = list.filter((i) => i.available <= 0).length;
    const shown = list.slice(0, config.listed);
    alerts.push({
      rule: 'low_stock',
      key: warehouse,
      severity: out > 0 ? 'critical' : 'warning',
      title: `Low stock in ${warehouse}: ${plural(list.length, 'SKU')} below the reorder point`,
      detail: `${plural(list.length, 'SKU')} in ${warehouse} below the reorder point${out > 0 ? `, ${out} with none available` : ''}. `
        + `Most urgent: ${shown.map((i) => `${i.sku} (${i.available} of ${i.reorderPoint})`).join(', ')}.`,
      data: { warehouse, count: list.length, outOfStock: out, items: shown },
      table: {
        title: `Low stock in ${warehouse}`,
        columns: ['SKU', 'Name', 'Available', 'Reorder point', 'Days of cover'],
        rows: shown.map((i) => [i.sku, i.name ?? '', String(i.available), String(i.reorderPoint), i.daysOfCover === null ? '–' : String(i.daysOfCover)]),
      },
    });
  }
  return alerts;
}

/** The low-stock rule over `source` (in production, `ops/inventory`'s `listLowStock`). */
export function lowStockRule(source: LowStockSource): AlertRule<LowStockConfig> {
  return {
    name: 'low_stock',
    async evaluate({ now, config, signal }) {
      const items = await source({ now, ...(config.warehouses ? { warehouses: config.warehouses } : {}), ...(signal ? { signal } : {}) });
      return lowStockAlerts(items, config);
    },
  };
}
