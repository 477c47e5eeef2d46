/**
 * The contract every benchmarked NLU system implements: ours, and peers such as node-nlp.
 *
 * @remarks The harness owns the data, the timing and the metrics; a system only trains and
 * parses. Replacing "ours" with another pipeline means editing `systems/ours.ts` alone.
 */

/** Language of a benchmark dataset. */
export type BenchLanguage = 'en' | 'zh';

/** One labelled utterance. `tokens` and `tags` are present on slot-filling datasets. */
export interface Example {
  /** The utterance as a system sees it (English tokens joined by spaces; Chinese characters joined). */
  text: string;
  /** The dataset's own tokenisation (words in English, characters in Chinese). */
  tokens?: string[];
  /** One slot tag per token, in the dataset's scheme (BIO; BIOES for CAIS). */
  tags?: string[];
  intent: string;
}

/** What a system may learn from. The harness never puts test data here. */
export interface BenchTrainData {
  language: BenchLanguage;
  /** Examples to fit the model on. */
  train: Example[];
  /** Validation examples, for tuning (thresholds, early stopping) only. */
  valid: Example[];
  /** Out-of-scope training utterances (CLINC150 `oos_train`). */
  oosTrain?: string[];
  /** Out-of-scope validation utterances (CLINC150 `oos_val`), for tuning an OOS threshold. */
  oosValid?: string[];
}

/** Progress reported while training; the harness prints it to stderr. */
export interface BenchProgress {
  message: string;
  /** Completed share of the work in [0, 1], when known. */
  fraction?: number;
}

/** Options of {@link BenchSystem.train}. */
export interface BenchTrainOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BenchProgress) => void;
}

/** One utterance to parse. */
export interface BenchInput {
  text: string;
  /** When given, {@link BenchParse.tags} must have one tag per token. */
  tokens?: string[];
}

/** A system's reading of one utterance. */
export interface BenchParse {
  /** The predicted intent; `null` means out of scope. */
  intent: string | null;
  /** One slot tag per input token, in the scheme of the training tags; absent without a tagger. */
  tags?: string[];
}

/** A trainable NLU system under benchmark. */
export interface BenchSystem {
  readonly name: string;
  /** Whether {@link BenchParse.tags} is filled in (slot filling); read after training. */
  readonly tagsSlots: boolean;
  train(data: BenchTrainData, options?: BenchTrainOptions): Promise<void>;
  /** Parses one utterance (intent and entities), as a live bot would. */
  parse(input: BenchInput): Promise<BenchParse>;
  /** Parses many utterances; results are in input order. */
  parseBatch(inputs: readonly BenchInput[]): Promise<BenchParse[]>;
}

/** Builds a fresh, untrained system. Factories load heavy modules lazily. */
export type BenchSystemFactory = () => Promise<BenchSystem>;
