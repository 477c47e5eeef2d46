import path from 'node:path';
import { HYBRID_DEFAULTS } from '../hybrid/index.js';
import { loadTrainingFile } from '../training-format/index.js';
import { encodersForTraining, type EncoderChoice } from './encoder-pool.js';
import { fixed, formatTable } from './cli-table.js';
import { saveNluModel } from './folder.js';
import type { NluManifest } from './manifest.js';
import { trainNluModel } from './train.js';

/** Options of {@link runTrain}. */
export interface RunTrainOptions {
  /** Training files, one per language. */
  data: readonly string[];
  out: string;
  encoder: EncoderChoice;
  /** Folder of the ONNX encoder when `encoder` is `onnx`. */
  onnxModelDir?: string;
  /** Where progress lines go (the CLI's stderr). */
  onProgress: (message: string) => void;
}

/**
 * `train`: loads the training files, trains, saves the model folder and returns the summary to print.
 *
 * @throws `TrainingDataError` listing `file:line:col reason` when a file is malformed.
 */
export async function runTrain(options: RunTrainOptions): Promise<string> {
  // All files are checked before any training starts, so a typo in the second file fails fast.
  const sets = [];
  for (const file of options.data) sets.push({ set: await loadTrainingFile(file), source: file });
  const encoders = encodersForTraining(options.encoder, options.onnxModelDir === undefined ? {} : { onnxModelDir: options.onnxModelDir });
  try {
    const model = await trainNluModel({ sets, encoderFor: encoders.encoderFor, onProgress: options.onProgress });
    options.onProgress(`saving the model to ${options.out}`);
    await saveNluModel(model, options.out);
    return `${formatTrainSummary(model.manifest)}\n\nmodel folder: ${path.resolve(options.out)}`;
  } finally {
    await encoders.dispose();
  }
}

/** One row per language: what was trained and how well it did on its validation split. */
function formatTrainSummary(manifest: NluManifest): string {
  const rows = manifest.languages.map((entry) => {
    const { data, metrics } = entry;
    return [
      entry.language,
      `${data.examples} + ${data.outOfScopeExamples} oos`,
      String(entry.intents.filter((intent) => intent !== HYBRID_DEFAULTS.outOfScopeIntent).length),
      metrics.validationAccuracy === null ? '-' : `${fixed(metrics.validationAccuracy)} (n=${metrics.validationExamples})`,
      fixed(metrics.outOfScopeThreshold),
      metrics.trainSeconds.toFixed(1),
      entry.featureSet.encoder?.id ?? 'none',
    ];
  });
  return formatTable(
    [
      { header: 'language' },
      { header: 'examples', align: 'right' },
      { header: 'intents', align: 'right' },
      { header: 'validation accuracy', align: 'right' },
      { header: 'oos threshold', align: 'right' },
      { header: 'train s', align: 'right' },
      { header: 'encoder' },
    ],
    rows,
  );
}
