import { encodeSentence, type CrfParameters, type EncodedSentence } from './crf-model.js';
import { buildTransitions } from './transitions.js';

/** The outside tag, listed first so that label ids are stable across data sets. */
const OUTSIDE = 'O';

/** Sorted label set with `O` first. */
export function labelSet(tags: readonly (readonly string[])[]): string[] {
  const labels = new Set<string>();
  for (const sequence of tags) for (const tag of sequence) labels.add(tag);
  labels.delete(OUTSIDE);
  return [OUTSIDE, ...[...labels].sort()];
}

/**
 * Builds zero weights and encoded sentences from featurised training data.
 *
 * @remarks Attributes seen fewer than `minFeatureCount` times are dropped: rare ones mostly
 * memorise single sentences. Ids follow first appearance, so the same data gives the same model.
 */
export function buildParameters(options: {
  features: readonly (readonly (readonly string[])[])[];
  tags: readonly (readonly string[])[];
  minFeatureCount: number;
}): { params: CrfParameters; sentences: EncodedSentence[] } {
  const labels = labelSet(options.tags);
  const labelIds = new Map(labels.map((label, i) => [label, i]));
  const counts = new Map<string, number>();
  for (const sentence of options.features) {
    for (const position of sentence) for (const feature of position) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const attributeIds = new Map<string, number>();
  for (const [feature, count] of counts) if (count >= options.minFeatureCount) attributeIds.set(feature, attributeIds.size);

  const sentences = options.features.map((features, i) => {
    const sentence = encodeSentence(features, attributeIds);
    sentence.gold = Int32Array.from(options.tags[i] ?? [], (tag) => labelIds.get(tag) as number);
    return sentence;
  });
  const pairs = pairTable({ sentences, numAttributes: attributeIds.size, numLabels: labels.length });
  const L = labels.length;
  const params: CrfParameters = {
    labels,
    attributeIds,
    ...pairs,
    state: new Float64Array(pairs.pairLabel.length),
    trans: new Float64Array(L * L),
    start: new Float64Array(L),
    end: new Float64Array(L),
    structure: buildTransitions({ labels, observed: sentences.map((s) => Array.from(s.gold ?? [])) }),
  };
  return { params, sentences };
}

/** CSR table of the (attribute, label) pairs that occur in the gold data. */
function pairTable(options: { sentences: readonly EncodedSentence[]; numAttributes: number; numLabels: number }): {
  pairStart: Int32Array;
  pairLabel: Int32Array;
} {
  const { sentences, numAttributes, numLabels } = options;
  const seen = new Set<number>();
  const perAttribute = new Int32Array(numAttributes);
  for (const { attrs, offsets, gold, length } of sentences) {
    for (let t = 0; t < length; t += 1) {
      const y = (gold as Int32Array)[t] as number;
      for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k += 1) {
        const key = (attrs[k] as number) * numLabels + y;
        if (!seen.has(key)) {
          seen.add(key);
          const a = attrs[k] as number;
          perAttribute[a] = (perAttribute[a] as number) + 1;
        }
      }
    }
  }
  const pairStart = new Int32Array(numAttributes + 1);
  for (let a = 0; a < numAttributes; a += 1) pairStart[a + 1] = (pairStart[a] as number) + (perAttribute[a] as number);
  const fill = pairStart.slice(0, numAttributes);
  const pairLabel = new Int32Array(pairStart[numAttributes] as number);
  for (const key of [...seen].sort((x, y) => x - y)) {
    const a = Math.floor(key / numLabels);
    pairLabel[fill[a] as number] = key % numLabels;
    fill[a] = (fill[a] as number) + 1;
  }
  return { pairStart, pairLabel };
}
