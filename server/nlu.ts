import type { Encoder } from '../core/encoder.js';
import type { Logger } from '../core/logger.js';
import type { NluEngine } from '../core/nlu.js';
import {
  createHashedNgramEncoder,
  createOnnxEncoder,
  createUseLiteEncoder,
  demoTrainingSets,
  loadTrainingFile,
  openNluModel,
  withCache,
  type CatalogueItem,
  type EncoderFor,
} from '../nlu/index.js';
import type { Store } from '../store/index.js';
import type { Config } from './config.js';

/** The encoder each language's intent classifier uses under `NLU_ENCODER`. */
function encoderChooser(config: Config): EncoderFor {
  let encoder: Promise<Encoder> | undefined;
  const make = async (): Promise<Encoder> => {
    if (config.NLU_ENCODER === 'hashed') return withCache(createHashedNgramEncoder({ dimension: 512 }));
    if (config.NLU_ENCODER === 'onnx') return withCache(await createOnnxEncoder({ modelDir: config.ONNX_MODEL_DIR as string, pooling: 'mean' }));
    return withCache(await createUseLiteEncoder());
  };
  return async (language) => {
    if (config.NLU_ENCODER === 'none') return undefined;
    const chosen = await (encoder ??= make());
    // USE-lite reads English only; Chinese then runs on its n-gram features.
    return chosen.languages === undefined || chosen.languages.includes(language) ? chosen : undefined;
  };
}

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
    encoderFor: encoderChooser(config),
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
