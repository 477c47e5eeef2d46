import { createRandom, shuffleInPlace } from '../../../core/random.js';

/** Seeded PRNG (mulberry32) returning floats in [0, 1); the project's one implementation. */
export const seededRandom = createRandom;

/** Fisher–Yates shuffle in place with the given random source. */
export const shuffle = shuffleInPlace;

export { stratifiedSplit, type StratifiedSplitOptions } from '../../../nlu/stratified-split.js';
