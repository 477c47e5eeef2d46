import { emissions, type CrfParameters, type EncodedSentence } from './crf-model.js';
import { runEpochs, type LoopOptions } from './training-loop.js';

/** Settings of {@link trainCrfSgd}. */
export interface CrfSgdSettings {
  /** L2 strength over the whole data set (CRFsuite's c2). */
  c2: number;
  /** Initial learning rate; it decays as 1 / (1 + epochs done). */
  learningRate: number;
}

// Weights are stored as scale × vector so that the L2 shrink of every step costs O(1).
const MIN_SCALE = 1e-9;

/**
 * Trains a linear-chain CRF by stochastic gradient ascent on the conditional log-likelihood
 * with L2 regularisation (one sentence per step, exact forward–backward marginals).
 *
 * @remarks SGD rather than L-BFGS because a few passes over the data get close to the optimum
 * on slot-filling sets, where L-BFGS needs a hundred full passes. The per-step weight decay is
 * applied lazily through a scale factor, as in CRFsuite's l2sgd.
 */
export async function trainCrfSgd(options: {
  params: CrfParameters;
  sentences: readonly EncodedSentence[];
  settings: CrfSgdSettings;
  loop: Omit<LoopOptions, 'component'>;
}): Promise<void> {
  const trainer = new SgdState(options.params, options.sentences);
  const { c2, learningRate } = options.settings;
  const n = Math.max(1, options.sentences.length);
  let seen = 0;
  await runEpochs({
    ...options.loop,
    component: 'CRF tagger',
    count: options.sentences.length,
    step: (index) => {
      const eta = learningRate / (1 + seen / n);
      seen += 1;
      return trainer.step(options.sentences[index] as EncodedSentence, { eta, decay: Math.min(0.5, (eta * c2) / n) });
    },
  });
  trainer.finish();
}

/** Buffers and the weight scale of one SGD run. All L × L arrays are indexed `[to * L + from]`. */
class SgdState {
  private scale = 1;
  private readonly L: number;
  private potentials = new Float64Array(0);
  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  private norm = new Float64Array(0);
  private readonly marginal: Float64Array;
  private readonly expTrans: Float64Array;
  private readonly expStart: Float64Array;
  private readonly expEnd: Float64Array;
  private readonly transExpected: Float64Array;

  constructor(
    private readonly params: CrfParameters,
    sentences: readonly EncodedSentence[],
  ) {
    this.L = params.labels.length;
    this.resize(sentences.reduce((max, s) => Math.max(max, s.length), 1));
    this.marginal = new Float64Array(this.L);
    this.expTrans = new Float64Array(this.L * this.L);
    this.expStart = new Float64Array(this.L);
    this.expEnd = new Float64Array(this.L);
    this.transExpected = new Float64Array(this.L * this.L);
  }

  /** One SGD step on one sentence; returns its negative log-likelihood before the step. */
  step(sentence: EncodedSentence, rates: { eta: number; decay: number }): number {
    if (sentence.length === 0) return 0;
    if (sentence.length * this.L > this.potentials.length) this.resize(sentence.length);
    emissions(this.params, sentence, { scale: this.scale, out: this.potentials });
    const loss = this.forward(sentence.length) + this.backward(sentence.length) - this.goldScore(sentence);
    this.scale *= 1 - rates.decay;
    this.update(sentence, rates.eta / this.scale);
    if (this.scale < MIN_SCALE) this.finish();
    return loss;
  }

