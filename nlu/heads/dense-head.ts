import { z } from 'zod';
import { InvalidInputError } from '../../core/errors.js';
import { activateTfjs, claimRuntime, type Tfjs } from '../encoders/tfjs-runtime.js';
import { createRandom, shuffleInPlace } from '../../core/random.js';
import { decodeFloat32, encodeFloat32 } from '../tfidf-logreg-model.js';

/** Settings of {@link trainDenseHead}. */
export interface DenseHeadOptions {
  /** Hidden units; 0 trains a softmax regression. @defaultValue 512 */
  hiddenUnits: number;
  /** @defaultValue 0.3 */
  dropout: number;
  /** Adam learning rate. @defaultValue 0.001 */
  learningRate: number;
  /** @defaultValue 64 */
  batchSize: number;
  /** @defaultValue 80 */
  maxEpochs: number;
  /** Epochs without a better validation loss before stopping. @defaultValue 6 */
  patience: number;
  /** L2 penalty on the kernels. @defaultValue 0.00001 */
  l2: number;
  /** @defaultValue 42 */
  seed: number;
}

export const DENSE_HEAD_DEFAULTS: Readonly<DenseHeadOptions> = Object.freeze({
  hiddenUnits: 512, dropout: 0.3, learningRate: 0.001, batchSize: 64, maxEpochs: 80, patience: 6, l2: 0.00001, seed: 42,
});

/** Labelled feature rows: `x[i]` has label index `y[i]`. */
export interface DenseData {
  x: readonly Float32Array[];
  y: readonly number[];
}

/** A trained head: weights per layer, the epochs it trained, and its calibration temperature. */
export interface DenseHead {
  readonly inputSize: number;
  readonly classes: number;
  readonly epochs: number;
  /** Calibrated probabilities, one row per input. */
  predict(x: readonly Float32Array[]): Promise<Float32Array[]>;
  persist(): PersistedDenseHead;
}

export const PersistedDenseHeadSchema = z.object({
  format: z.literal('dense-head@1'),
  inputSize: z.number().int().positive(),
  classes: z.number().int().min(2),
  hiddenUnits: z.number().int().min(0),
  epochs: z.number().int().min(0),
  temperature: z.number().positive(),
  /** Base64 little-endian float32 tensors, in layer order (kernel, bias, ...). */
  weights: z.array(z.object({ shape: z.array(z.number().int()), data: z.string() })),
});
export type PersistedDenseHead = z.infer<typeof PersistedDenseHeadSchema>;

async function tfjs(): Promise<Tfjs> {
  claimRuntime('tfjs-wasm');
  return activateTfjs('tfjs-wasm');
}

function buildModel(tf: Tfjs, options: { inputSize: number; classes: number; hiddenUnits: number; dropout: number; seed: number }) {
  const model = tf.sequential();
  if (options.hiddenUnits > 0) {
    model.add(tf.layers.dense({
      inputShape: [options.inputSize], units: options.hiddenUnits, activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed }),
    }));
    model.add(tf.layers.dropout({ rate: options.dropout, seed: options.seed + 1 }));
  }
  // Logits: softmax (with the calibration temperature) is applied outside the model.
  model.add(tf.layers.dense({
    ...(options.hiddenUnits > 0 ? {} : { inputShape: [options.inputSize] }),
    units: options.classes, kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + 2 }),
  }));
  return model;
}

function toMatrix(tf: Tfjs, rows: readonly Float32Array[], width: number) {
  const flat = new Float32Array(rows.length * width);
  rows.forEach((row, i) => flat.set(row, i * width));
  return tf.tensor2d(flat, [rows.length, width]);
}

/**
 * Trains a dense classification head (one hidden ReLU layer, or none) with Adam, early
 * stopping on the validation loss, and temperature scaling fitted on the validation set.
 *
 * @remarks Reproducible: initialisers, dropout and batch order are seeded. The best epoch's
 * weights are kept, and the temperature makes confidences calibrated rather than over-sure,
 * which the out-of-scope threshold depends on.
 */
export async function trainDenseHead(options: {
  train: DenseData;
  validation: DenseData;
  classes: number;
  settings?: Partial<DenseHeadOptions>;
  /** Train exactly this many epochs (no early stopping), for example on all data after tuning. */
  fixedEpochs?: number;
  signal?: AbortSignal;
  onProgress?: (epoch: number, validationLoss: number) => void;
}): Promise<DenseHead> {
  const settings = { ...DENSE_HEAD_DEFAULTS, ...options.settings };
  const inputSize = options.train.x[0]?.length ?? 0;
  if (inputSize === 0 || options.train.x.length !== options.train.y.length) throw new InvalidInputError('dense head: empty or misaligned training data');
  const tf = await tfjs();
  const model = buildModel(tf, { inputSize, classes: options.classes, ...settings });
  const optimizer = tf.train.adam(settings.learningRate);
  const random = createRandom(settings.seed);
  const order = options.train.x.map((_, i) => i);
  const hasValidation = options.validation.x.length > 0;
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, weights: model.getWeights().map((w) => w.clone()) };
  const epochs = options.fixedEpochs ?? settings.maxEpochs;
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    options.signal?.throwIfAborted();
    shuffleInPlace(order, random);
    for (let start = 0; start < order.length; start += settings.batchSize) {
      const batch = order.slice(start, start + settings.batchSize);
      tf.tidy(() => {
        const xs = toMatrix(tf, batch.map((i) => options.train.x[i] as Float32Array), inputSize);
        const ys = tf.oneHot(tf.tensor1d(batch.map((i) => options.train.y[i] as number), 'int32'), options.classes);
        optimizer.minimize(() => {
          const logits = model.apply(xs, { training: true }) as ReturnType<Tfjs['tensor2d']>;
          const loss = tf.losses.softmaxCrossEntropy(ys, logits) as ReturnType<Tfjs['scalar']>;
          if (settings.l2 <= 0) return loss;
          // Layer regularisers only apply inside model.fit; this loop adds the L2 penalty itself.
          const kernels = model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => tf.sum(tf.square(w.read())));
          return tf.add(loss, tf.mul(tf.addN(kernels), settings.l2)) as ReturnType<Tfjs['scalar']>;
        });
      });
    }
    if (options.fixedEpochs !== undefined || !hasValidation) continue;
    const loss = validationLoss(tf, { model, data: options.validation, inputSize, classes: options.classes, temperature: 1 });
    options.onProgress?.(epoch, loss);
    if (loss < best.loss - 1e-4) {
      best.weights.forEach((w) => w.dispose());
      best = { loss, epoch, weights: model.getWeights().map((w) => w.clone()) };
    } else if (epoch - best.epoch >= settings.patience) break;
  }
  if (options.fixedEpochs === undefined && hasValidation) model.setWeights(best.weights);
  best.weights.forEach((w) => w.dispose());
  optimizer.dispose();
  const temperature = hasValidation ? fitTemperature(tf, { model, data: options.validation, inputSize, classes: options.classes }) : 1;
  const trainedEpochs = options.fixedEpochs ?? (hasValidation ? best.epoch : epochs);
  return wrap(tf, { model, inputSize, classes: options.classes, hiddenUnits: settings.hiddenUnits, epochs: trainedEpochs, temperature });
}

