/**
 * Forecasts for intermittent demand (many zero periods): Croston, SBA and TSB.
 *
 * @remarks All three give a flat forecast of the expected demand per period. Smoothing constants
 * default to 0.1, the usual value in the literature for slow-moving stock (Syntetos & Boylan 2005).
 */
export interface IntermittentOptions {
  horizon: number;
  /** Smoothing of demand sizes (and of intervals for Croston/SBA). @defaultValue 0.1 */
  alpha?: number;
  /** TSB only: smoothing of the demand probability. @defaultValue 0.1 */
  beta?: number;
}

/** Smoothed size and interval after the last period; undefined when no demand ever occurred. */
function crostonStates(y: readonly number[], alpha: number): { size: number; interval: number } | undefined {
  let size: number | undefined;
  let interval = 0;
  let sinceLast = 0;
  for (const value of y) {
    sinceLast += 1;
    if (value === 0) continue;
    if (size === undefined) {
      // Initialised with the first demand and the periods up to and including it.
      size = value;
      interval = sinceLast;
    } else {
      size += alpha * (value - size);
      interval += alpha * (sinceLast - interval);
    }
    sinceLast = 0;
  }
  return size === undefined ? undefined : { size, interval };
}

/** Croston (1972): smoothed demand size divided by smoothed inter-demand interval. */
export function crostonForecast(y: readonly number[], options: IntermittentOptions): number[] {
  const states = crostonStates(y, options.alpha ?? 0.1);
  const value = states === undefined ? 0 : states.size / states.interval;
  return new Array<number>(options.horizon).fill(value);
}

/** Syntetos–Boylan approximation: Croston times (1 − α/2), removing Croston's upward bias. */
export function sbaForecast(y: readonly number[], options: IntermittentOptions): number[] {
  const alpha = options.alpha ?? 0.1;
  return crostonForecast(y, options).map((v) => v * (1 - alpha / 2));
}

/**
 * Teunter–Syntetos–Babai (2011): smooths the demand probability every period, so the forecast
 * decays towards zero while no demand comes (obsolescence), unlike Croston.
 */
export function tsbForecast(y: readonly number[], options: IntermittentOptions): number[] {
  const alpha = options.alpha ?? 0.1;
  const beta = options.beta ?? 0.1;
  const firstIndex = y.findIndex((v) => v !== 0);
  if (firstIndex < 0) return new Array<number>(options.horizon).fill(0);
  let size = y[firstIndex] as number;
  let probability = 1 / (firstIndex + 1);
  for (let t = firstIndex + 1; t < y.length; t += 1) {
    const value = y[t] as number;
    const occurred = value !== 0 ? 1 : 0;
    probability += beta * (occurred - probability);
    if (occurred) size += alpha * (value - size);
  }
  return new Array<number>(options.horizon).fill(probability * size);
}

/** Share of zero periods and average inter-demand interval (ADI), used to route a series. */
export function intermittency(y: readonly number[]): { zeroShare: number; adi: number } {
  const demands = y.filter((v) => v !== 0).length;
  return { zeroShare: y.length === 0 ? 0 : 1 - demands / y.length, adi: demands === 0 ? Number.POSITIVE_INFINITY : y.length / demands };
}