  /** Folds the scale into the weights. */
  finish(): void {
    const { state, trans, start, end } = this.params;
    for (const weights of [state, trans, start, end]) for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] as number) * this.scale;
    this.scale = 1;
  }

  private resize(length: number): void {
    this.potentials = new Float64Array(length * this.L);
    this.alpha = new Float64Array(length * this.L);
    this.beta = new Float64Array(length * this.L);
    this.norm = new Float64Array(length);
  }

  /** Exponentiates the weights for this step and returns their shifts' share of log Z. */
  private exponentiate(n: number): number {
    const { L, potentials, expTrans, expStart, expEnd, scale } = this;
    const { trans, start, end, structure } = this.params;
    const { allowed, allowedStart, allowedEnd } = structure;
    for (let i = 0; i < L * L; i += 1) expTrans[i] = allowed[i] ? Math.exp(scale * (trans[i] as number)) : 0;
    for (let y = 0; y < L; y += 1) {
      expStart[y] = allowedStart[y] ? Math.exp(scale * (start[y] as number)) : 0;
      expEnd[y] = allowedEnd[y] ? Math.exp(scale * (end[y] as number)) : 0;
    }
    // Scores become potentials exp(score - max) in place; the max goes into log Z.
    let shift = 0;
    for (let t = 0; t < n; t += 1) {
      const row = t * L;
      let max = -Infinity;
      for (let y = 0; y < L; y += 1) max = Math.max(max, potentials[row + y] as number);
      for (let y = 0; y < L; y += 1) potentials[row + y] = Math.exp((potentials[row + y] as number) - max);
      shift += max;
    }
    return shift;
  }

  /** Normalised forward pass; returns the log Z share of the shifts and norms. */
  private forward(n: number): number {
    const { L, potentials, alpha, norm, expTrans, expStart } = this;
    const { predStart, pred } = this.params.structure;
    let logZ = this.exponentiate(n);
    let sum = 0;
    for (let y = 0; y < L; y += 1) sum += alpha[y] = (expStart[y] as number) * (potentials[y] as number);
    norm[0] = sum;
    for (let y = 0; y < L; y += 1) alpha[y] = (alpha[y] as number) / sum;
    for (let t = 1; t < n; t += 1) {
      const row = t * L;
      const prev = row - L;
      sum = 0;
      for (let b = 0; b < L; b += 1) {
        let acc = 0;
        const base = b * L;
        for (let k = predStart[b] as number, stop = predStart[b + 1] as number; k < stop; k += 1) {
          const a = pred[k] as number;
          acc += (alpha[prev + a] as number) * (expTrans[base + a] as number);
        }
        sum += alpha[row + b] = acc * (potentials[row + b] as number);
      }
      norm[t] = sum;
      for (let b = 0; b < L; b += 1) alpha[row + b] = (alpha[row + b] as number) / sum;
    }
    for (let t = 0; t < n; t += 1) logZ += Math.log(norm[t] as number);
    return logZ;
  }

  /**
   * Backward pass with the forward norms, accumulating the expected transition counts on the
   * way (the pairwise marginal needs exactly the products this pass computes). Returns the
   * end term of log Z.
   */
  private backward(n: number): number {
    const { L, potentials, alpha, beta, norm, expTrans, expEnd, transExpected } = this;
    const { predStart, pred } = this.params.structure;
    const last = (n - 1) * L;
    let k = 0;
    for (let y = 0; y < L; y += 1) k += (alpha[last + y] as number) * (expEnd[y] as number);
    for (let y = 0; y < L; y += 1) beta[last + y] = (expEnd[y] as number) / k;
    transExpected.fill(0);
    for (let t = n - 2; t >= 0; t -= 1) {
      const row = t * L;
      const next = row + L;
      const c = norm[t + 1] as number;
      beta.fill(0, row, next);
      for (let b = 0; b < L; b += 1) {
        const w = ((potentials[next + b] as number) * (beta[next + b] as number)) / c;
        if (w === 0) continue;
        const base = b * L;
        for (let j = predStart[b] as number, stop = predStart[b + 1] as number; j < stop; j += 1) {
          const a = pred[j] as number;
          const m = (expTrans[base + a] as number) * w;
          beta[row + a] = (beta[row + a] as number) + m;
          transExpected[base + a] = (transExpected[base + a] as number) + (alpha[row + a] as number) * m;
        }
      }
    }
    return Math.log(k);
  }

  /** Score of the gold path under the current weights. */
  private goldScore(sentence: EncodedSentence): number {
    const { L, scale } = this;
    const { pairStart, pairLabel, state, trans, start, end } = this.params;
    const { attrs, offsets, length: n } = sentence;
    const gold = sentence.gold as Int32Array;
    let score = (start[gold[0] as number] as number) + (end[gold[n - 1] as number] as number);
    for (let t = 0; t < n; t += 1) {
      const g = gold[t] as number;
      for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k += 1) {
        const a = attrs[k] as number;
        for (let p = pairStart[a] as number; p < (pairStart[a + 1] as number); p += 1) if (pairLabel[p] === g) score += state[p] as number;
      }
      if (t > 0) score += trans[g * L + (gold[t - 1] as number)] as number;
    }
    return scale * score;
  }

  /** Adds `gain` × (observed − expected) feature counts to the weight vector. */
  private update(sentence: EncodedSentence, gain: number): void {
    const { L, alpha, beta, marginal, transExpected } = this;
    const { pairStart, pairLabel, state, trans, start, end, structure } = this.params;
    const { attrs, offsets, length: n } = sentence;
    const gold = sentence.gold as Int32Array;
    for (let t = 0; t < n; t += 1) {
      const row = t * L;
      const g = gold[t] as number;
      for (let y = 0; y < L; y += 1) marginal[y] = (alpha[row + y] as number) * (beta[row + y] as number);
      for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k += 1) {
        const a = attrs[k] as number;
        for (let p = pairStart[a] as number; p < (pairStart[a + 1] as number); p += 1) {
          const y = pairLabel[p] as number;
          state[p] = (state[p] as number) + gain * ((y === g ? 1 : 0) - (marginal[y] as number));
        }
      }
      if (t === 0) for (let y = 0; y < L; y += 1) start[y] = (start[y] as number) - gain * (marginal[y] as number);
      if (t === n - 1) for (let y = 0; y < L; y += 1) end[y] = (end[y] as number) - gain * (marginal[y] as number);
      if (t > 0) {
        const i = g * L + (gold[t - 1] as number);
        trans[i] = (trans[i] as number) + gain;
      }
    }
    const first = gold[0] as number;
    const final = gold[n - 1] as number;
    start[first] = (start[first] as number) + gain;
    end[final] = (end[final] as number) + gain;
    const { allowed } = structure;
    for (let i = 0; i < L * L; i += 1) if (allowed[i]) trans[i] = (trans[i] as number) - gain * (transExpected[i] as number);
  }
}