function logitsOf(tf: Tfjs, options: { model: ReturnType<Tfjs['sequential']>; x: readonly Float32Array[]; inputSize: number }): Float32Array {
  return tf.tidy(() => (options.model.predict(toMatrix(tf, options.x, options.inputSize)) as ReturnType<Tfjs['tensor2d']>).dataSync() as Float32Array);
}

function nll(logits: Float32Array, y: readonly number[], classes: number, temperature: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i += 1) {
    const row = logits.subarray(i * classes, (i + 1) * classes);
    let max = Number.NEGATIVE_INFINITY;
    for (const v of row) max = Math.max(max, v / temperature);
    let sum = 0;
    for (const v of row) sum += Math.exp(v / temperature - max);
    total += Math.log(sum) + max - (row[y[i] as number] as number) / temperature;
  }
  return total / Math.max(1, y.length);
}

function validationLoss(tf: Tfjs, options: { model: ReturnType<Tfjs['sequential']>; data: DenseData; inputSize: number; classes: number; temperature: number }): number {
  return nll(logitsOf(tf, { model: options.model, x: options.data.x, inputSize: options.inputSize }), options.data.y, options.classes, options.temperature);
}

/** Temperature that minimises the validation negative log-likelihood (grid search). */
function fitTemperature(tf: Tfjs, options: { model: ReturnType<Tfjs['sequential']>; data: DenseData; inputSize: number; classes: number }): number {
  const logits = logitsOf(tf, { model: options.model, x: options.data.x, inputSize: options.inputSize });
  let best = { t: 1, loss: Number.POSITIVE_INFINITY };
  for (let t = 0.5; t <= 4.0001; t += 0.05) {
    const loss = nll(logits, options.data.y, options.classes, t);
    if (loss < best.loss) best = { t, loss };
  }
  return Math.round(best.t * 100) / 100;
}

function softmaxRows(logits: Float32Array, rows: number, classes: number, temperature: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i < rows; i += 1) {
    const row = logits.slice(i * classes, (i + 1) * classes);
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c += 1) max = Math.max(max, (row[c] as number) / temperature);
    let sum = 0;
    for (let c = 0; c < classes; c += 1) { row[c] = Math.exp((row[c] as number) / temperature - max); sum += row[c] as number; }
    for (let c = 0; c < classes; c += 1) row[c] = (row[c] as number) / sum;
    out.push(row);
  }
  return out;
}

function wrap(tf: Tfjs, state: { model: ReturnType<Tfjs['sequential']>; inputSize: number; classes: number; hiddenUnits: number; epochs: number; temperature: number }): DenseHead {
  return {
    inputSize: state.inputSize,
    classes: state.classes,
    epochs: state.epochs,
    async predict(x) {
      if (x.length === 0) return [];
      return softmaxRows(logitsOf(tf, { model: state.model, x, inputSize: state.inputSize }), x.length, state.classes, state.temperature);
    },
    persist() {
      return {
        format: 'dense-head@1', inputSize: state.inputSize, classes: state.classes, hiddenUnits: state.hiddenUnits,
        epochs: state.epochs, temperature: state.temperature,
        weights: state.model.getWeights().map((w) => ({ shape: w.shape, data: encodeFloat32(w.dataSync() as Float32Array) })),
      };
    },
  };
}

/** Restores a persisted head; predictions are identical to the saved one's. */
export async function loadDenseHead(json: unknown): Promise<DenseHead> {
  const parsed = PersistedDenseHeadSchema.safeParse(json);
  if (!parsed.success) throw new InvalidInputError(`invalid dense head: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  const p = parsed.data;
  const tf = await tfjs();
  const model = buildModel(tf, { inputSize: p.inputSize, classes: p.classes, hiddenUnits: p.hiddenUnits, dropout: 0, seed: 0 });
  model.setWeights(p.weights.map((w) => tf.tensor(decodeFloat32(w.data), w.shape)));
  return wrap(tf, { model, inputSize: p.inputSize, classes: p.classes, hiddenUnits: p.hiddenUnits, epochs: p.epochs, temperature: p.temperature });
}
