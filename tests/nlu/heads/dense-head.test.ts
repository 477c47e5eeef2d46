import { describe, expect, it } from 'vitest';
import { loadDenseHead, trainDenseHead, type DenseData } from '../../../nlu/heads/dense-head.js';
import { createRandom } from '../../../core/random.js';

/** Three noisy clusters in 16 dimensions: a head that learns anything separates them. */
function clusters(count: number, seed: number): DenseData {
  const random = createRandom(seed);
  const x: Float32Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const label = i % 3;
    const row = new Float32Array(16).map(() => (random() - 0.5) * 0.6);
    row[label * 4] = (row[label * 4] as number) + 1;
    x.push(row);
    y.push(label);
  }
  return { x, y };
}

describe('dense head', () => {
  it('learns held-out points, gives calibrated probabilities, and reloads to identical predictions', async () => {
    const head = await trainDenseHead({ train: clusters(300, 1), validation: clusters(60, 2), classes: 3, settings: { hiddenUnits: 16, maxEpochs: 30 } });
    const test = clusters(90, 3);
    const probabilities = await head.predict(test.x);
    const correct = probabilities.filter((p, i) => p.indexOf(Math.max(...p)) === test.y[i]).length;
    expect(correct / test.x.length).toBeGreaterThan(0.9);
    for (const p of probabilities) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const restored = await loadDenseHead(JSON.parse(JSON.stringify(head.persist())));
    expect(await restored.predict(test.x)).toEqual(probabilities);
  });

  it('trains to the same weights twice with the same seed', async () => {
    const options = { train: clusters(90, 4), validation: clusters(30, 5), classes: 3, settings: { hiddenUnits: 0, maxEpochs: 5 } };
    const first = await trainDenseHead(options);
    const second = await trainDenseHead(options);
    expect(second.persist()).toEqual(first.persist());
  });

  it('refuses malformed persisted heads', async () => {
    await expect(loadDenseHead({ format: 'dense-head@1' })).rejects.toThrow(/invalid dense head/);
  });
});
