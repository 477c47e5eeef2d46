/** Names of the single forecasting methods `forecast` can run. */
export const METHOD_NAMES = [
  'naive',
  'seasonal-naive',
  'naive2',
  'ses',
  'holt',
  'damped',
  'holt-winters-additive',
  'holt-winters-multiplicative',
  'ets',
  'theta',
  'croston',
  'sba',
  'tsb',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

/** How `auto` turns validated candidates into one forecast. */
export const STRATEGY_NAMES = ['adaptive', 'best', 'median', 'mean'] as const;
export type Strategy = (typeof STRATEGY_NAMES)[number];

/** What every method sees besides the history. */
export interface MethodContext {
  horizon: number;
  /** Season length in periods; 1 for none. */
  period: number;
}

/** A point forecaster with the history it needs to be worth trying. */
export interface Method {
  name: MethodName;
  /** Whether the method can run on a history of this length (and these values). */
  applicable(y: readonly number[], context: MethodContext): boolean;
  forecast(y: readonly number[], context: MethodContext): number[];
}

/** The answer of {@link forecast}. */
export interface ForecastResult {
  /** Point forecasts for steps 1 … horizon. */
  point: number[];
  lower: number[];
  upper: number[];
  /** Nominal coverage of [lower, upper]. */
  level: number;
  /** The single method used, or 'combination' when several were combined. */
  method: MethodName | 'combination';
  /** The methods whose forecasts were used (one unless combined). */
  members: MethodName[];
  /** Plain-language reason for the choice, for logs and the operator console. */
  reason: string;
  /** Mean scaled validation error of each candidate tried (lower is better); empty when none. */
  scores: Partial<Record<MethodName, number>>;
}
