import { createRandom, shuffleInPlace } from '../core/random.js';

/** Options of {@link stratifiedSplit}. */
export interface StratifiedSplitOptions {
  /** Share of each label's items that goes to the held-out part. @defaultValue 0.1 */
  fraction?: number;
  /** Seed of the shuffle. @defaultValue 42 */
  seed?: number;
}

/**
 * Splits items so that each label keeps its share in both parts.
 *
 * @remarks Every label with at least two items puts `round(n × fraction)` of them (at least
 * one) into `heldOut`; a label with a single item stays in `kept`. Both parts keep the
 * input order, so the split is reproducible for a given seed and input.
 */
export function stratifiedSplit<T>(
  items: readonly T[],
  labelOf: (item: T) => string,
  options: StratifiedSplitOptions = {},
): { kept: T[]; heldOut: T[] } {
  const fraction = options.fraction ?? 0.1;
  const random = createRandom(options.seed ?? 42);
  const byLabel = new Map<string, number[]>();
  items.forEach((item, i) => {
    const label = labelOf(item);
    const indices = byLabel.get(label);
    if (indices === undefined) byLabel.set(label, [i]);
    else indices.push(i);
  });
  const heldOutIndices = new Set<number>();
  for (const label of [...byLabel.keys()].sort()) {
    const indices = byLabel.get(label) ?? [];
    if (indices.length < 2) continue;
    const take = Math.max(1, Math.round(indices.length * fraction));
    for (const i of shuffleInPlace([...indices], random).slice(0, take)) heldOutIndices.add(i);
  }
  return {
    kept: items.filter((_, i) => !heldOutIndices.has(i)),
    heldOut: items.filter((_, i) => heldOutIndices.has(i)),
  };
}
