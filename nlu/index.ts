/**
 * Natural-language understanding: intents and entities for the bot.
 *
 * @remarks Contracts (`IntentClassifier`, `EntityExtractor`, `NluEngine`) live in
 * `core/nlu.ts`; this folder holds their implementations, the demo shop's training data
 * and the helpers that train and wire them.
 */
export { trainDemoNlu, loadDemoTrainingSet, demoTrainingSets, type TrainDemoNluOptions } from './demo.js';
export * from './model/index.js';
export * from './hybrid/index.js';
export { detectLanguage, type LanguageGuess } from './language-id.js';
export { createMultilingualNlu } from './multilingual.js';
export * from './training-format/index.js';
export { createNluEngine, SUPPORTED_LANGUAGES, type NluEngineOptions, type SupportedLanguage } from './engine.js';
export { ComponentContractError, ModelNotTrainedError } from './errors.js';
export * from './extractors/index.js';
export { SHOP_INTENTS, isShopIntent, type ShopIntent } from './intents.js';
export { EMAIL_TOKEN, NUMBER_TOKEN, tokenizeEn } from './normalizer-en.js';
export * from './encoders/index.js';
export * from './entities/index.js';
export { loadChineseSegmenter, type WordSegmenter } from './encoders/chinese-segmenter.js';
export { stratifiedSplit } from './stratified-split.js';
