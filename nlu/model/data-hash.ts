import { createHash } from 'node:crypto';
import type { TrainingSet } from '../training-format/types.js';

/**
 * SHA-256 of what a model learns from a training set: examples with their entities, the
 * out-of-scope examples and the lookups. Positions and file names are left out, so moving
 * or reformatting a file does not change the hash, while any change of content does.
 */
export function hashTrainingSet(set: TrainingSet): string {
  const content = {
    language: set.language,
    examples: set.examples.map((e) => [e.intent, e.text, e.entities.map((x) => [x.type, x.start, x.end, x.value])]),
    outOfScope: set.outOfScope.map((e) => e.text),
    lookups: set.lookups.map((l) => [l.type, l.entries.map((e) => [e.value, e.synonyms])]),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
