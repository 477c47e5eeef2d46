import { createRandom } from '../../core/random.js';

/**
 * A small seeded random source for the demo-shop generator.
 *
 * @remarks `Math.random` cannot be seeded, and the demo shop must come out byte-for-byte the
 * same for a given seed so that tests, screenshots and bug reports agree. mulberry32 is tiny,
 * fast and good enough for synthetic data (not for anything secret).
 */
export class Rng {
  /** Uniform float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number) {
    this.next = createRandom(seed);
  }

  /**
   * An independent stream for one part of the generator.
   *
   * @remarks Each generator step draws from its own stream, so adding a draw to one step
   * (say, a new product attribute) does not reshuffle every order and sales figure after it.
   */
  static stream(seed: number, label: string): Rng {
    let hash = 2166136261 ^ seed;
    for (let i = 0; i < label.length; i += 1) {
      hash = Math.imul(hash ^ label.charCodeAt(i), 16777619);
    }
    return new Rng(hash);
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      target -= weights[i] as number;
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct elements, in random order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** Standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /**
   * Poisson draw with mean `lambda`.
   *
   * @remarks Knuth's product method is exact but linear in `lambda`; demo demand rarely
   * exceeds 30 units a day, and above that a rounded normal is indistinguishable in a chart.
   */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /**
   * Gamma draw with the given shape and scale (Marsaglia-Tsang).
   *
   * @remarks Used as the mixing distribution of {@link Rng.negativeBinomial}.
   */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.next(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = this.normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      x = x * x;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x || Math.log(u) < 0.5 * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /**
   * Negative-binomial draw with mean `mean` and dispersion `k` (a gamma-Poisson mixture).
   *
   * @remarks Real retail demand is over-dispersed: days with a sudden run on an item are
   * more common than a Poisson model allows. Smaller `k` means burstier demand.
   */
  negativeBinomial(mean: number, k: number): number {
    if (mean <= 0) return 0;
    return this.poisson(this.gamma(k, mean / k));
  }
}
