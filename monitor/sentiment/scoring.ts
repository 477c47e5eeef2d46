import type { IntentPrediction } from '../../core/nlu.js';
import type { SentimentLabel, SentimentScore } from './types.js';

/**
 * Turns the classifier's calibrated ranking into a score and a label.
 *
 * @remarks `score = P(positive) − P(negative)`, clamped to [-1, 1] against rounding. The label is
 * the top class, except that a positive or negative top class with `|score| < neutralBand`
 * becomes `neutral`.
 */
export function toSentimentScore(ranked: readonly IntentPrediction[], neutralBand: number): SentimentScore {
  const p = (name: string) => ranked.find((r) => r.name === name)?.confidence ?? 0;
  const score = Math.max(-1, Math.min(1, p('positive') - p('negative')));
  const top = ranked[0];
  const topLabel = (top?.name ?? 'neutral') as SentimentLabel;
  if (topLabel === 'neutral') return { score, label: 'neutral', confidence: top?.confidence ?? 0 };
  if (Math.abs(score) < neutralBand || score === 0) return { score, label: 'neutral', confidence: 1 - Math.abs(score) };
  return { score, label: topLabel, confidence: top?.confidence ?? 0 };
}
