import type { SupportedLanguage } from '../../nlu/index.js';

/** The labels a sentiment model gives; `neutral` is trained only when a data set has it. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** A labelled message for training or evaluation. */
export interface SentimentExample {
  text: string;
  label: SentimentLabel;
}

/** What a model says about one message. */
export interface SentimentScore {
  /** `P(positive) − P(negative)`, in [-1, 1]. */
  score: number;
  /** `neutral` when the top class is neutral or `|score|` is inside the neutral band. */
  label: SentimentLabel;
  /**
   * Calibrated probability of `label` when it is a trained class; for a message put into the
   * neutral band by a two-class model, `1 − |score|`.
   */
  confidence: number;
}

/** Languages with sentiment models: those of the NLU. */
export type SentimentLanguage = SupportedLanguage;
