import type { TransitionStructure } from './transitions.js';

/**
 * Weights of a linear-chain model over sparse attribute–label pairs.
 *
 * @remarks As in CRFsuite, a state feature exists only for (attribute, label) pairs seen in
 * training: attribute `a` owns pairs `pairStart[a] .. pairStart[a + 1]`, each with a label and a
 * weight. That keeps SNIPS-sized models at a few hundred thousand weights instead of
 * attributes × labels, and scoring a token touches only the labels its attributes were seen with.
 */
export interface CrfParameters {
  labels: readonly string[];
  attributeIds: ReadonlyMap<string, number>;
  pairStart: Int32Array;
  pairLabel: Int32Array;
  state: Float64Array;
  /**
   * `trans[b * L + a]`: weight of label b following label a. Indexed by the later label first
   * so that the dynamic programmes, which loop over each label's predecessors, read memory in order.
   */
  trans: Float64Array;
  start: Float64Array;
  end: Float64Array;
  structure: TransitionStructure;
}

/** A sentence as attribute ids: position t owns `attrs[offsets[t] .. offsets[t + 1])`. */
export interface EncodedSentence {
  length: number;
  attrs: Int32Array;
  offsets: Int32Array;
  /** Gold label ids, for training. */
  gold?: Int32Array;
}

/** Maps feature strings to attribute ids, dropping attributes the model does not know. */
export function encodeSentence(features: readonly (readonly string[])[], attributeIds: ReadonlyMap<string, number>): EncodedSentence {
  const ids: number[] = [];
  const offsets = new Int32Array(features.length + 1);
  features.forEach((position, t) => {
    offsets[t] = ids.length;
    for (const feature of position) {
      const id = attributeIds.get(feature);
      if (id !== undefined) ids.push(id);
    }
  });
  offsets[features.length] = ids.length;
  return { length: features.length, attrs: Int32Array.from(ids), offsets };
}

/**
 * State scores of every (position, label), `out[t * L + y]`, with all weights multiplied by
 * `scale` (the SGD trainer keeps weights as scale × vector, see `crf-sgd.ts`).
 */
export function emissions(params: CrfParameters, sentence: EncodedSentence, options: { scale: number; out: Float64Array }): Float64Array {
  const L = params.labels.length;
  const { out, scale } = options;
  const { attrs, offsets } = sentence;
  const { pairStart, pairLabel, state } = params;
  out.fill(0, 0, sentence.length * L);
  for (let t = 0; t < sentence.length; t += 1) {
    const row = t * L;
    for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k += 1) {
      const a = attrs[k] as number;
      for (let p = pairStart[a] as number; p < (pairStart[a + 1] as number); p += 1) {
        const i = row + (pairLabel[p] as number);
        out[i] = (out[i] as number) + (state[p] as number);
      }
    }
    if (scale !== 1) for (let y = 0; y < L; y += 1) out[row + y] = (out[row + y] as number) * scale;
  }
  return out;
}

/** Spread of the allowed transition weights: no path through a label can gain more than this on another. */
function transitionRange(params: CrfParameters): number {
  const { trans, structure } = params;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < trans.length; i += 1) {
    if (!structure.allowed[i]) continue;
    const w = trans[i] as number;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  return max - min;
}

/**
 * Best label sequence under the transition constraints (Viterbi), given state scores.
 *
 * @remarks Exact, but skips hopeless predecessors: when the best previous label `aD` may
 * precede `b`, any label whose score trails `aD`'s by more than the spread of transition weights
 * cannot beat `aD`, so only the labels within that spread are tried. With trained weights that
 * is a handful of labels instead of all of them, which matters for ATIS's 120 tags.
 */
export function viterbi(params: CrfParameters, options: { scores: Float64Array; length: number }): Int32Array {
  const L = params.labels.length;
  const n = options.length;
  const { scores } = options;
  const { trans, start, end, structure } = params;
  const { predStart, pred, allowed, allowedStart, allowedEnd } = structure;
  const best = new Int32Array(n);
  if (n === 0) return best;
  const range = transitionRange(params);
  const delta = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  const active = new Int32Array(L);
  for (let y = 0; y < L; y += 1) delta[y] = allowedStart[y] ? (start[y] as number) + (scores[y] as number) : -Infinity;
  for (let t = 1; t < n; t += 1) {
    const row = t * L;
    const prev = row - L;
    let top = 0;
    for (let a = 1; a < L; a += 1) if ((delta[prev + a] as number) > (delta[prev + top] as number)) top = a;
    const cutoff = (delta[prev + top] as number) - range;
    let count = 0;
    for (let a = 0; a < L; a += 1) if ((delta[prev + a] as number) >= cutoff) active[count++] = a;
    for (let b = 0; b < L; b += 1) {
      let max = -Infinity;
      let arg = 0;
      const base = b * L;
      const from = predStart[b] as number;
      const to = predStart[b + 1] as number;
      const pruned = allowed[base + top] === 1 && count < to - from;
      for (let k = pruned ? 0 : from; k < (pruned ? count : to); k += 1) {
        const a = (pruned ? active[k] : pred[k]) as number;
        if (pruned && !allowed[base + a]) continue;
        const v = (delta[prev + a] as number) + (trans[base + a] as number);
        if (v > max) {
          max = v;
          arg = a;
        }
      }
      delta[row + b] = max + (scores[row + b] as number);
      back[row + b] = arg;
    }
  }
  let max = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y += 1) {
    const v = allowedEnd[y] ? (delta[last + y] as number) + (end[y] as number) : -Infinity;
    if (v > max) {
      max = v;
      arg = y;
    }
  }
  best[n - 1] = arg;
  for (let t = n - 1; t > 0; t -= 1) best[t - 1] = back[t * L + (best[t] as number)] as number;
  return best;
}
