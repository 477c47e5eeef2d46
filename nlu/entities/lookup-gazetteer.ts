import type { EntityExtractor } from '../../core/nlu.js';
import type { LookupTable, TrainingLanguage } from '../training-format/types.js';
import { phraseExtractor } from './catalogue-gazetteer.js';

/** Options of {@link createLookupGazetteer}. */
export interface LookupGazetteerOptions {
  /** The training file's `lookups`. */
  lookups: readonly LookupTable[];
  language: TrainingLanguage;
  /** Tolerate one typo per word of `minFuzzyLength` letters or more. @defaultValue true */
  fuzzy?: boolean;
  /** @defaultValue 5 */
  minFuzzyLength?: number;
}

/**
 * Finds the values and synonyms of the training file's lookup tables; the entity type is the
 * table's name and `value` the canonical value (`Leeds warehouse` → `LDS`).
 *
 * @remarks Same matching as the catalogue gazetteer: word by word, case- and accent-blind, one
 * typo per long word; exact matches come from extractor `lookup`, typo matches from `lookup-fuzzy`.
 */
export function createLookupGazetteer(options: LookupGazetteerOptions): EntityExtractor {
  const fuzzy = options.fuzzy ?? true;
  const entries = options.lookups.flatMap((table) =>
    table.entries.flatMap((entry) => [entry.value, ...entry.synonyms].map((phrase) => ({ phrase, type: table.type, value: entry.value, fuzzy }))),
  );
  return phraseExtractor({ name: 'lookup', entries, language: options.language, minFuzzyLength: options.minFuzzyLength });
}
