import type { CatalogueItem } from '../entities/catalogue-gazetteer.js';
import type { TrainingSet } from '../training-format/types.js';
import { hashTrainingSet } from './data-hash.js';
import { loadNluModel, readNluManifest, saveNluModel } from './folder.js';
import type { NluManifest } from './manifest.js';
import { trainNluModel, type EncoderFor, type NluModel } from './train.js';

/** Options of {@link openNluModel}. */
export interface OpenNluModelOptions {
  /** The model folder to load, or to write a freshly trained model to. */
  dir: string;
  /** The training data the model should reflect, one set per language. */
  sets: ReadonlyArray<{ set: TrainingSet; source: string }>;
  encoderFor?: EncoderFor;
  catalogue?: readonly CatalogueItem[];
  now?: () => Date;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

/**
 * The server's start-up path: loads the model folder when it matches the training data and
 * encoders; otherwise trains from the data and saves the folder for the next start.
 *
 * @returns the model and why it was (re)trained, if it was.
 */
export async function openNluModel(options: OpenNluModelOptions): Promise<{ model: NluModel; trainedBecause?: string }> {
  const manifest = await readNluManifest(options.dir);
  const stale = manifest === undefined ? 'no model folder yet' : await staleness(manifest, options);
  if (stale === undefined) {
    return { model: await loadNluModel(options.dir, options) };
  }
  options.onProgress?.(`training the NLU model (${stale})`);
  const model = await trainNluModel(options);
  await saveNluModel(model, options.dir);
  return { model, trainedBecause: stale };
}

/** Why a saved model no longer fits the data or encoders, or `undefined` when it does. */
async function staleness(manifest: NluManifest, options: OpenNluModelOptions): Promise<string | undefined> {
  const saved = new Map(manifest.languages.map((l) => [l.language, l]));
  for (const { set } of options.sets) {
    const entry = saved.get(set.language);
    if (entry === undefined) return `no model for "${set.language}"`;
    if (entry.data.sha256 !== hashTrainingSet(set)) return `the "${set.language}" training data changed`;
    const encoder = await options.encoderFor?.(set.language);
    const wanted = encoder === undefined ? null : encoder.id;
    if ((entry.featureSet.encoder?.id ?? null) !== wanted) return `the "${set.language}" encoder is now ${wanted ?? 'none'}`;
  }
  if (saved.size !== options.sets.length) return 'the set of languages changed';
  return undefined;
}
