import type { Logger } from '../core/logger.js';
import type { NluEngine } from '../core/nlu.js';
import { demoTrainingSets, encodersForTraining, loadTrainingFile, openNluModel, type CatalogueItem } from '../nlu/index.js';
import type { Store } from '../store/index.js';
import type { Config } from './config.js';

async function catalogue(store: Store): Promise<CatalogueItem[]> {
  const rows = await store.db.selectFrom('products').select(['id', 'sku', 'name']).execute();
  return rows.map((r) => ({ id: r.id, sku: r.sku, name: r.name }));
}

/**
 * Loads the NLU model folder (`NLU_MODEL_DIR`), or trains it from `NLU_DATA` (the demo data
 * by default) when it is missing or no longer matches the data or the encoder, and saves it.
 */
export async function openNlu(options: { config: Config; store: Store; logger: Logger }): Promise<NluEngine> {
  const { config, logger } = options;
  const started = Date.now();
  const sets =
    config.NLU_DATA.length === 0
      ? await demoTrainingSets()
      : await Promise.all(config.NLU_DATA.map(async (file) => ({ set: await loadTrainingFile(file), source: file })));
  const { model, trainedBecause } = await openNluModel({
    dir: config.NLU_MODEL_DIR,
    sets,
    // The pool lives as long as the server: the loaded model keeps using its encoders.
    encoderFor: encodersForTraining(config.NLU_ENCODER, config.ONNX_MODEL_DIR === undefined ? {} : { onnxModelDir: config.ONNX_MODEL_DIR }).encoderFor,
    catalogue: await catalogue(options.store),
    onProgress: (message) => logger.debug({ message }, 'nlu training'),
  });
  logger.info(
    {
      ms: Date.now() - started,
      dir: config.NLU_MODEL_DIR,
      trainedBecause,
      languages: model.manifest.languages.map((l) => ({ language: l.language, encoder: l.featureSet.encoder?.id ?? 'none', validationAccuracy: l.metrics.validationAccuracy })),
    },
    trainedBecause === undefined ? 'NLU model loaded' : 'NLU model trained and saved',
  );
  return model.engine;
}
