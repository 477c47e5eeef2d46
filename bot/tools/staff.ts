import { z } from 'zod';
import {
  forecastDemand, listLowStock, readDailySales, readStock,
  type ForecastResult, type LowStockReport, type StockRecord,
} from '../../ops/index.js';
import { messagesIn, type StockLevelRow, type WeeklyForecast } from '../messages/index.js';
import { ToolRegistry, type BotTool } from './registry.js';
import { STAFF_ROLES_FOR } from './staff-roles.js';

/** Rows shown in the low-stock reply; the rest stay in the tool's data. */
export const LOW_STOCK_SHOWN = 10;
/** What `listLowStock` averages when no forecast is given; said in the reply as the assumption. */
const TRAILING_DAYS = 28;
/** Sales history a forecast reads: a year of whole weeks, so a seasonal shape can show. */
const HISTORY_DAYS = 364;
/** Fewer whole weeks than this is too little to say anything useful about the next ones. */
const MIN_HISTORY_DAYS = 14;
/** Staff read an 80% range more easily than a 95% one, and it is the one they plan with. */
const FORECAST_LEVEL = 0.8;
const DAY_MS = 86_400_000;
/** Horizon when the question names none: four weeks is what a reorder cycle looks at. */
export const DEFAULT_WEEKS = 4;

const Warehouse = z.string().trim().toUpperCase().pipe(z.string().min(1).max(16));
const Sku = z.string().trim().toUpperCase().pipe(z.string().min(1).max(64));
const LowStockArgs = z.object({ warehouse: Warehouse.optional() }).strict();
const StockLevelArgs = z.object({ sku: Sku }).strict();
const ForecastArgs = z.object({
  sku: Sku,
  warehouse: Warehouse.optional(),
  /** @defaultValue {@link DEFAULT_WEEKS} */
  weeks: z.number().int().min(1).max(26).optional(),
}).strict();

const isoDay = (date: Date, plusDays = 0): string => new Date(date.getTime() + plusDays * DAY_MS).toISOString().slice(0, 10);

export const lowStockTool: BotTool<z.infer<typeof LowStockArgs>, LowStockReport> = {
  name: 'low_stock_list',
  description: 'SKUs whose available stock is below the reorder point, most urgent first; optionally one warehouse.',
  args: LowStockArgs,
  roles: ['staff'],
  staffRoles: STAFF_ROLES_FOR.stockPlanning,
  changesState: false,
  async run(ctx, args) {
    const report = await listLowStock({
      db: ctx.db, now: ctx.now, trailingDays: TRAILING_DAYS, ...(args.warehouse ? { warehouses: [args.warehouse] } : {}),
    });
    const text = messagesIn(ctx.language).lowStockTable({
      report, shown: report.items.slice(0, LOW_STOCK_SHOWN), warehouse: args.warehouse, trailingDays: TRAILING_DAYS,
    });
    return { data: report, text };
  },
};

export const stockLevelTool: BotTool<z.infer<typeof StockLevelArgs>, StockRecord[]> = {
  name: 'stock_level',
  description: 'On hand, reserved and available units of one SKU in every warehouse.',
  args: StockLevelArgs,
  roles: ['staff'],
  staffRoles: STAFF_ROLES_FOR.stock,
  changesState: false,
  async run(ctx, args) {
    const stock = await readStock({ db: ctx.db, skus: [args.sku] });
    const rows: StockLevelRow[] = stock.map((s) => ({
      warehouse: s.warehouse, onHand: s.onHand, reserved: s.reserved, available: Math.max(0, s.onHand - s.reserved),
    }));
    return { data: stock, text: messagesIn(ctx.language).stockLevel({ sku: args.sku, name: stock[0]?.name, rows }) };
  },
};

export const demandForecastTool: BotTool<z.infer<typeof ForecastArgs>, ForecastResult | null> = {
  name: 'demand_forecast',
  description: 'Weekly demand forecast with an 80% interval for one SKU, in one warehouse or all of them.',
  args: ForecastArgs,
  roles: ['staff'],
  staffRoles: STAFF_ROLES_FOR.stockPlanning,
  changesState: false,
  async run(ctx, args) {
    const m = messagesIn(ctx.language);
    const daily = await dailySales({ ...args, db: ctx.db, now: ctx.now });
    if (daily.length < MIN_HISTORY_DAYS) return { data: null, text: m.forecastNoHistory({ sku: args.sku, warehouse: args.warehouse }) };
    const result = forecastDemand({ dailySales: daily, horizon: args.weeks ?? DEFAULT_WEEKS, unit: 'week', level: FORECAST_LEVEL });
    const weeks: WeeklyForecast[] = result.point.map((point, i) => ({
      weekStart: isoDay(ctx.now, 7 * i), point, lower: result.lower[i] ?? point, upper: result.upper[i] ?? point,
    }));
    const text = m.forecastReply({
      sku: args.sku, warehouse: args.warehouse, weeks, level: result.level, method: result.method, reason: result.reason, historyDays: daily.length,
    });
    return { data: result, text };
  },
};

/**
 * Units sold per day up to yesterday, summed over the chosen warehouses, from the first day with a sale.
 *
 * @remarks The store zero-fills days without sales, including days before a product was sold at
 * all; those leading zeros would read as a long slump and drag the forecast down.
 */
async function dailySales(options: { db: Parameters<typeof readStock>[0]['db']; now: Date; sku: string; warehouse?: string }): Promise<number[]> {
  const series = await readDailySales({
    db: options.db, skus: [options.sku], from: isoDay(options.now, -HISTORY_DAYS), to: isoDay(options.now, -1),
    ...(options.warehouse ? { warehouses: [options.warehouse] } : {}),
  });
  const first = series[0];
  if (!first) return [];
  const totals = first.days.map((_, d) => series.reduce((sum, s) => sum + (s.days[d]?.unitsSold ?? 0), 0));
  const start = totals.findIndex((units) => units > 0);
  return start < 0 ? [] : totals.slice(start);
}

/**
 * Registers the staff tools (stock, low stock, demand forecast) on a registry.
 *
 * @remarks Every tool here is read-only and allowed to the `staff` role only; the registry
 * refuses anyone else before a tool runs.
 */
export function registerStaffTools(registry: ToolRegistry = new ToolRegistry()): ToolRegistry {
  return registry.register(lowStockTool).register(stockLevelTool).register(demandForecastTool);
}
