import type { TrainingLanguage } from '../training-format/types.js';
import type { TrainingProgress } from './training-loop.js';

/** A tokenised sentence with one tag per token (BIO or BIOES). */
export interface TaggedExample {
  tokens: readonly string[];
  tags: readonly string[];
}

/** Options of {@link SequenceTagger.train}. */
export interface TrainTaggerOptions {
  /** Stops training between steps; the tagger keeps its previous state. */
  signal?: AbortSignal;
  /** Called after each epoch. */
  onProgress?: (progress: TrainingProgress) => void;
  /** Overrides the tagger's configured number of passes. */
  epochs?: number;
  /** Overrides the tagger's configured seed for the order of examples. */
  seed?: number;
}

/**
 * Sequence-tagger contract: learns token tags for slot spans, tags batches, persists.
 *
 * @remarks Kept beside its implementation for now; it belongs with the other NLU contracts in
 * `core/nlu.ts`. Loading is a static factory on each implementation, since a persisted model
 * says which implementation it needs.
 */
export interface SequenceTagger {
  readonly name: string;
  readonly language: TrainingLanguage;
  train(examples: readonly TaggedExample[], options?: TrainTaggerOptions): Promise<void>;
  /** One tag per token for each sentence. */
  tag(sentences: readonly (readonly string[])[]): string[][];
  /** JSON-serialisable model state. */
  persist(): unknown;
}
