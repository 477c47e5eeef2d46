/** A scored intent label. `confidence` is a probability in [0, 1]. */
export interface IntentPrediction {
  name: string;
  confidence: number;
}

/** A span found in the text, with its normalised value. */
export interface Entity {
  /** Entity type, for example `order_id`, `email`. */
  type: string;
  /** Normalised value (order id as digits, e-mail lower-cased, ...). */
  value: string;
  /** The matched text as written. */
  text: string;
  start: number;
  end: number;
  /** Which component found it. */
  extractor: string;
}

/** Labelled training example. */
export interface TrainingExample {
  text: string;
  intent: string;
}

/** Result of understanding one utterance. */
export interface ParseResult {
  text: string;
  language: string;
  /** Best intent first; confidences sum to at most 1. */
  intents: IntentPrediction[];
  entities: Entity[];
}

/**
 * Intent classifier contract: train, classify a batch, persist and load.
 *
 * @remarks Stages process batches so that encoders can vectorise many texts at once.
 */
export interface IntentClassifier {
  readonly name: string;
  train(examples: readonly TrainingExample[], options?: { signal?: AbortSignal }): Promise<void>;
  /** Returns, for each text, the intents sorted by confidence (best first). */
  classify(texts: readonly string[]): Promise<IntentPrediction[][]>;
  /** Serialisable model state. */
  persist(): unknown;
}

/** Entity extractor contract: find entities in a batch of texts. */
export interface EntityExtractor {
  readonly name: string;
  extract(texts: readonly string[]): Promise<Entity[][]>;
}

/** The NLU as the bot sees it. */
export interface NluEngine {
  parse(texts: readonly string[]): Promise<ParseResult[]>;
}
