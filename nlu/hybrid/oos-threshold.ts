/** Validation evidence for choosing an out-of-scope threshold on the top confidence. */
export interface OosThresholdEvidence {
  /** In-scope validation items: the top confidence and whether the top intent was right. */
  inScope: ReadonlyArray<{ confidence: number; correct: boolean }>;
  /** Top confidences of out-of-scope validation utterances. */
  outOfScope: readonly number[];
  /**
   * How much one out-of-scope item counts against one in-scope item. Validation sets rarely
   * hold out-of-scope messages in the share a live shop sees (CLINC150: 100 against 3,000), so
   * weighting them up to the expected share keeps the threshold from ignoring them.
   * @defaultValue 1
   */
  outOfScopeWeight?: number;
}

/**
 * The out-of-scope weight that makes out-of-scope items `share` of the weighted validation
 * set, e.g. 0.2 for "one message in five is off-topic".
 */
export function weightForShare(share: number, counts: { inScope: number; outOfScope: number }): number {
  if (counts.outOfScope === 0 || share <= 0) return 1;
  return (share / (1 - share)) * (counts.inScope / counts.outOfScope);
}

/**
 * Picks the threshold on the top intent's confidence (below it: out of scope) that
 * maximises validation accuracy over in-scope and (weighted) out-of-scope items together.
 *
 * @remarks A sweep over the sorted confidences; the threshold is placed halfway between the
 * two confidences that bracket the best cut, so that it does not sit on a validation point.
 * Returns 0 (never out of scope) when rejecting nothing is best.
 */
export function tuneOosThreshold(evidence: OosThresholdEvidence): number {
  const weight = evidence.outOfScopeWeight ?? 1;
  // +weight: rejecting this item gains a correct answer; -1: loses one; 0: a wrong answer either way.
  const points = [
    ...evidence.inScope.map(({ confidence, correct }) => ({ confidence, gain: correct ? -1 : 0 })),
    ...evidence.outOfScope.map((confidence) => ({ confidence, gain: weight })),
  ].sort((a, b) => a.confidence - b.confidence);
  let best = 0;
  let bestThreshold = 0;
  let running = 0;
  for (let i = 0; i < points.length; i += 1) {
    running += points[i]?.gain ?? 0;
    const here = points[i]?.confidence ?? 0;
    const next = points[i + 1]?.confidence;
    // A cut between equal confidences cannot be realised; wait for the end of the tie.
    if (next !== undefined && next === here) continue;
    if (running > best) {
      best = running;
      bestThreshold = next === undefined ? here + 1e-9 : (here + next) / 2;
    }
  }
  return bestThreshold;
}
