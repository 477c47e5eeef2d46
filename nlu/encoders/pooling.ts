import { ComponentContractError } from '../errors.js';
import { l2NormalizeInPlace } from './vector-math.js';

/**
 * How token vectors become one sentence vector.
 *
 * - `mean`: average of the tokens the attention mask keeps (sentence-transformers' default;
 *   MiniLM, mpnet, e5).
 * - `cls`: the first token's vector (BERT's `[CLS]`; BGE, some retrieval models).
 */
export type Pooling = 'mean' | 'cls';

/** A `[batch, sequence, hidden]` float tensor and the `[batch, sequence]` attention mask. */
export interface HiddenStates {
  data: Float32Array;
  dims: readonly number[];
  /** 1 for real tokens, 0 for padding. */
  attentionMask: ArrayLike<number | bigint>;
}

/**
 * Pools each sentence of a batch into one vector, L2-normalised when `normalize` is true.
 *
 * @remarks Mean pooling divides by the number of kept tokens, so a sentence padded to a longer
 * batch-mate gets the same vector as alone.
 * @throws {@link ComponentContractError} when the tensor is not three-dimensional or the mask
 * does not match it.
 */
export function poolHiddenStates(options: { states: HiddenStates; pooling: Pooling; normalize: boolean }): Float32Array[] {
  const { data, dims, attentionMask } = options.states;
  const [batch, sequence, hidden] = dims;
  if (dims.length !== 3 || batch === undefined || sequence === undefined || hidden === undefined) {
    throw new ComponentContractError(`Expected hidden states [batch, sequence, hidden], got [${dims.join(', ')}]`);
  }
  if (attentionMask.length !== batch * sequence || data.length !== batch * sequence * hidden) {
    throw new ComponentContractError('Attention mask or hidden states do not match the tensor shape', { dims: [...dims] });
  }
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const vector = new Float64Array(hidden);
    let kept = 0;
    const last = options.pooling === 'cls' ? 1 : sequence;
    for (let s = 0; s < last; s++) {
      if (options.pooling === 'mean' && Number(attentionMask[b * sequence + s] ?? 0) === 0) continue;
      kept += 1;
      const offset = (b * sequence + s) * hidden;
      for (let h = 0; h < hidden; h++) vector[h] = (vector[h] ?? 0) + (data[offset + h] ?? 0);
    }
    if (kept > 1) for (let h = 0; h < hidden; h++) vector[h] = (vector[h] ?? 0) / kept;
    if (options.normalize) l2NormalizeInPlace(vector);
    out.push(Float32Array.from(vector));
  }
  return out;
}
