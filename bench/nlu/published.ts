import type { DatasetName } from './datasets/index.js';

/** A published result on a dataset's official test split, as quoted in its README. */
export interface PublishedReference {
  /** Who reported it. */
  source: string;
  intent_accuracy?: number;
  in_scope_accuracy?: number;
  oos_recall?: number;
  slot_f1?: number;
}

/**
 * Reference figures from `shared/data/<name>/README.md`, for the readable table only.
 *
 * @remarks These are test-split numbers; compare them with runs given `--test`, not with
 * validation fallbacks.
 */
export const PUBLISHED: Readonly<Record<DatasetName, readonly PublishedReference[]>> = Object.freeze({
  banking77: [
    { source: 'USE (Casanueva et al. 2020)', intent_accuracy: 92.81 },
    { source: 'BERT-tuned (Casanueva et al. 2020)', intent_accuracy: 93.66 },
  ],
  clinc150: [
    { source: 'BERT, oos-threshold (Larson et al. 2019)', in_scope_accuracy: 96.2, oos_recall: 52.3 },
    { source: 'MLP (USE), oos-threshold (Larson et al. 2019)', in_scope_accuracy: 93.4, oos_recall: 49.1 },
  ],
  snips: [{ source: 'JointBERT (Chen et al. 2019)', intent_accuracy: 98.6, slot_f1: 97.0 }],
  atis: [{ source: 'JointBERT (Chen et al. 2019)', intent_accuracy: 97.5, slot_f1: 96.1 }],
  cais: [{ source: 'CM-Net (Liu et al. 2019)', intent_accuracy: 94.56, slot_f1: 86.16 }],
  bitext: [],
});
