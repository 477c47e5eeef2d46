/** Languages a training file may declare. */
export const TRAINING_LANGUAGES = ['en', 'zh'] as const;
/** A language code from {@link TRAINING_LANGUAGES}. */
export type TrainingLanguage = (typeof TRAINING_LANGUAGES)[number];

/** Where something was written: 1-based line and column in the named file. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * An entity annotated inline (`[Leeds](warehouse)`), with offsets into the clean text.
 *
 * @remarks `end` is exclusive, like `String.prototype.slice`. `value` is the annotated text
 * unless the annotation names one (`[Leeds](warehouse:LDS)`).
 */
export interface EntityAnnotation {
  type: string;
  start: number;
  end: number;
  value: string;
}

/** One training sentence: the text with annotations removed, its intent and its entities. */
export interface AnnotatedExample {
  text: string;
  intent: string;
  /** Ordered by `start`; never overlapping. */
  entities: EntityAnnotation[];
  source: SourcePosition;
}

/** An example the bot should not match to any intent. */
export interface OutOfScopeExample {
  text: string;
  source: SourcePosition;
}

/** One canonical value of a lookup table and the other ways people write it. */
export interface LookupEntry {
  value: string;
  synonyms: string[];
}

/** A gazetteer for one entity type, from the file's `lookups`. */
export interface LookupTable {
  type: string;
  entries: LookupEntry[];
}

/** A validated training file. */
export interface TrainingSet {
  version: 1;
  language: TrainingLanguage;
  /** In file order: intent by intent, example by example. */
  examples: AnnotatedExample[];
  outOfScope: OutOfScopeExample[];
  lookups: LookupTable[];
  /** The file name given to the parser (used in positions). */
  fileName: string;
}
