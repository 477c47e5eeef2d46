import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { StockOutSeriesSchema } from './schemas.js';
import type { DailyStockRecord, StockOutEvent, StockOutEvidence, StockOutSeries } from './stock-out-types.js';
import { parseInput } from '../../core/validation.js';

/** Options of {@link detectStockOuts}. */
export interface DetectStockOutsInput {
  series: readonly StockOutSeries[];
  /** Report stock-outs that overlap the last this many days of each series. */
  lastDays: number;
  /**
   * Shortest run of zero-sales days the proxy may call a stock-out.
   * @defaultValue 3
   */
  minRunDays?: number;
  /**
   * The proxy calls a zero-sales run a stock-out when the chance of that many quiet days in a row,
   * at the SKU's own share of zero-sales days, is below this.
   * @defaultValue 0.01
   */
  improbability?: number;
}

const InputSchema = z.object({
  series: z.array(StockOutSeriesSchema).max(100_000),
  lastDays: z.number().int().min(1).max(3660),
  minRunDays: z.number().int().min(1).max(365).default(3),
  improbability: z.number().gt(0).lt(1).default(0.01),
});

type Options = z.output<typeof InputSchema>;

/**
 * Stock-outs per SKU and warehouse in the last `lastDays` days, oldest first within a series.
 *
 * @remarks The store keeps current stock only, not a daily stock history, so where a day has
 * no recorded `available` this uses a proxy: a run of zero-sales days is a stock-out when it
 * is improbable for that SKU (its share of zero-sales days, smoothed, raised to the run length
 * is below `improbability`), or when it runs up to today and the SKU is out of stock now. Slow
 * movers, which often sell nothing for days, therefore need long gaps before they are flagged.
 * Days with a recorded `available` are judged directly: out when it is zero or less.
 * @throws {@link InvalidInputError} when a series is malformed or its dates are not consecutive.
 */
export function detectStockOuts(input: DetectStockOutsInput): StockOutEvent[] {
  const options = parseInput(InputSchema, input, 'stock-out input');
  return options.series.flatMap((series) => seriesStockOuts(series, options));
}

function seriesStockOuts(series: StockOutSeries, options: Options): StockOutEvent[] {
  checkConsecutive(series);
  const evidence = classifyDays(series, options);
  const windowStart = series.days.length - options.lastDays;
  const events: StockOutEvent[] = [];
  let start = -1;
  for (let i = 0; i <= evidence.length; i += 1) {
    const kind = evidence[i];
    if (kind && start < 0) start = i;
    if ((!kind || i === evidence.length) && start >= 0) {
      if (i - 1 >= windowStart) events.push(toEvent(series, { start, end: i - 1, evidence: evidence.slice(start, i) }));
      start = -1;
    }
  }
  return events;
}

function toEvent(series: StockOutSeries, run: { start: number; end: number; evidence: (StockOutEvidence | null)[] }): StockOutEvent {
  const kinds = [...new Set(run.evidence.filter((e): e is StockOutEvidence => e !== null))];
  return {
    sku: series.sku,
    warehouse: series.warehouse,
    start: (series.days[run.start] as DailyStockRecord).date,
    end: (series.days[run.end] as DailyStockRecord).date,
    days: run.end - run.start + 1,
    ongoing: run.end === series.days.length - 1 && (series.availableNow === undefined || series.availableNow <= 0),
    evidence: kinds,
  };
}

/** Per day: why it counts as out of stock, or `null`. */
function classifyDays(series: StockOutSeries, options: Options): (StockOutEvidence | null)[] {
  const { days } = series;
  const out: (StockOutEvidence | null)[] = days.map((d) => (d.available == null ? null : d.available <= 0 ? 'zero-available' : null));
  const unknown = days.filter((d) => d.available == null || d.available > 0);
  // Add-one smoothing keeps a SKU that never had a quiet day from making one quiet day "impossible".
  const zeroShare = (unknown.filter((d) => d.unitsSold === 0).length + 1) / (unknown.length + 2);
  let i = 0;
  while (i < days.length) {
    if (!isQuietUnknown(days[i] as DailyStockRecord)) { i += 1; continue; }
    let j = i;
    while (j + 1 < days.length && isQuietUnknown(days[j + 1] as DailyStockRecord)) j += 1;
    const length = j - i + 1;
    const outNow = j === days.length - 1 && series.availableNow !== undefined && series.availableNow <= 0;
    const kind: StockOutEvidence | null = outNow
      ? 'zero-sales-out-now'
      : length >= options.minRunDays && zeroShare ** length < options.improbability ? 'zero-sales-improbable' : null;
    if (kind) for (let k = i; k <= j; k += 1) out[k] = kind;
    i = j + 1;
  }
  return out;
}

function isQuietUnknown(day: DailyStockRecord): boolean {
  return day.available == null && day.unitsSold === 0;
}

const DAY_MS = 86_400_000;

function checkConsecutive(series: StockOutSeries): void {
  for (let i = 1; i < series.days.length; i += 1) {
    const gap = Date.parse(`${(series.days[i] as DailyStockRecord).date}T00:00:00Z`) - Date.parse(`${(series.days[i - 1] as DailyStockRecord).date}T00:00:00Z`);
    if (gap !== DAY_MS) {
      throw new InvalidInputError(`Invalid stock-out input: ${series.sku}@${series.warehouse} days must be consecutive dates, oldest first (day ${i} is ${(series.days[i] as DailyStockRecord).date})`);
    }
  }
}
