/** NLU model folders: train, save, load; the manifest records data, features, versions and metrics. */
export { saveNluModel, loadNluModel, readNluManifest, type LoadNluModelOptions } from './folder.js';
export { trainNluModel, intentExamples, type EncoderFor, type LanguageModel, type NluModel, type TrainNluModelOptions } from './train.js';
export { hashTrainingSet } from './data-hash.js';
export { MANIFEST_FILE, NLU_MODEL_FORMAT, NLU_MODEL_FORMAT_VERSION, parseNluManifest, type NluManifest, type NluManifestLanguage } from './manifest.js';
export { openNluModel, type OpenNluModelOptions } from './open.js';
export { encodersForTraining, encodersForManifest, parseHashedNgramId, ENCODER_CHOICES, type EncoderChoice, type EncoderPool } from './encoder-pool.js';
