import { describe, expect, it } from 'vitest';
import { loadDemoTrainingSet } from '../../../nlu/demo.js';
import { trainShopEntityExtractor } from '../../../nlu/entities/index.js';
import { evaluateEntities } from '../../../nlu/model/evaluate.js';
import { loadTrainingFile } from '../../../nlu/training-format/index.js';

// Wednesday 15 May 2024, 10:00: spans do not depend on the clock, but values do.
const NOW = () => new Date(2024, 4, 15, 10);

// Held-out sentences (tests/fixtures/nlu-entities-holdout-*.yaml) measure generalisation; the
// demo files themselves only check the fit. The CLI evaluates without a catalogue, and so does this.
describe('the shop entity extractor on held-out sentences', () => {
  it.each(['en', 'zh'] as const)(
    '%s: trained on the demo data, reaches an entity micro F1 of 0.8 in the annotations’ vocabulary',
    async (language) => {
      const set = await loadDemoTrainingSet(language);
      const holdout = await loadTrainingFile(new URL(`../../fixtures/nlu-entities-holdout-${language}.yaml`, import.meta.url));
      const extractor = await trainShopEntityExtractor({ set, now: NOW });
      const predicted = await extractor.extract(holdout.examples.map((e) => e.text));
      const annotated = new Set(set.examples.flatMap((e) => e.entities.map((entity) => entity.type)));
      expect(predicted.flat().filter((e) => !annotated.has(e.type))).toEqual([]);
      const result = evaluateEntities({ gold: holdout.examples.map((e) => e.entities), predicted });
      expect(result.f1).toBeGreaterThanOrEqual(0.8);
    },
    120_000,
  );
});
