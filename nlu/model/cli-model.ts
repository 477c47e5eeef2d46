import path from 'node:path';
import { InvalidInputError } from '../../core/errors.js';
import { encodersForManifest } from './encoder-pool.js';
import { loadNluModel, readNluManifest } from './folder.js';
import type { NluModel } from './train.js';

/** The command that builds the demo model where `parse` looks by default. */
const TRAIN_HINT = 'npm run nlu -- train --data nlu/demo-data/en.yaml --data nlu/demo-data/zh.yaml --out data/nlu-model';

/** A loaded model and the encoders it holds, to dispose when done. */
export interface OpenedModel {
  model: NluModel;
  dispose(): Promise<void>;
}

/**
 * Loads a saved model with the encoders its manifest names.
 *
 * @throws {@link InvalidInputError} with the command that trains one when the folder has no
 * manifest, or when an encoder cannot be rebuilt or differs from the saved one.
 */
export async function openSavedModel(dir: string, options: { onnxModelDir?: string } = {}): Promise<OpenedModel> {
  const manifest = await readNluManifest(dir);
  if (manifest === undefined) {
    throw new InvalidInputError(
      `No NLU model in ${path.resolve(dir)} (no manifest.json). Train one with\n  ${TRAIN_HINT}\nor start the server, which trains one.`,
      { dir },
    );
  }
  const encoders = encodersForManifest(manifest, options);
  try {
    return { model: await loadNluModel(dir, { encoderFor: encoders.encoderFor }), dispose: () => encoders.dispose() };
  } catch (error) {
    await encoders.dispose();
    throw error;
  }
}
