import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InvalidInputError } from '../../core/errors.js';
import { STRATEGY_NAMES, type Strategy } from '../../ops/forecasting/index.js';
import { DATASETS, DATASET_NAMES, isDatasetName, type DatasetName } from './datasets.js';

/** Parsed command line of `npm run bench:forecast`. */
export interface ForecastBenchArgs {
  dataset: DatasetName;
  trainPath: string;
  /** Absent: the last horizon of each training series is held out. */
  testPath?: string;
  /** Season length our method is told. @defaultValue the dataset's period (52 for m4-weekly) */
  seasonality: number;
  strategy: Strategy;
  /** Override the strategy's number of combined candidates. */
  combine?: number;
  /** Override the strategy's number of validation origins. */
  origins?: number;
  /** Only the first N series (quick runs). */
  limit?: number;
}

export const USAGE = `Usage: npm run bench:forecast -- --dataset <${DATASET_NAMES.join('|')}> [--train <path>] [--test <path>]
                              [--seasonality N] [--strategy ${STRATEGY_NAMES.join('|')}] [--combine N] [--origins N] [--limit N]

  --train   training series in the dataset's native layout (default: <data-root>/${DATASETS['m4-weekly'].defaultTrain} etc.)
  --test    test series in the same layout; without it the last horizon of each training series is held out
  --seasonality  season length given to our method (the baselines always use the dataset's M4 period)`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidInputError(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

const optional = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, number>>;

/** @throws {@link InvalidInputError} naming the bad option. */
export function parseForecastBenchArgs(argv: readonly string[]): ForecastBenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      dataset: { type: 'string' },
      train: { type: 'string' },
      test: { type: 'string' },
      seasonality: { type: 'string' },
      strategy: { type: 'string', default: 'adaptive' },
      combine: { type: 'string' },
      origins: { type: 'string' },
      limit: { type: 'string' },
      'data-root': { type: 'string', default: join('..', 'shared', 'data') },
    },
    strict: true,
  });
  const dataset = values.dataset ?? '';
  if (!isDatasetName(dataset)) throw new InvalidInputError(`--dataset must be one of ${DATASET_NAMES.join(', ')}`);
  const strategy = values.strategy as Strategy;
  if (!STRATEGY_NAMES.includes(strategy)) throw new InvalidInputError(`--strategy must be one of ${STRATEGY_NAMES.join(', ')}`);
  const spec = DATASETS[dataset];
  const limit = positiveInt(values.limit, 'limit');
  return {
    dataset,
    trainPath: values.train ?? join(values['data-root'], spec.defaultTrain),
    ...(values.test === undefined ? {} : { testPath: values.test }),
    seasonality: positiveInt(values.seasonality, 'seasonality') ?? (dataset === 'm4-weekly' ? 52 : spec.period),
    strategy,
    ...optional('combine', positiveInt(values.combine, 'combine')),
    ...optional('origins', positiveInt(values.origins, 'origins')),
    ...optional('limit', limit),
  };
}
