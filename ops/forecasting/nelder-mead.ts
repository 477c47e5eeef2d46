/**
 * Nelder–Mead simplex minimiser (derivative-free) for the few smoothing parameters we fit.
 *
 * @remarks Deterministic: the start simplex is built from `start` and `step`, no randomness.
 * Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½).
 */
export interface NelderMeadOptions {
  /** Initial offset of each simplex vertex along its axis. @defaultValue 0.5 on every axis */
  step?: readonly number[];
  /** @defaultValue 100 × (dimensions + 1) */
  maxEvaluations?: number;
  /** Stop when the spread of values on the simplex falls below this. @defaultValue 1e-8 (relative) */
  tolerance?: number;
}

export interface NelderMeadResult {
  point: number[];
  value: number;
  evaluations: number;
}

/** Simplex vertices with their values, kept sorted best first. */
interface Simplex {
  points: number[][];
  values: number[];
}

function sortSimplex(simplex: Simplex): void {
  const order = simplex.values.map((_, i) => i).sort((a, b) => (simplex.values[a] as number) - (simplex.values[b] as number));
  simplex.points = order.map((i) => simplex.points[i] as number[]);
  simplex.values = order.map((i) => simplex.values[i] as number);
}

/** The point at `coef` times the worst vertex's offset from the centroid of the others. */
function alongWorst(simplex: Simplex, coef: number): number[] {
  const dim = simplex.points.length - 1;
  const worst = simplex.points[dim] as number[];
  const centroid = new Array<number>(dim).fill(0);
  for (let i = 0; i < dim; i += 1) for (let j = 0; j < dim; j += 1) centroid[j] = (centroid[j] as number) + (simplex.points[i]?.[j] as number) / dim;
  return centroid.map((c, j) => c + coef * ((worst[j] as number) - c));
}

/** One Nelder–Mead iteration on a sorted simplex. */
function iterate(simplex: Simplex, f: (x: readonly number[]) => number): void {
  const dim = simplex.points.length - 1;
  const best = simplex.values[0] as number;
  const worst = simplex.values[dim] as number;
  const replaceWorst = (point: number[], value: number): void => {
    simplex.points[dim] = point;
    simplex.values[dim] = value;
  };
  const reflected = alongWorst(simplex, -1);
  const fr = f(reflected);
  if (fr < best) {
    const expanded = alongWorst(simplex, -2);
    const fe = f(expanded);
    return fe < fr ? replaceWorst(expanded, fe) : replaceWorst(reflected, fr);
  }
  if (fr < (simplex.values[dim - 1] as number)) return replaceWorst(reflected, fr);
  const contracted = alongWorst(simplex, fr < worst ? -0.5 : 0.5);
  const fc = f(contracted);
  if (fc < Math.min(fr, worst)) return replaceWorst(contracted, fc);
  const first = simplex.points[0] as number[];
  for (let i = 1; i <= dim; i += 1) {
    simplex.points[i] = first.map((b, j) => b + 0.5 * ((simplex.points[i]?.[j] as number) - b));
    simplex.values[i] = f(simplex.points[i] as number[]);
  }
}

export function nelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const dim = start.length;
  const maxEvaluations = options.maxEvaluations ?? 100 * (dim + 1);
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const f = (x: readonly number[]): number => {
    evaluations += 1;
    const v = objective(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const points: number[][] = [[...start]];
  for (let i = 0; i < dim; i += 1) {
    const vertex = [...start];
    vertex[i] = (vertex[i] as number) + (options.step?.[i] ?? 0.5);
    points.push(vertex);
  }
  const simplex: Simplex = { points, values: points.map(f) };
  sortSimplex(simplex);
  while (evaluations < maxEvaluations) {
    const best = simplex.values[0] as number;
    if (Math.abs((simplex.values[dim] as number) - best) <= tolerance * (Math.abs(best) + 1e-12)) break;
    iterate(simplex, f);
    sortSimplex(simplex);
  }
  return { point: simplex.points[0] as number[], value: simplex.values[0] as number, evaluations };
}
