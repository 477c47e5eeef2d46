import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../../../bench/nlu/datasets/index.js';
import { tuneOosThreshold } from '../../../nlu/hybrid/oos-threshold.js';

describe('stratifiedSplit', () => {
  const items = [
    ...Array.from({ length: 40 }, (_, i) => ({ id: i, label: 'a' })),
    ...Array.from({ length: 15 }, (_, i) => ({ id: 100 + i, label: 'b' })),
    { id: 200, label: 'lonely' },
  ];

  it('holds out about 10 % of each label, keeps singletons, and loses nothing', () => {
    const { kept, heldOut } = stratifiedSplit(items, (x) => x.label);
    expect(heldOut.filter((x) => x.label === 'a')).toHaveLength(4);
    expect(heldOut.filter((x) => x.label === 'b')).toHaveLength(2);
    expect(kept.some((x) => x.label === 'lonely')).toBe(true);
    expect([...kept, ...heldOut].map((x) => x.id).sort((p, q) => p - q)).toEqual(items.map((x) => x.id));
  });

  it('is reproducible for a seed and changes with it', () => {
    const ids = (seed: number) => stratifiedSplit(items, (x) => x.label, { seed }).heldOut.map((x) => x.id);
    expect(ids(1)).toEqual(ids(1));
    expect(ids(1)).not.toEqual(ids(2));
  });
});

describe('tuneOosThreshold', () => {
  it('puts the threshold between the confidences that maximise validation accuracy', () => {
    const threshold = tuneOosThreshold({
      inScope: [
        { confidence: 0.9, correct: true },
        { confidence: 0.8, correct: true },
        { confidence: 0.3, correct: false },
        { confidence: 0.25, correct: true },
      ],
      outOfScope: [0.1, 0.2, 0.4],
    });
    // Rejecting below 0.275: +2 OOS, +0 wrong in-scope → best; rejecting 0.4 too would cost the 0.25 hit.
    expect(threshold).toBeCloseTo(0.225);
  });

  it('returns 0 when rejecting nothing is best', () => {
    expect(tuneOosThreshold({ inScope: [{ confidence: 0.1, correct: true }], outOfScope: [0.9] })).toBe(0);
  });

  it('does not cut between equal confidences', () => {
    const threshold = tuneOosThreshold({ inScope: [{ confidence: 0.5, correct: true }], outOfScope: [0.5, 0.5, 0.2] });
    expect(threshold).toBeGreaterThan(0.5);
  });
});
